/**
 * Where Netlify's rate limit sends a form post over the limit (`rateLimit.action: 'rewrite'` in
 * functions/forms.mts): a calm answer with the phone number, never a bare 429. Nothing was
 * read, stored or sent, and the answer says so; the person can try again in a minute.
 */
import { contactFacts } from '../settings/config.ts';
import { html, json, wantsJson } from './http.ts';
import { renderPage } from './pages.ts';

export const TOO_MANY_PATH = '/api/forms/too-many-requests';

export function tooManyMessage(phone: string): string {
  return `We have had a lot of forms from your connection in the last minute, so this one was not sent and nothing was saved. Wait a minute, then send it again, or phone us on ${phone}.`;
}

/** For a page opened over the limit (a confirmation page): nothing was lost, only wait. */
export function tooManyPagesMessage(phone: string): string {
  return `We have had a lot of requests from your connection in the last minute. Wait a minute, then reload this page. Anything you already sent has not been lost. If you need us now, phone us on ${phone}.`;
}

export async function tooMany(request: Request): Promise<Response> {
  // Netlify's limit counts every request to the forms function, confirmation pages too: a page
  // opened over the limit must not say that a form was lost.
  const opened = request.method === 'GET' || request.method === 'HEAD';
  const message = opened ? tooManyPagesMessage(contactFacts.phone) : tooManyMessage(contactFacts.phone);
  const asJson = (request.headers.get('content-type') ?? '').includes('application/json');
  if (wantsJson(request, asJson)) return json(429, { error: message }, { 'Retry-After': '60' });
  const heading = opened ? 'Please wait a minute' : 'Not sent: please wait a minute';
  const page = await renderPage({
    origin: new URL(request.url).origin,
    path: TOO_MANY_PATH,
    title: heading,
    main: `<h1>${heading}</h1><p>${message}</p><p><a href="/">Go to the home page</a></p>`,
  });
  return html(429, page, { 'Retry-After': '60' });
}
