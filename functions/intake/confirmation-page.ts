import type { Context } from '@netlify/functions';
import type { ServerForm } from '../forms/definition.ts';
import { renderConfirmation } from '../../src/forms/render.ts';
import { normaliseReference } from '../records/reference.ts';
import { contactFacts } from '../settings/config.ts';
import { depsFor, type MakeDeps } from '../settings/deps.ts';
import { html, json } from './http.ts';
import { renderPage as pageFor } from './pages.ts';
import { provesReference } from './proof.ts';

/**
 * GET /forms/<id>/sent/?reference=…&proof=…: the confirmation page. It shows the reference only
 * when the address carries the proof this site gave with it; any other address (a reference
 * typed in, a link cut short) gets a page that claims nothing either way.
 */
export function createConfirmationHandler(form: ServerForm, makeDeps: MakeDeps = depsFor) {
  return async (request: Request, context?: Context): Promise<Response> => {
    const url = new URL(request.url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return json(405, { error: 'Use GET for this page' }, { Allow: 'GET, HEAD' });
    }
    const reference = normaliseReference(url.searchParams.get('reference') ?? '');
    const { tokenSecret } = makeDeps(context).config;
    if (!reference || !provesReference(tokenSecret, form.id, reference, url.searchParams.get('proof'))) {
      const main =
        `<h1>We cannot show a reference on this page</h1>` +
        `<p>This page shows a reference number straight after a form is sent from this website. This web address did not come from sending one, or part of it is missing, so this page cannot say whether anything was sent.</p>` +
        `<p>If you sent the form and want to check it reached us, phone us on ${contactFacts.phone}. Or <a href="${form.pagePath}">go to the form</a>.</p>`;
      return html(
        404,
        await pageFor({ origin: url.origin, path: form.confirmationPath, title: 'Reference not shown', main }),
      );
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
      }),
    );
  };
}
