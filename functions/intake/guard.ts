/**
 * The first step of every form post: the method, the settings, the site it came from, and a
 * body that can be read. What gets past has a body of plain answers and knows whether to
 * answer in JSON (the enhanced form) or with pages (no JavaScript).
 */
import type { Context } from '@netlify/functions';
import type { ServerForm } from '../forms/definition.ts';
import type { HandlerDeps, MakeDeps } from '../settings/deps.ts';
import { logEvent } from '../settings/log.ts';
import { html, isCrossSite, json, readBody, RequestProblem, redirect, wantsJson, type Body } from './http.ts';
import { renderPage } from './pages.ts';
import { problemMessage } from './replies.ts';
import { contactFacts } from '../settings/config.ts';
import { escapeHtml } from '../../src/forms/render.ts';
import { fill, keepLtr, lowerFirst, uiOf } from '../../src/forms/ui.ts';

export type Guarded = { response: Response } | { deps: HandlerDeps; body: Body; asJson: boolean };

export async function guard(
  form: ServerForm,
  request: Request,
  context: Context | undefined,
  makeDeps: MakeDeps,
): Promise<Guarded> {
  if (request.method !== 'POST') {
    // Without JavaScript the address bar shows where the form was posted: reloaded, or opened
    // again from the history, it sends the person to the form's page (answers are never in
    // an address), not to a bare refusal.
    if (opensPage(request)) return { response: redirect(form.pagePath) };
    return { response: json(405, { error: `Use POST to send this form` }, { Allow: 'POST' }) };
  }
  let deps: HandlerDeps;
  try {
    deps = makeDeps(context);
  } catch (error) {
    logEvent({ form: form.id, outcome: 'not-configured', reason: (error as Error).name }, 'error');
    return { response: json(503, { error: problemMessage(form) }) };
  }
  const ui = uiOf(form);
  const origin = new URL(request.url).origin;
  const refusal = (status: number, title: string, main: string) =>
    renderPage({ origin, path: form.pagePath, title, main, shell: ui.shellPath }).then((page) => html(status, page));
  if (isCrossSite(request, deps.config.siteOrigins)) {
    logEvent({ form: form.id, outcome: 'refused-cross-site', status: 403 });
    const message = ui.notOurSite;
    if (wantsJson(request, false)) return { response: json(403, { error: message }) };
    const link = `<a href="${escapeHtml(form.pagePath)}">${escapeHtml(ui.toFormLink)}</a>`;
    const main =
      `<h1>${escapeHtml(ui.problemPageTitle)}</h1>` +
      `<p>${escapeHtml(message)} ${escapeHtml(ui.goToForm).replace('{link}', () => link)}</p>`;
    return { response: await refusal(403, ui.problemPageTitle, main) };
  }
  try {
    const { body, isJson } = await readBody(request);
    return { deps, body, asJson: wantsJson(request, isJson) };
  } catch (error) {
    const status = error instanceof RequestProblem ? error.status : 400;
    const reason = error instanceof RequestProblem ? error.message : 'The form could not be read';
    // A form in another language says what happened in its words, not the technical reason.
    const message = ui.unreadable ?? `${reason}. Nothing was sent.`;
    logEvent({ form: form.id, outcome: 'bad-request', status });
    const sentJson = (request.headers.get('content-type') ?? '').includes('json');
    if (wantsJson(request, sentJson)) return { response: json(status, { error: ui.unreadable ?? reason }) };
    // A plain form post (no JavaScript) gets a page it can act on, never raw JSON.
    const main =
      `<h1>${escapeHtml(ui.problemPageTitle)}</h1><p>${escapeHtml(message)}</p>` +
      `<p>${escapeHtml(fill(ui.unreadableHelp, { phone: keepLtr(contactFacts.phone, ui) }))}</p>`;
    const title = `${ui.errorPrefix} ${lowerFirst(ui.problemPageTitle, ui.lang)}`;
    return { response: await refusal(status, title, main) };
  }
}

/** A browser opening an address as a page (GET or HEAD, asking for HTML), not a script. */
function opensPage(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const mode = request.headers.get('sec-fetch-mode');
  if (mode) return mode === 'navigate';
  return (request.headers.get('accept') ?? '').includes('text/html');
}

/**
 * A trap counts as filled whatever shape it arrives in: sent twice it is a list, and in JSON
 * it can be anything. Only an empty answer, or a list of empty answers, is empty. (Not
 * recursive: a deeply nested list must not be able to exhaust the stack.)
 */
export function isFilled(trap: unknown): boolean {
  const blank = (value: unknown) =>
    value === undefined || value === null || value === false || (typeof value === 'string' && value.trim() === '');
  if (Array.isArray(trap)) return !trap.every(blank);
  return !blank(trap);
}
