/**
 * Where Netlify's rate limit sends a form post over the limit (`rateLimit.action: 'rewrite'` in
 * functions/forms.mts): a calm answer with the phone number, never a bare 429. Nothing was
 * read, stored or sent, and the answer says so; the person can try again in a minute. A form
 * in another language says which in every post (src/forms/ui.ts LANG_FIELD), and is answered
 * in it, in its own page shell.
 */
import { SERVER_FORMS } from '../forms/registry.ts';
import { escapeHtml } from '../../src/forms/render.ts';
import { ENGLISH_UI, fill, keepLtr, LANG_FIELD, type FormUi } from '../../src/forms/ui.ts';
import { contactFacts } from '../settings/config.ts';
import { html, json, wantsJson } from './http.ts';
import { renderPage } from './pages.ts';

export const TOO_MANY_PATH = '/api/forms/too-many-requests';

/** The most of a post read to find its language: a form's answers fit many times over. */
const LANGUAGE_READ_BYTES = 64 * 1024;

export function tooManyMessage(phone: string, ui: FormUi = ENGLISH_UI): string {
  return fill(ui.overLimit, { phone: keepLtr(phone, ui) });
}

/** For a page opened over the limit (a confirmation page): nothing was lost, only wait. */
export function tooManyPagesMessage(phone: string): string {
  return `We have had a lot of requests from your connection in the last minute. Wait a minute, then reload this page. Anything you already sent has not been lost. If you need us now, phone us on ${phone}.`;
}

/** The words of the form a post came from, by the language it names; English if none or unknown. */
export async function postedLanguage(request: Request): Promise<FormUi> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (!request.body || declared > LANGUAGE_READ_BYTES) return ENGLISH_UI;
  let lang: unknown;
  try {
    const text = await request.clone().text();
    if (text.length > LANGUAGE_READ_BYTES) return ENGLISH_UI;
    lang = (request.headers.get('content-type') ?? '').includes('json')
      ? (JSON.parse(text) as Record<string, unknown>)[LANG_FIELD]
      : new URLSearchParams(text).get(LANG_FIELD);
  } catch {
    return ENGLISH_UI;
  }
  const form = Object.values(SERVER_FORMS).find((each) => each.ui && each.ui.lang === lang);
  return form?.ui ?? ENGLISH_UI;
}

export async function tooMany(request: Request): Promise<Response> {
  // Netlify's limit counts every request to the forms function, confirmation pages too: a page
  // opened over the limit must not say that a form was lost.
  const opened = request.method === 'GET' || request.method === 'HEAD';
  const ui = opened ? ENGLISH_UI : await postedLanguage(request);
  const message = opened ? tooManyPagesMessage(contactFacts.phone) : tooManyMessage(contactFacts.phone, ui);
  const asJson = (request.headers.get('content-type') ?? '').includes('application/json');
  if (wantsJson(request, asJson)) return json(429, { error: message }, { 'Retry-After': '60' });
  const heading = opened ? 'Please wait a minute' : ui.overLimitTitle;
  const page = await renderPage({
    origin: new URL(request.url).origin,
    path: TOO_MANY_PATH,
    title: heading,
    main:
      `<h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p>` +
      `<p><a href="${escapeHtml(ui.homePath)}">${escapeHtml(opened ? 'Go to the home page' : ui.homeLink)}</a></p>`,
    shell: ui.shellPath,
  });
  return html(429, page, { 'Retry-After': '60' });
}
