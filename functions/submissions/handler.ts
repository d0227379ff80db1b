/**
 * The form functions' request handling: guard → read → validate (src/forms) → check
 * answers or store → reply → deliver. Thin functions in functions/*.mts call these.
 */
import type { Context } from '@netlify/functions';
import { createHash, timingSafeEqual } from 'node:crypto';
import { getStore } from '@netlify/blobs';
import type { ServerForm } from '../forms/definition.ts';
import { hasOtherAnswers, HONEYPOT_FIELD, say, typedValues, type Values } from '../../src/forms/fields.ts';
import { SERVER_FORMS } from '../forms/registry.ts';
import {
  confirmationQuery,
  renderAudienceQuestion,
  renderCheckAnswers,
  renderConfirmation,
  renderQuestions,
} from '../../src/forms/render.ts';
import { contactFacts, loadConfig, type PipelineConfig } from './config.ts';
import { html, isCrossSite, json, readBody, redirect, RequestProblem, wantsJson } from './http.ts';
import { logEvent } from './log.ts';
import { createMailer, type Mailer } from './mail.ts';
import { claimMarker, usedTokenKey } from './markers.ts';
import { deliver, healthSummary, storeSubmission, sweep, type OutboxDeps } from './outbox.ts';
import { renderPage as pageFor } from './pages.ts';
import { normaliseReference } from './reference.ts';
import { checkToken, issueToken } from './token.ts';
import { parseAnswers } from './validate.ts';

export interface HandlerDeps {
  config: PipelineConfig;
  mailer: Mailer;
  outbox: OutboxDeps;
}

/**
 * Builds the pipeline for this deploy context; tests and benchmarks pass their own.
 * Config and mailer are made once per deploy context and kept while the function instance
 * lives (reading keys and building an SMTP transport on every request was wasted work).
 * The Blobs store is fetched per call: its credentials come with each invocation.
 */
const prepared = new Map<string, { config: PipelineConfig; mailer: Mailer }>();

export function depsFor(context: Pick<Context, 'deploy'> | undefined): HandlerDeps {
  const deployContext = context?.deploy?.context || '';
  let ready = prepared.get(deployContext);
  if (!ready) {
    const config = loadConfig(deployContext || undefined);
    ready = { config, mailer: createMailer(config) };
    prepared.set(deployContext, ready);
  }
  const { config, mailer } = ready;
  const store = getStore({ name: config.storeName, consistency: 'strong' });
  const markers = getStore({ name: config.markersStoreName, consistency: 'strong' });
  return { config, mailer, outbox: { store, markers, config, mailer, forms: SERVER_FORMS } };
}

type WaitUntil = (promise: Promise<unknown>) => void;

const problemMessage = (form: ServerForm) =>
  `We could not send your ${form.noun}. Nothing was saved. Try again in a few minutes, or phone us on ${contactFacts.phone}.`;

/**
 * A trap counts as filled whatever shape it arrives in: sent twice it is a list, and in JSON
 * it can be anything. Only an empty answer, or a list of empty answers, is empty. (Not
 * recursive: a deeply nested list must not be able to exhaust the stack.)
 */
function isFilled(trap: unknown): boolean {
  const blank = (value: unknown) =>
    value === undefined || value === null || value === false || (typeof value === 'string' && value.trim() === '');
  if (Array.isArray(trap)) return !trap.every(blank);
  return !blank(trap);
}

export function createSubmissionHandler(form: ServerForm, makeDeps: (context?: Context) => HandlerDeps = depsFor) {
  const handle = submissionSteps(form, makeDeps);
  return async (request: Request, context?: Context): Promise<Response> => {
    try {
      return await handle(request, context);
    } catch (error) {
      // Nothing a person sends should get here; if something does, they get a calm answer
      // with a phone number, and the log gets the kind of error, never a stack or a value.
      logEvent({ form: form.id, outcome: 'unexpected-error', status: 503, reason: (error as Error).name }, 'error');
      return json(503, { error: problemMessage(form) });
    }
  };
}

function submissionSteps(form: ServerForm, makeDeps: (context?: Context) => HandlerDeps) {
  return async (request: Request, context?: Context): Promise<Response> => {
    const origin = new URL(request.url).origin;
    if (request.method !== 'POST') {
      return json(405, { error: `Use POST to send this form` }, { Allow: 'POST' });
    }
    let deps: HandlerDeps;
    try {
      deps = makeDeps(context);
    } catch (error) {
      logEvent({ form: form.id, outcome: 'not-configured', reason: (error as Error).name }, 'error');
      return json(503, { error: problemMessage(form) });
    }
    if (isCrossSite(request, deps.config.siteOrigins)) {
      logEvent({ form: form.id, outcome: 'refused-cross-site', status: 403 });
      const message = 'This form can only be sent from our own website.';
      if (wantsJson(request, false)) return json(403, { error: message });
      const main = `<h1>Sorry, there is a problem</h1><p>${message} <a href="${form.pagePath}">Go to the form</a>.</p>`;
      return html(403, await pageFor({ origin, path: form.pagePath, title: 'Sorry, there is a problem', main }));
    }
    let parsed: Awaited<ReturnType<typeof readBody>>;
    try {
      parsed = await readBody(request);
    } catch (error) {
      const status = error instanceof RequestProblem ? error.status : 400;
      const message = error instanceof RequestProblem ? error.message : 'The form could not be read';
      logEvent({ form: form.id, outcome: 'bad-request', status });
      return json(status, { error: message });
    }
    const { body, isJson } = parsed;
    const asJson = wantsJson(request, isJson);
    // Pages answering a plain form post are kept by the browser (never by shared caches), so that
    // Back returns to them instead of to the browser's "Confirm form resubmission" error. Sending
    // again from one gives the confirmation already given, never a second submission.
    const page = (status: number, title: string, main: string) =>
      pageFor({ origin, path: form.pagePath, title, main }).then((text) =>
        html(status, text, { 'Cache-Control': 'private, no-cache' }),
      );
    const questionsPage = (status: number, values: Values, errors = {}, focus?: string) =>
      page(
        status,
        `${Object.keys(errors).length ? 'Error: ' : ''}${form.title}`,
        `<h1>${form.title}</h1>${renderQuestions(form, { values, errors, focus })}`,
      );
    const audiencePage = (status: number, values: Values, errors = {}) =>
      page(
        status,
        `${Object.keys(errors).length ? 'Error: ' : ''}${form.title}`,
        `<h1>${form.title}</h1>${renderAudienceQuestion(form, { values, errors })}`,
      );

    // A bot that filled the hidden box is thanked and forgotten; no person can see that box.
    if (isFilled(body[HONEYPOT_FIELD])) {
      logEvent({ form: form.id, outcome: 'honeypot' });
      return asJson
        ? json(201, { reference: 'RG-0000-0000', confirmationUrl: `${form.confirmationPath}?reference=RG-0000-0000` })
        : redirect(`${form.confirmationPath}?reference=RG-0000-0000`);
    }

    // No-JavaScript "Change" on check your answers: back to the questions, answers kept.
    if (typeof body.change === 'string' && !asJson) {
      const typed = typedValues(form, body);
      if (form.audience && body.change === form.audience.field.name) return audiencePage(200, typed);
      return questionsPage(200, typed, {}, body.change);
    }

    // "Who is this referral for?": on to the questions worded for that answer.
    if (form.audience && body.action === 'choose') {
      const typed = typedValues(form, body);
      const answer = typed[form.audience.field.name];
      const path = typeof answer === 'string' ? form.audience.paths[answer] : undefined;
      if (!path) {
        const errors = { [form.audience.field.name]: say(form.audience.field.messages.required) ?? '' };
        if (asJson) return json(422, { errors });
        return audiencePage(422, typed, errors);
      }
      if (asJson) return json(200, { path });
      return hasOtherAnswers(form, typed) ? questionsPage(200, typed) : redirect(path);
    }

    const result = parseAnswers(form, body);
    if (!result.ok) {
      logEvent({ form: form.id, outcome: 'invalid', status: 422, count: Object.keys(result.errors).length });
      if (asJson) return json(422, { errors: result.errors });
      return questionsPage(422, result.values, result.errors);
    }

    const { tokenSecret, minMsBeforeSend } = deps.config;
    const clock = deps.outbox.now ?? Date.now;
    // The check step stores nothing, so it answers anyone; the browser is told how long to wait.
    const action = body.action === 'send' ? 'send' : 'check';
    if (action === 'check') {
      const token = issueToken(tokenSecret, form.id, result.values, clock());
      if (asJson) return json(200, { ok: true, values: result.values, token, sendAfterMs: minMsBeforeSend });
      return page(200, `Check your answers – ${form.title}`, renderCheckAnswers(form, result.values, token));
    }

    // Sending needs a token issued for exactly these answers, old enough, and never used.
    const tokenCheck = checkToken(tokenSecret, form.id, body.token, result.values, {
      now: clock(),
      minMs: minMsBeforeSend,
    });
    let tokenState: string = tokenCheck.state;
    let usedMarker: string | undefined;
    if (tokenCheck.state === 'ok') {
      usedMarker = usedTokenKey(tokenCheck.id);
      if (!(await claimMarker(deps.outbox.markers, usedMarker, clock()))) {
        // Sent already (a double click without JavaScript, Back and Send again): show the
        // confirmation of the referral that was kept, rather than invite a second one.
        const earlier = await deps.outbox.markers.getMetadata(usedMarker, { consistency: 'strong' });
        const reference = normaliseReference(String(earlier?.metadata?.reference ?? ''));
        if (reference) {
          logEvent({ form: form.id, reference, outcome: 'already-sent', status: asJson ? 201 : 303 });
          const confirmationUrl = confirmationQuery(form, reference, result.values);
          return asJson ? json(201, { reference, confirmationUrl }) : redirect(confirmationUrl);
        }
        tokenState = 'used';
      }
    }
    if (tokenState !== 'ok') {
      logEvent({ form: form.id, outcome: `token-${tokenState}`, status: 409 });
      const token = issueToken(tokenSecret, form.id, result.values, clock());
      const message = 'Check your answers, then send them again.';
      if (asJson) return json(409, { error: message, token, values: result.values, sendAfterMs: minMsBeforeSend });
      return page(
        409,
        `Check your answers – ${form.title}`,
        `<p class="notice">${message}</p>${renderCheckAnswers(form, result.values, token)}`,
      );
    }

    let reference: string;
    try {
      reference = await storeSubmission(deps.outbox, form, result.values);
    } catch (error) {
      // Nothing was kept, so the same checked answers may be sent again.
      if (usedMarker) await deps.outbox.markers.delete(usedMarker).catch(() => undefined);
      logEvent({ form: form.id, outcome: 'store-failed', status: 503, reason: (error as Error).name }, 'error');
      if (asJson) return json(503, { error: problemMessage(form) });
      return page(503, `Error: ${form.title}`, `<h1>Sorry, there is a problem</h1><p>${problemMessage(form)}</p>`);
    }
    logEvent({ form: form.id, reference, outcome: 'stored', status: asJson ? 201 : 303 });
    if (usedMarker) {
      await deps.outbox.markers
        .set(usedMarker, '', { metadata: { at: clock(), reference } })
        .catch(() => logEvent({ form: form.id, reference, outcome: 'token-marker-failed' }, 'error'));
    }

    // Stored, so it is safe to say yes. Email goes after the reply; the sweep retries failures.
    const delivery = deliver(deps.outbox, reference).catch((error) => {
      logEvent({ form: form.id, reference, outcome: 'delivery-error', reason: (error as Error).name }, 'error');
    });
    const waitUntil: WaitUntil | undefined = context?.waitUntil?.bind(context);
    if (waitUntil) waitUntil(delivery);

    const confirmationUrl = confirmationQuery(form, reference, result.values);
    return asJson ? json(201, { reference, confirmationUrl }) : redirect(confirmationUrl);
  };
}

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

/**
 * One handler for every form: `/api/forms/<id>` to post to and `/forms/<id>/sent/` for the
 * confirmation, plus any former addresses a form's settings keep answering. The form is found by
 * its id or address; nothing here knows any form.
 */
export function serveForms(
  forms: Readonly<Record<string, ServerForm>>,
  makeDeps: (context?: Context) => HandlerDeps = depsFor,
) {
  const submitAt = new Map<string, (request: Request, context?: Context) => Promise<Response>>();
  const sentAt = new Map<string, (request: Request) => Promise<Response>>();
  const bare = (address: string) => address.replace(/\/+$/, '');
  for (const form of Object.values(forms)) {
    const submit = createSubmissionHandler(form, makeDeps);
    const sent = createConfirmationHandler(form);
    for (const address of [form, form.formerAddresses]) {
      if (!address) continue;
      submitAt.set(bare(address.endpoint), submit);
      sentAt.set(bare(address.confirmationPath), sent);
    }
  }
  return async (request: Request, context?: Context): Promise<Response> => {
    const path = bare(new URL(request.url).pathname);
    const submit = submitAt.get(path);
    if (submit) return submit(request, context);
    const sent = sentAt.get(path);
    if (sent) return sent(request);
    return json(404, { error: 'There is no form at this address' });
  };
}

/** The scheduled sweep, also run by `npm start` on an interval. */
export async function runSweep(context?: Pick<Context, 'deploy'>) {
  const deps = depsFor(context);
  return sweep(deps.outbox);
}

/**
 * GET /api/health with `Authorization: Bearer HEALTH_TOKEN`: counts of waiting, undelivered
 * and parked submissions for an uptime monitor, which does not depend on mail working.
 * Off (404) until HEALTH_TOKEN is set. Answers only counts and reason codes.
 */
export function createHealthHandler(makeDeps: (context?: Context) => HandlerDeps = depsFor) {
  return async (request: Request, context?: Context): Promise<Response> => {
    try {
      if (request.method !== 'GET') return json(405, { error: 'Use GET' }, { Allow: 'GET' });
      const deps = makeDeps(context);
      const secret = deps.config.healthToken;
      if (!secret) return json(404, { error: 'Not found' });
      const given = (request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
      if (!sameSecret(given, secret))
        return json(401, { error: 'Send the health token' }, { 'WWW-Authenticate': 'Bearer' });
      return json(200, await healthSummary(deps.outbox));
    } catch (error) {
      logEvent({ outcome: 'health-failed', reason: (error as Error).name }, 'error');
      return json(503, { status: 'unknown', error: 'The store could not be read' });
    }
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length > 0;
}
