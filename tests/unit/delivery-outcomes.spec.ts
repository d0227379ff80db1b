import { afterEach, beforeEach, expect, test } from 'vitest';
import { overriding } from '../support/stores.ts';
import { logsOf } from '../support/logs.ts';
import { backoffMs } from '../../functions/delivery/backoff.ts';
import { deliver, deliverOnArrival, DELIVERY_LEASE_MS } from '../../functions/delivery/deliver.ts';
import type { Mailer } from '../../functions/delivery/mail.ts';
import { sweep } from '../../functions/delivery/sweep.ts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { storeSubmission, type RecordMetadata } from '../../functions/records/store.ts';
import { problemMessage } from '../../functions/intake/replies.ts';
import { parse, textOf } from '../support/dom.ts';
import { checkThenSend, formRequest, REFERRAL_ANSWERS, startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * What each delivery and each send leads to, as the sweep counts it and as an operator reads it
 * in the log (docs/operating.md lists these outcomes): every outcome, every count of attempts,
 * the time of the next try, the moment of the alert.
 */
const referral = SERVER_FORMS.referral;
const volunteer = SERVER_FORMS['volunteer-application'];
let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await startPipeline();
});
afterEach(async () => pipeline.stop());

const metadataOf = async (reference: string) =>
  (await pipeline.deps.outbox.store.getMetadata(reference))?.metadata as unknown as RecordMetadata;

/** A mailer that refuses mail to `refused` addresses and passes the rest to the test server. */
function refusing(...refused: string[]): Mailer {
  const real = pipeline.deps.mailer;
  return {
    send: async (mail) => {
      if (refused.includes(mail.to)) throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
      return real.send(mail);
    },
  };
}

test('each delivery says what became of it: delivered, already delivered, missing, parked, failed, busy', async () => {
  const outbox = pipeline.deps.outbox;
  const reference = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  const first = await logsOf(async () => expect(await deliver(outbox, reference)).toBe('delivered'));
  expect(first.outcomes).toEqual(['delivered']);
  expect(first.lines[0]).toMatchObject({ form: 'referral', reference, attempts: 1 });
  expect(await metadataOf(reference)).toMatchObject({ status: 'delivered', attempts: 1 });
  expect(await deliver(outbox, reference)).toBe('already-delivered');
  expect(await deliver(outbox, 'RG-0000-0000')).toBe('missing');

  await outbox.store.set('RG-BAD0-BAD0', 'not a sealed record', {
    metadata: {
      form: 'referral',
      receivedAt: new Date(pipeline.now()).toISOString(),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: new Date(pipeline.now()).toISOString(),
    },
  });
  const parked = await logsOf(async () => expect(await deliver(outbox, 'RG-BAD0-BAD0')).toBe('parked'));
  expect(parked.outcomes).toEqual(['parked']);
  expect(parked.lines[0]).toMatchObject({ reference: 'RG-BAD0-BAD0', reason: 'corrupt-record' });
  expect(await deliver(outbox, 'RG-BAD0-BAD0')).toBe('parked');

  const other = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  outbox.mailer = refusing(pipeline.config.referralInbox);
  const failed = await logsOf(async () => expect(await deliver(outbox, other)).toBe('failed'));
  expect(failed.outcomes).toEqual(['delivery-failed']);
  expect(failed.lines[0]).toMatchObject({ reference: other, attempts: 1, reason: 'smtp-connection-failed' });
  // The same attempt, claimed already: another delivery of it leaves the record alone.
  expect(await metadataOf(other)).toMatchObject({ status: 'pending', attempts: 1 });
});

test('a failure is tried again after its back-off, not before; the attempts add up; success clears the failure', async () => {
  const outbox = pipeline.deps.outbox;
  outbox.mailer = refusing(pipeline.config.referralInbox);
  const reference = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  await logsOf(() => deliver(outbox, reference));
  const failed = await metadataOf(reference);
  expect(Date.parse(failed.nextAttemptAt)).toBe(pipeline.now() + backoffMs(1, pipeline.config.retryBaseMs));
  expect(failed).toMatchObject({ attempts: 1, lastFailure: 'smtp-connection-failed' });

  outbox.mailer = pipeline.deps.mailer;
  pipeline.advance(backoffMs(1, pipeline.config.retryBaseMs) - 1);
  await logsOf(() => sweep(outbox));
  expect((await metadataOf(reference)).status).toBe('pending');
  pipeline.advance(1);
  const retried = await logsOf(() => sweep(outbox));
  expect(retried.outcomes).toContain('delivered');
  const delivered = await metadataOf(reference);
  expect(delivered).toMatchObject({ status: 'delivered', attempts: 2 });
  expect(delivered.lastFailure).toBeUndefined();
  expect(Date.parse(delivered.deliveredAt!)).toBe(pipeline.now());
});

test('the alert goes at the failure that reaches the limit, not one before; a failed alert is tried again', async () => {
  const outbox = pipeline.deps.outbox;
  outbox.mailer = refusing(pipeline.config.referralInbox, pipeline.config.alertInbox);
  const reference = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  const alerts = () => pipeline.mail.received.filter((mail) => mail.to.includes(pipeline.config.alertInbox));
  for (let attempt = 1; attempt < pipeline.config.maxAttempts; attempt++) {
    const { outcomes } = await logsOf(() => deliver(outbox, reference));
    expect(outcomes, `attempt ${attempt}`).toEqual(['delivery-failed']);
    pipeline.advance(7 * 3_600_000);
  }
  // The limit is reached with the alert's own mail refused: logged, and not marked as sent.
  const refused = await logsOf(() => deliver(outbox, reference));
  expect(refused.outcomes).toEqual(['delivery-failed', 'alert-undelivered', 'alert-failed']);
  expect((await metadataOf(reference)).alerted).toBeUndefined();
  pipeline.advance(7 * 3_600_000);
  outbox.mailer = refusing(pipeline.config.referralInbox);
  const sent = await logsOf(() => deliver(outbox, reference));
  expect(sent.outcomes).toEqual(['delivery-failed', 'alert-undelivered']);
  expect(alerts()).toHaveLength(1);
  expect((await metadataOf(reference)).alerted).toBe(true);
});

test('a delivery that read the record before another finished its attempt does not send it again', async () => {
  const outbox = pipeline.deps.outbox;
  const reference = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  const stale = await outbox.store.getWithMetadata(reference, { type: 'text' });
  outbox.mailer = refusing(pipeline.config.referralInbox);
  await logsOf(() => deliver(outbox, reference)); // attempt 1 fails
  outbox.mailer = pipeline.deps.mailer;
  pipeline.advance(DELIVERY_LEASE_MS + 1);
  // A slow delivery still holding what it read before that attempt.
  const store = new Proxy(outbox.store, {
    get(target, name) {
      if (name === 'getWithMetadata') return async () => stale;
      const value = Reflect.get(target, name) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  expect(await deliver({ ...outbox, store }, reference)).toBe('busy');
  expect(pipeline.mail.received).toEqual([]);
});

test('a confirmation that cannot be sent, or is over the limit, never undoes the delivery, and says so', async () => {
  const outbox = pipeline.deps.outbox;
  const answers = { fullName: 'Sam Carter', email: 'sam@example.org', phone: '01632 960001', postcode: 'GL1 2AB' };
  const first = await storeSubmission(outbox, volunteer, answers);
  outbox.mailer = refusing('sam@example.org');
  const refused = await logsOf(() => deliver(outbox, first));
  expect(refused.outcomes).toEqual(['delivered', 'confirmation-failed']);
  expect((await metadataOf(first)).status).toBe('delivered');

  outbox.mailer = pipeline.deps.mailer;
  pipeline.advance(61 * 60_000);
  const second = await storeSubmission(outbox, volunteer, answers);
  await logsOf(() => deliver(outbox, second));
  const third = await storeSubmission(outbox, volunteer, answers);
  const limited = await logsOf(() => deliver(outbox, third));
  expect(limited.outcomes).toEqual(['delivered', 'confirmation-limited']);
  expect(pipeline.mail.received.filter((mail) => mail.to.includes('sam@example.org'))).toHaveLength(1);
});

test('sending logs what happened: stored, already sent, a token refused; a forged token writes nothing', async () => {
  const { outcomes: sent, lines } = await logsOf(async () => {
    expect((await checkThenSend(pipeline, referral, REFERRAL_ANSWERS)).status).toBe(201);
    await pipeline.settle();
  });
  expect(sent).toEqual(['stored', 'delivered']);
  expect(lines[0]).toMatchObject({ form: 'referral', status: 201 });

  const handle = pipeline.handler(referral);
  const check = await handle(formRequest(referral.endpoint, { ...REFERRAL_ANSWERS, action: 'check' }));
  const body = (await check.json()) as { ok: boolean; token: string; sendAfterMs: number };
  expect(body).toMatchObject({ ok: true, sendAfterMs: pipeline.config.minMsBeforeSend });
  pipeline.advance(pipeline.config.minMsBeforeSend);
  const send = () => handle(formRequest(referral.endpoint, { ...REFERRAL_ANSWERS, action: 'send', token: body.token }));
  await logsOf(async () => {
    await send();
    await pipeline.settle();
  });
  const again = await logsOf(send);
  expect(again.outcomes).toEqual(['already-sent']);

  const markers = async () => (await pipeline.deps.outbox.markers.list({ prefix: 'used-token/' })).blobs.length;
  const before = await markers();
  const forged = await logsOf(async () => {
    const response = await handle(
      formRequest(referral.endpoint, { ...REFERRAL_ANSWERS, action: 'send', token: 'x.y.z' }),
    );
    expect(response.status).toBe(409);
    expect(((await response.json()) as { token?: string }).token).toEqual(expect.any(String));
  });
  expect(forged.outcomes).toEqual(['token-invalid']);
  expect(forged.lines[0]).toMatchObject({ status: 409 });
  expect(await markers()).toBe(before);
});

test('a send whose store fails says so in the log and answers 503 with the phone number, as a page without JavaScript', async () => {
  const outbox = pipeline.deps.outbox;
  const broken = new Proxy(outbox.store, {
    get(target, name) {
      if (name === 'setJSON') return async () => Promise.reject(new Error('store down'));
      const value = Reflect.get(target, name) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  pipeline.deps.outbox = { ...outbox, store: broken };
  const handle = pipeline.handler(referral);
  const check = await handle(formRequest(referral.endpoint, { ...REFERRAL_ANSWERS, action: 'check' }, { form: true }));
  const token = parse(await check.text())
    .querySelector('input[name="token"]')!
    .getAttribute('value')!;
  pipeline.advance(pipeline.config.minMsBeforeSend);
  const { outcomes, lines } = await logsOf(async () => {
    const response = await handle(
      formRequest(referral.endpoint, { ...REFERRAL_ANSWERS, action: 'send', token }, { form: true }),
    );
    expect(response.status).toBe(503);
    const page = parse(await response.text());
    expect(textOf(page.querySelector('h1'))).toBe('Sorry, there is a problem');
    expect(textOf(page.querySelector('main'))).toContain(
      `Nothing was saved. Try again in a few minutes, or phone us on`,
    );
  });
  expect(outcomes).toEqual(['store-failed']);
  expect(lines[0]).toMatchObject({ status: 503, reason: 'Error' });
});

test('feedback whose store fails is not counted as sent: the same answers sent again the same day are kept', async () => {
  const feedback = SERVER_FORMS.feedback;
  const outbox = pipeline.deps.outbox;
  let failing = true;
  const flaky = overriding(outbox.store, (_target, name) => {
    if (name === 'setJSON' && failing) return async () => Promise.reject(new Error('store down'));
    return undefined;
  });
  pipeline.deps.outbox = { ...outbox, store: flaky };
  const answers = { overall: 'good', whatHelped: 'Being listened to' };
  const first = await logsOf(() => checkThenSend(pipeline, feedback, answers));
  expect(first.result.status).toBe(503);
  // With JavaScript, the problem in words the page can show.
  expect(await first.result.json()).toEqual({ error: problemMessage(feedback) });
  failing = false;
  const again = await logsOf(() => checkThenSend(pipeline, feedback, answers));
  expect(again.result.status).toBe(201);
  expect(again.outcomes).toContain('stored');
  expect(again.outcomes).not.toContain('same-answers-not-stored');
  expect((await outbox.store.list()).blobs).toHaveLength(1);
});

test('a parked record is left parked; a record delivered or gone by the time of the claim is left alone', async () => {
  const outbox = pipeline.deps.outbox;
  const parked = await storeSubmission(outbox, SERVER_FORMS.referral, REFERRAL_ANSWERS);
  const metadata = (await outbox.store.getWithMetadata(parked, { type: 'text' }))!;
  await outbox.store.set(parked, metadata.data, { metadata: { ...metadata.metadata, status: 'parked' } });
  expect((await logsOf(() => deliver(outbox, parked))).result).toBe('parked');

  // Between reading the record and claiming it, another delivery finished it, or it was deleted.
  for (const change of ['delivered', 'deleted'] as const) {
    const reference = await storeSubmission(outbox, SERVER_FORMS.referral, { ...REFERRAL_ANSWERS, fullName: change });
    const store = overriding(outbox.store, (target, name) => {
      if (name === 'getMetadata')
        return async (key: string, options: unknown) => {
          const entry = await target.getMetadata(key, options as never);
          if (change === 'deleted') return null;
          return entry && { ...entry, metadata: { ...entry.metadata, status: 'delivered' } };
        };
      return undefined;
    });
    expect((await logsOf(() => deliver({ ...outbox, store }, reference))).result, change).toBe('busy');
  }
  expect(pipeline.mail.received).toHaveLength(0);
});

test('a delivery on arrival that throws is logged as an error, never thrown into the reply', async () => {
  const outbox = pipeline.deps.outbox;
  const reference = await storeSubmission(outbox, SERVER_FORMS.referral, REFERRAL_ANSWERS);
  const store = overriding(outbox.store, (_, name) => {
    if (name === 'getWithMetadata') return async () => Promise.reject(new RangeError('store down'));
    return undefined;
  });
  const { errors, lines } = await logsOf(async () =>
    deliverOnArrival({ ...outbox, store }, SERVER_FORMS.referral, reference),
  );
  expect(errors).toEqual(['delivery-error']);
  expect(lines[0]).toMatchObject({ form: 'referral', reference, reason: 'RangeError' });
  // A digest form's submissions wait for the sweep: nothing is started on arrival.
  const digest = { ...SERVER_FORMS.feedback, delivery: { digest: { hour: 9, atLeast: 3, orAfterDays: 7 } } };
  expect(deliverOnArrival(outbox, digest, reference)).toBeUndefined();
});
