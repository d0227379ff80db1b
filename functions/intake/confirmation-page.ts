import type { Context } from '@netlify/functions';
import type { ServerForm } from '../forms/definition.ts';
import { escapeHtml, renderConfirmation } from '../../src/forms/render.ts';
import { fill, keepLtr, uiOf } from '../../src/forms/ui.ts';
import { normaliseReference } from '../records/reference.ts';
import { contactFacts } from '../settings/config.ts';
import { depsFor, type MakeDeps } from '../settings/deps.ts';
import { html, json } from './http.ts';
import { renderPage, type PageOptions } from './pages.ts';
import { provesReference } from './proof.ts';

/**
 * GET /forms/<id>/sent/?reference=…&proof=…: the confirmation page. It shows the reference only
 * when the address carries the proof this site gave with it; any other address (a reference
 * typed in, a link cut short) gets a page that claims nothing either way.
 */
export function createConfirmationHandler(
  form: ServerForm,
  makeDeps: MakeDeps = depsFor,
  pageFor: (options: PageOptions) => Promise<string> = renderPage,
) {
  return async (request: Request, context?: Context): Promise<Response> => {
    const url = new URL(request.url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return json(405, { error: 'Use GET for this page' }, { Allow: 'GET, HEAD' });
    }
    const reference = normaliseReference(url.searchParams.get('reference') ?? '');
    const { tokenSecret } = makeDeps(context).config;
    const ui = uiOf(form);
    const shell = ui.shellPath;
    if (!reference || !provesReference(tokenSecret, form.id, reference, url.searchParams.get('proof'))) {
      const link = `<a href="${escapeHtml(form.pagePath)}">${escapeHtml(ui.referenceNotShownLink)}</a>`;
      const help = escapeHtml(fill(ui.referenceNotShownHelp, { phone: keepLtr(contactFacts.phone, ui) })).replace(
        '{link}',
        () => link,
      );
      const main =
        `<h1>${escapeHtml(ui.referenceNotShownTitle)}</h1>` +
        `<p>${escapeHtml(ui.referenceNotShown)}</p>` +
        `<p>${help}</p>`;
      const title = ui.referenceNotShownPageTitle;
      return html(404, await pageFor({ origin: url.origin, path: form.confirmationPath, title, main, shell }));
    }
    // Worded for whoever sent it: "the person you referred" rather than "you".
    const voice = url.searchParams.get('for') === 'other' ? 'other' : 'self';
    return html(
      200,
      await pageFor({
        origin: url.origin,
        path: form.confirmationPath,
        title: form.sentTitle,
        main: renderConfirmation(form, reference, contactFacts, { voice }),
        otherHelp: form.safetyLines === true,
        shell,
      }),
    );
  };
}
