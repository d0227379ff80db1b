import type { ServerForm } from '../forms/definition.ts';
import { renderConfirmation } from '../../src/forms/render.ts';
import { normaliseReference } from '../records/reference.ts';
import { contactFacts } from '../settings/config.ts';
import { html, json } from './http.ts';
import { renderPage as pageFor } from './pages.ts';

/** GET /forms/<id>/sent/?reference=…: the confirmation page, which shows only the reference. */
export function createConfirmationHandler(form: ServerForm) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return json(405, { error: 'Use GET for this page' }, { Allow: 'GET, HEAD' });
    }
    const reference = normaliseReference(url.searchParams.get('reference') ?? '');
    if (!reference) {
      const main = `<h1>Page not found</h1><p>This page shows the reference number after you send a form. Check the web address, or <a href="${form.pagePath}">go back to the form</a>.</p>`;
      return html(
        404,
        await pageFor({ origin: url.origin, path: form.confirmationPath, title: 'Page not found', main }),
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
      }),
    );
  };
}
