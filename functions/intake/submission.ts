/**
 * A form post, step by step: guard → trap → the no-JavaScript steps → validate → check or
 * send. Each step is its own module; this one only puts them in order, and makes sure nothing
 * a person sends gets a 5xx without a calm answer.
 */
import type { Context } from '@netlify/functions';
import type { ServerForm } from '../forms/definition.ts';
import { HONEYPOT_FIELD, type Values } from '../../src/forms/fields.ts';
import { clockOf, depsFor, type HandlerDeps, type MakeDeps } from '../settings/deps.ts';
import { logEvent } from '../settings/log.ts';
import { guard, isFilled } from './guard.ts';
import { json } from './http.ts';
import { noScriptStep } from './no-script.ts';
import { problemMessage, repliesFor } from './replies.ts';
import { checkStep, sendStep } from './send.ts';
import { parseAnswers } from './validate.ts';

/** The form's own server checks, after the answers' (functions/forms/definition.ts, `check`). */
function serverChecked(form: ServerForm, deps: HandlerDeps, values: Values) {
  const errors = form.check?.(values, { now: clockOf(deps.outbox)(), bookable: deps.bookable }) ?? {};
  return Object.keys(errors).length ? { ok: false as const, values, errors } : { ok: true as const, values };
}

export function createSubmissionHandler(form: ServerForm, makeDeps: MakeDeps = depsFor) {
  return async (request: Request, context?: Context): Promise<Response> => {
    try {
      return await steps(form, makeDeps, request, context);
    } catch (error) {
      // Nothing a person sends should get here; if something does, they get a calm answer
      // with a phone number, and the log gets the kind of error, never a stack or a value.
      logEvent({ form: form.id, outcome: 'unexpected-error', status: 503, reason: (error as Error).name }, 'error');
      return json(503, { error: problemMessage(form) });
    }
  };
}

async function steps(form: ServerForm, makeDeps: MakeDeps, request: Request, context?: Context) {
  const guarded = await guard(form, request, context, makeDeps);
  if ('response' in guarded) return guarded.response;
  const { deps, body, asJson } = guarded;
  const replies = repliesFor(form, new URL(request.url).origin);

  // A bot that filled the hidden box goes through every step as a person would (errors, check
  // your answers, the token's wait) and is dropped only at the last: it learns nothing.
  const trapped = isFilled(body[HONEYPOT_FIELD]);

  const early = await noScriptStep(form, body, asJson, replies);
  if (early) return early;

  const parsed = parseAnswers(form, body);
  const result = parsed.ok ? serverChecked(form, deps, parsed.values) : parsed;
  if (!result.ok) {
    logEvent({ form: form.id, outcome: 'invalid', status: 422, count: Object.keys(result.errors).length });
    if (asJson) return json(422, { errors: result.errors });
    return replies.questions(422, result.values, result.errors);
  }
  const step = { form, deps, body, values: result.values, asJson, replies, context, trapped };
  return body.action === 'send' ? sendStep(step) : checkStep(step);
}
