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

export async function tooMany(request: Request): Promise<Response> {
  const message = tooManyMessage(contactFacts.phone);
  const asJson = (request.headers.get('content-type') ?? '').includes('application/json');
  if (wantsJson(request, asJson)) return json(429, { error: message }, { 'Retry-After': '60' });
  const page = await renderPage({
    origin: new URL(request.url).origin,
    path: TOO_MANY_PATH,
    title: 'Not sent: please wait a minute',
    main: `<h1>Not sent: please wait a minute</h1><p>${message}</p><p><a href="/">Go to the home page</a></p>`,
  });
  return html(429, page, { 'Retry-After': '60' });
}
