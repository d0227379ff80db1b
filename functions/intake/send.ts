/**
 * Checked answers, then sent: "check" issues a token for exactly these answers and stores
 * nothing; "send" needs that token, old enough and never used, then stores the submission,
 * answers yes, and hands delivery to run after the reply.
 */
import type { Context } from '@netlify/functions';
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServerForm } from '../forms/definition.ts';
import type { Values } from '../../src/forms/fields.ts';
import { confirmationQuery, escapeHtml } from '../../src/forms/render.ts';
import { deliverOnArrival } from '../delivery/deliver.ts';
import { claimMarker } from '../records/markers.ts';
import { keptTime, ukDay } from '../records/day.ts';
import { newReference, normaliseReference } from '../records/reference.ts';
import { storeSubmission } from '../records/store.ts';
import { contactFacts } from '../settings/config.ts';
import { clockOf, type HandlerDeps } from '../settings/deps.ts';
import { fill, keepLtr, uiOf } from '../../src/forms/ui.ts';
import { loggedReference as logged, logEvent } from '../settings/log.ts';
import { json, redirect, type Body } from './http.ts';
import { problemMessage, type Replies } from './replies.ts';
import { referenceProof } from './proof.ts';
import { answersHash, checkToken, issueToken } from './token.ts';
import { usedTokenKey } from './used-tokens.ts';

interface Step {
  form: ServerForm;
  deps: HandlerDeps;
  body: Body;
  values: Values;
  asJson: boolean;
  replies: Replies;
  context?: Context;
  /** The hidden box was filled: a bot, answered at the end exactly as a person is, but not kept. */
  trapped?: boolean;
}

export function checkStep({ form, deps, values, asJson, replies }: Step): Promise<Response> | Response {
  const { tokenSecret, minMsBeforeSend } = deps.config;
  const token = issueToken(tokenSecret, form.id, values, clockOf(deps.outbox)());
  if (asJson) return json(200, { ok: true, values, token, sendAfterMs: minMsBeforeSend });
  return replies.checkAnswers(200, values, token);
}

/** The answer to a send that was kept: 201 with the reference, or on to its confirmation page. */
export function sent(form: ServerForm, deps: HandlerDeps, reference: string, values: Values, asJson: boolean) {
  const proof = referenceProof(deps.config.tokenSecret, form.id, reference);
  const confirmationUrl = confirmationQuery(form, reference, values, proof);
  return asJson ? json(201, { reference, confirmationUrl }) : redirect(confirmationUrl);
}

/** On a deploy preview or branch deploy: nothing is stored or mailed, and the person is told so. */
function notSent({ form, asJson, replies }: Step): Response | Promise<Response> {
  logEvent({ form: form.id, outcome: 'preview-not-sent', status: 403 });
  const ui = uiOf(form);
  const message = fill(ui.preview, { phone: keepLtr(contactFacts.phone, ui) });
  if (asJson) return json(403, { error: message });
  return replies.page(
    403,
    fill(ui.previewPageTitle, { title: form.title }),
    `<h1>${escapeHtml(ui.previewTitle)}</h1><p>${escapeHtml(message)}</p>`,
  );
}

export async function sendStep(step: Step): Promise<Response> {
  const { form, deps, body, values, asJson } = step;
  if (!deps.config.takesSubmissions) return notSent(step);
  const { tokenSecret, minMsBeforeSend } = deps.config;
  const clock = clockOf(deps.outbox);
  const markers = deps.outbox.markers;
  const tokenCheck = checkToken(tokenSecret, form.id, body.token, values, { now: clock(), minMs: minMsBeforeSend });
  if (tokenCheck.state !== 'ok') return checkAgain(step, tokenCheck.state);

  const usedMarker = usedTokenKey(tokenCheck.id);
  // Sent already (a double click without JavaScript, Back and Send again): show the
  // confirmation of the submission that was kept, rather than invite a second one. A send of
  // the same token still being stored is waited for; one that failed has given its claim up.
  const deadline = performance.now() + deps.config.sendWaitMs;
  for (let pause = 25; ; pause = Math.min(pause * 2, 400)) {
    if (await claimMarker(markers, usedMarker, keptTime(form, clock()))) return store(step, usedMarker);
    const earlier = await markers.getMetadata(usedMarker, { consistency: 'strong' });
    const reference = earlier ? normaliseReference(String(earlier.metadata.reference)) : undefined;
    if (reference) {
      logEvent({
        form: form.id,
        reference: logged(form, reference),
        outcome: 'already-sent',
        status: asJson ? 201 : 303,
      });
      return sent(form, deps, reference, values, asJson);
    }
    if (performance.now() + pause > deadline) return stillSending(step, body.token as string);
    await sleep(pause);
  }
}

/** The first send of this token is still being stored: the same token, to press Send again. */
function stillSending({ form, deps, values, asJson, replies }: Step, token: string): Response | Promise<Response> {
  logEvent({ form: form.id, outcome: 'token-still-sending', status: 409 });
  const message = uiOf(form).stillSending;
  if (asJson) return json(409, { error: message, token, values, sendAfterMs: deps.config.minMsBeforeSend });
  return replies.checkAnswers(409, values, token, message);
}

/** A token that cannot send these answers: check them again, with a new token. */
function checkAgain({ form, deps, values, asJson, replies }: Step, state: string): Response | Promise<Response> {
  const { tokenSecret, minMsBeforeSend } = deps.config;
  logEvent({ form: form.id, outcome: `token-${state}`, status: 409 });
  const token = issueToken(tokenSecret, form.id, values, clockOf(deps.outbox)());
  const message = uiOf(form).checkAgain;
  if (asJson) return json(409, { error: message, token, values, sendAfterMs: minMsBeforeSend });
  return replies.checkAnswers(409, values, token, message);
}

/** The day's marker of one set of answers: a keyed hash, so the store never holds the answers. */
export function sameAnswersKey(secret: Buffer, formId: string, values: Values, now: number): string {
  const hash = createHmac('sha256', secret)
    .update(`same:${formId}:${answersHash(values)}`)
    .digest('base64url');
  return `same-answers/${formId}/${ukDay(now)}/${hash}`;
}

/** Stores what the token was claimed for; says yes only once it is kept. */
async function store(step: Step, usedMarker: string): Promise<Response> {
  const { form, deps, values, asJson, replies, context } = step;
  const markers = deps.outbox.markers;
  const now = clockOf(deps.outbox)();
  // The marker names what its token sent, so a second send of the token shows that confirmation.
  const nameToken = (reference: string) => {
    const metadata = { at: keptTime(form, now), reference };
    // Stryker disable next-line StringLiteral: a marker's value is never read, only its metadata
    const written = markers.set(usedMarker, '', { metadata });
    return written.catch(() =>
      logEvent({ form: form.id, reference: logged(form, reference), outcome: 'token-marker-failed' }, 'error'),
    );
  };
  if (step.trapped) {
    // Answered exactly as a kept send is, with a fresh reference its token will show again.
    logEvent({ form: form.id, outcome: 'honeypot' });
    const reference = newReference();
    await nameToken(reference);
    return sent(form, deps, reference, values, asJson);
  }
  // The same feedback again the same day (a person pressing Back and Send, or a flood) is kept
  // once; the sender is answered as ever, so nothing tells them apart.
  const sameKey = form.identicalOncePerDay ? sameAnswersKey(deps.config.tokenSecret, form.id, values, now) : undefined;
  if (sameKey && !(await claimMarker(markers, sameKey, keptTime(form, now)))) {
    const reference = newReference();
    logEvent({ form: form.id, outcome: 'same-answers-not-stored', status: asJson ? 201 : 303 });
    await nameToken(reference);
    return sent(form, deps, reference, values, asJson);
  }
  let reference: string;
  try {
    reference = await storeSubmission(deps.outbox, form, values);
  } catch (error) {
    // Nothing was kept, so the same checked answers may be sent again.
    await markers.delete(usedMarker).catch(() => undefined);
    if (sameKey) await markers.delete(sameKey).catch(() => undefined);
    logEvent({ form: form.id, outcome: 'store-failed', status: 503, reason: (error as Error).name }, 'error');
    return asJson ? json(503, { error: problemMessage(form) }) : replies.problem(503);
  }
  logEvent({ form: form.id, reference: logged(form, reference), outcome: 'stored', status: asJson ? 201 : 303 });
  await nameToken(reference);

  // Stored, so it is safe to say yes. Email goes after the reply (or in the form's digest);
  // the sweep retries failures.
  const delivery = deliverOnArrival(deps.outbox, form, reference);
  if (delivery) context?.waitUntil(delivery);
  return sent(form, deps, reference, values, asJson);
}
