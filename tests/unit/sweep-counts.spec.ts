import { afterEach, beforeEach, expect, test } from 'vitest';
import { overriding, withFaultyKeyring } from '../support/stores.ts';
import type { Mailer } from '../../functions/delivery/mail.ts';
import { claimDelivery } from '../../functions/delivery/claims.ts';
import { sweep } from '../../functions/delivery/sweep.ts';
import { defineServerForm } from '../../functions/forms/definition.ts';
import feedbackWords from '../../src/forms/feedback/form.ts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { loadConfig } from '../../functions/settings/config.ts';
import { storeSubmission } from '../../functions/records/store.ts';
import { logsOf, quietly } from '../support/logs.ts';
import { REFERRAL_ANSWERS, startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * What one sweep did, as it counts it: what it delivered, what failed, what it deleted, what
 * waits, what is parked, and what it could not handle at all. Each count is one of each kind.
 */
const MINUTE = 60_000;
const DAY = 86_400_000;
const referral = SERVER_FORMS.referral;
let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await startPipeline();
});
afterEach(async () => pipeline.stop());

test('a sweep counts one of each: delivered, failed, purged, waiting, parked and a record it could not read', async () => {
  const outbox = pipeline.deps.outbox;
  const now = () => new Date(pipeline.now()).toISOString();
  const old = await storeSubmission(outbox, referral, REFERRAL_ANSWERS); // will be past its limit
  pipeline.advance(45 * DAY);
  const due = await storeSubmission(outbox, referral, { ...REFERRAL_ANSWERS, fullName: 'Due Now' });
  const failing = await storeSubmission(outbox, referral, { ...REFERRAL_ANSWERS, fullName: 'Mail Refused' });
  pipeline.advance(3 * MINUTE); // past the grace a new record is left to its own request
  const later = await storeSubmission(outbox, referral, { ...REFERRAL_ANSWERS, fullName: 'Sent Later' });
  await outbox.store.set('RG-BAD0-BAD0', 'not a record', {
    metadata: { form: 'referral', receivedAt: now(), status: 'pending', attempts: 0, nextAttemptAt: now() },
  });
  pipeline.advance(3 * MINUTE);
  await outbox.store.set('RG-UNRE-ADBL', 'x', { metadata: { form: 'referral', receivedAt: now(), status: 'pending' } });

  const real = outbox.mailer;
  const refusing: Mailer = {
    send: async (mail) => {
      if (mail.text.includes('Mail Refused')) throw Object.assign(new Error('refused'), { code: 'ECONNECTION' });
      return real.send(mail);
    },
  };
  const store = overriding(outbox.store, (target, name) => {
    if (name === 'getMetadata')
      return async (key: string, options: unknown) => {
        if (key === 'RG-UNRE-ADBL') throw new Error('unreadable');
        return target.getMetadata(key, options as never);
      };
    return undefined;
  });
  const { result: counts, lines } = await logsOf(() => sweep({ ...outbox, store, mailer: refusing }));
  expect(counts).toEqual({ delivered: 2, failed: 1, purged: 1, pending: 0, parked: 1, problems: 1 });
  // Its one line counts what it did: delivered, failed, purged and could not handle.
  expect(lines.filter((line) => line.outcome === 'sweep')).toEqual([expect.objectContaining({ count: 5 })]);
  expect(await outbox.store.get(old)).toBeNull();
  for (const reference of [due, later])
    expect(pipeline.mail.received.some((m) => m.raw.includes(reference))).toBe(true);
  expect(pipeline.mail.received.some((m) => m.raw.includes(failing))).toBe(false);

  // The next sweep, at once: the failure waits for its back-off, the parked record stays parked.
  const next = await quietly(() => sweep({ ...outbox, store, mailer: refusing }));
  expect(next).toEqual({ delivered: 0, failed: 0, purged: 0, pending: 1, parked: 1, problems: 1 });
});

test('a record just stored is left to its own request for two minutes, then the sweep takes it', async () => {
  const outbox = pipeline.deps.outbox;
  const reference = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  pipeline.advance(2 * MINUTE - 1);
  expect(await quietly(() => sweep(outbox))).toMatchObject({ delivered: 0, pending: 1 });
  pipeline.advance(1);
  expect(await quietly(() => sweep(outbox))).toMatchObject({ delivered: 1, pending: 0 });
  expect(pipeline.mail.received.some((m) => m.raw.includes(reference))).toBe(true);
});

test('without settings, production has the documented defaults and local use its own', () => {
  const saved = { ...process.env };
  try {
    for (const name of Object.keys(process.env)) {
      if (
        /^(SMTP_URL|MAIL_FROM|REFERRAL_INBOX|VOLUNTEER_INBOX|ALERT_INBOX|RETENTION_DAYS|UNDELIVERED_MAX_DAYS|MAX_DELIVERY_ATTEMPTS|RETRY_BASE_SECONDS|MIN_MS_BEFORE_SEND|HEALTH_TOKEN|URL|SITE_URL|FORM_TOKEN_SECRET)$/.test(
          name,
        )
      )
        delete process.env[name];
    }
    process.env.SUBMISSION_KEYS = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    const config = loadConfig('production');
    expect(config).toMatchObject({
      isLocal: false,
      retentionDays: 30,
      undeliveredMaxDays: 14,
      maxAttempts: 8,
      retryBaseMs: 60_000,
      minMsBeforeSend: 2000,
      storeName: 'submissions-production',
      markersStoreName: 'submissions-production-markers',
      siteOrigins: [],
      smtpUrl: undefined,
      healthToken: undefined,
    });
    expect(config.alertInbox).toBe(config.referralInbox);
    expect(config.inboxes.VOLUNTEER_INBOX).toBe(config.referralInbox);
    expect(config.mailFrom).toMatch(/^Restorative Gloucestershire website </);
    // Odd values fall back to the defaults rather than stop the site.
    process.env.RETENTION_DAYS = 'thirty';
    process.env.MAX_DELIVERY_ATTEMPTS = '-1';
    process.env.URL = 'https://example.org/some/page';
    process.env.ALERT_INBOX = 'alerts@example.org';
    const odd = loadConfig('deploy-preview');
    expect(odd).toMatchObject({ retentionDays: 30, maxAttempts: 8, siteOrigins: ['https://example.org'] });
    expect(odd.storeName).toBe('submissions-deploy-preview');
    expect(odd.alertInbox).toBe('alerts@example.org');
    process.env.MIN_MS_BEFORE_SEND = '0';
    expect(loadConfig('production').minMsBeforeSend).toBe(0);
    process.env.RETRY_BASE_SECONDS = '5';
    expect(loadConfig('production').retryBaseMs).toBe(5000);
  } finally {
    process.env = saved;
  }
});

test('a sweep out of time leaves what is due for the next one, and says what it did in one line', async () => {
  const outbox = pipeline.deps.outbox;
  const first = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  const second = await storeSubmission(outbox, referral, { ...REFERRAL_ANSWERS, fullName: 'Second' });
  pipeline.advance(3 * MINUTE);
  const late = await logsOf(() => sweep(outbox, -1));
  expect(late.result).toEqual({ delivered: 0, failed: 0, purged: 0, pending: 2, parked: 0, problems: 0 });
  // Nothing done, nothing said.
  expect(late.outcomes).toEqual([]);
  expect(pipeline.mail.received).toHaveLength(0);

  const onTime = await logsOf(() => sweep(outbox));
  expect(onTime.result).toMatchObject({ delivered: 2, pending: 0 });
  expect(onTime.lines.filter((line) => line.outcome === 'sweep')).toEqual([expect.objectContaining({ count: 2 })]);
  for (const reference of [first, second])
    expect(pipeline.mail.received.some((m) => m.raw.includes(reference))).toBe(true);
});

test('markers and equality counts that fail never stop a sweep delivering, and each failure is logged', async () => {
  const outbox = pipeline.deps.outbox;
  const reference = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  pipeline.advance(3 * MINUTE);
  const markers = overriding(outbox.markers, (target, name) => {
    // The whole-store listing (old markers) fails; the claims a delivery makes still work.
    if (name === 'list')
      return async (options?: { prefix?: string }) =>
        !options?.prefix ? Promise.reject(new TypeError('markers down')) : target.list(options);
    return undefined;
  });
  const equality = overriding(outbox.equality, (_target, name) =>
    name === 'list' ? async () => Promise.reject(new TypeError('equality store down')) : undefined,
  );
  const { result, lines } = await logsOf(() => sweep({ ...outbox, markers, equality }));
  expect(result).toMatchObject({ delivered: 1, problems: 0 });
  expect(pipeline.mail.received.some((m) => m.raw.includes(reference))).toBe(true);
  expect(lines).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ outcome: 'sweep-markers-failed', reason: 'TypeError' }),
      expect.objectContaining({ outcome: 'separate-answers-report-failed', reason: 'TypeError' }),
    ]),
  );
});

test('an undelivered record deleted at its limit is logged as such; a delivered one is deleted quietly', async () => {
  const outbox = pipeline.deps.outbox;
  const undelivered = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  const delivered = await storeSubmission(outbox, referral, { ...REFERRAL_ANSWERS, fullName: 'Delivered' });
  pipeline.advance(3 * MINUTE);
  const refusing: Mailer = {
    send: async (mail) => {
      if (!mail.text.includes('Delivered')) throw Object.assign(new Error('refused'), { code: 'ECONNECTION' });
      return outbox.mailer.send(mail);
    },
  };
  await quietly(() => sweep({ ...outbox, mailer: refusing }));
  pipeline.advance(60 * DAY);
  const { result, lines } = await logsOf(() => sweep({ ...outbox, mailer: refusing }));
  expect(result).toMatchObject({ purged: 2 });
  expect(lines.filter((line) => line.outcome === 'purged-undelivered')).toEqual([
    expect.objectContaining({ reference: undelivered, form: 'referral' }),
  ]);
  expect(await outbox.store.get(undelivered)).toBeNull();
  expect(await outbox.store.get(delivered)).toBeNull();
});

test('a record with no date of receipt is parked from the day it was first parked, however often it is swept', async () => {
  const outbox = pipeline.deps.outbox;
  const firstParked = new Date(pipeline.now() - 5 * DAY).toISOString();
  await outbox.store.set('RG-NODA-TE00', 'sealed text', {
    metadata: { form: 'referral', receivedAt: 'unknown', parkedAt: firstParked, status: 'pending', attempts: 0 },
  });
  expect(await outbox.store.get('RG-NODA-TE00', { type: 'text' })).toBe('sealed text');
  await outbox.store.set('RG-NODA-TE01', 'sealed text', {
    metadata: { form: 'referral', receivedAt: 'unknown', status: 'pending', attempts: 0 },
  });
  // A third is deleted between the sweep's list and its read: it is not brought back.
  await outbox.store.set('RG-NODA-GONE', 'sealed text', {
    metadata: { form: 'referral', receivedAt: 'unknown', status: 'pending', attempts: 0 },
  });
  const vanishing = overriding(outbox.store, (target, name) => {
    if (name === 'get')
      return async (key: string, options: unknown) => {
        if (key !== 'RG-NODA-GONE') return target.get(key, options as never);
        await target.delete(key);
        return null;
      };
    return undefined;
  });
  expect(await quietly(() => sweep({ ...outbox, store: vanishing }))).toMatchObject({ parked: 2, problems: 0 });
  expect(await outbox.store.getMetadata('RG-NODA-GONE')).toBeNull();
  const metadataOf = async (key: string) =>
    (await outbox.store.getWithMetadata(key, { type: 'text' }))!.metadata as Record<string, unknown>;
  expect(await metadataOf('RG-NODA-TE00')).toMatchObject({ status: 'parked', receivedAt: firstParked });
  expect(await metadataOf('RG-NODA-TE01')).toMatchObject({
    status: 'parked',
    receivedAt: new Date(pipeline.now()).toISOString(),
  });
  expect((await outbox.store.getWithMetadata('RG-NODA-TE00', { type: 'text' }))!.data).toBe('sealed text');
  expect(await metadataOf('RG-NODA-TE01')).toMatchObject({ lastFailure: 'corrupt-record' });
});

test('what another sweep holds, what was delivered and what went meanwhile are left alone and counted right', async () => {
  const outbox = pipeline.deps.outbox;
  const held = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  const done = await storeSubmission(outbox, referral, { ...REFERRAL_ANSWERS, fullName: 'Done Already' });
  const gone = await storeSubmission(outbox, referral, { ...REFERRAL_ANSWERS, fullName: 'Gone Meanwhile' });
  pipeline.advance(3 * MINUTE);
  await quietly(() => sweep({ ...outbox, store: onlyKeys(outbox.store, [done]) }));
  const sentBefore = pipeline.mail.received.length;
  // Another sweep is mid-send on this one.
  expect(await claimDelivery(outbox.markers, held, 0, pipeline.now(), 10 * MINUTE)).toBe(true);
  const store = overriding(outbox.store, (target, name) => {
    if (name === 'getMetadata')
      return async (key: string, options: unknown) => (key === gone ? null : target.getMetadata(key, options as never));
    return undefined;
  });
  expect(await quietly(() => sweep({ ...outbox, store }))).toEqual({
    delivered: 0,
    failed: 0,
    purged: 0,
    pending: 1,
    parked: 0,
    problems: 0,
  });
  expect(pipeline.mail.received.length).toBe(sentBefore);
});

test('a record is deleted at its limit to the millisecond, not a moment later', async () => {
  const outbox = pipeline.deps.outbox;
  const reference = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  pipeline.advance(3 * MINUTE);
  await quietly(() => sweep(outbox));
  const { deleteAfter } = await import('../../functions/retention/limits.ts');
  const metadata = (await outbox.store.getMetadata(reference))!.metadata as never;
  pipeline.advance(deleteAfter(metadata, pipeline.config) - pipeline.now() - 1);
  expect(await quietly(() => sweep(outbox))).toMatchObject({ purged: 0 });
  pipeline.advance(1);
  expect(await quietly(() => sweep(outbox))).toMatchObject({ purged: 1 });
  expect(await outbox.store.get(reference)).toBeNull();
});

test('a digest form’s records are counted as waiting until their digest goes, then as delivered', async () => {
  const digestFeedback = defineServerForm(feedbackWords, {
    ...SERVER_FORMS.feedback,
    delivery: { digest: { hour: 0, atLeast: 2, orAfterDays: 7 } },
  });
  const outbox = { ...pipeline.deps.outbox, forms: { ...SERVER_FORMS, feedback: digestFeedback } };
  await storeSubmission(outbox, digestFeedback, { overall: 'good' });
  pipeline.advance(3 * MINUTE);
  expect(await quietly(() => sweep(outbox))).toMatchObject({ delivered: 0, pending: 1 });
  await storeSubmission(outbox, digestFeedback, { overall: 'poor' });
  // Both came today: they wait for tomorrow's digest.
  expect(await quietly(() => sweep(outbox))).toMatchObject({ delivered: 0, pending: 2 });
  pipeline.advance(DAY);
  expect(await quietly(() => sweep(outbox))).toMatchObject({ delivered: 2, pending: 0 });
});

test('a delivery or a digest that throws is counted as a problem and logged, and the sweep goes on', async () => {
  const outbox = pipeline.deps.outbox;
  const broken = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  const fine = await storeSubmission(outbox, referral, { ...REFERRAL_ANSWERS, fullName: 'Fine' });
  pipeline.advance(3 * MINUTE);
  const store = overriding(outbox.store, (target, name) => {
    if (name === 'get' || name === 'getWithMetadata')
      return async (key: string, options: unknown) => {
        if (key === broken) throw new RangeError('unreadable');
        return (target[name] as (k: string, o: unknown) => Promise<unknown>).call(target, key, options);
      };
    return undefined;
  });
  const { result, lines, errors } = await logsOf(() => sweep({ ...outbox, store }));
  expect(result).toMatchObject({ delivered: 1, problems: 1 });
  expect(errors).toContain('sweep-record-failed');
  expect(lines.find((line) => line.outcome === 'sweep-record-failed')).toMatchObject({
    reference: broken,
    reason: 'RangeError',
  });
  expect(pipeline.mail.received.some((m) => m.raw.includes(fine))).toBe(true);

  const digestFeedback = defineServerForm(feedbackWords, {
    ...SERVER_FORMS.feedback,
    delivery: { digest: { hour: 0, atLeast: 1, orAfterDays: 7 } },
  });
  const withDigest = { ...outbox, forms: { ...SERVER_FORMS, feedback: digestFeedback } };
  await storeSubmission(withDigest, digestFeedback, { overall: 'good' });
  pipeline.advance(DAY);
  const markers = overriding(outbox.markers, (target, name) => {
    if (name === 'set')
      return async (key: string, ...rest: unknown[]) => {
        if (key.startsWith('digest/')) throw new RangeError('markers down');
        return target.set(key, ...(rest as [never]));
      };
    return undefined;
  });
  const digest = await logsOf(() => sweep({ ...withDigest, markers }));
  // The referral left over from above is delivered now; the digest is a problem and still waits.
  expect(digest.result).toMatchObject({ problems: 1, pending: 1, delivered: 1 });
  expect(pipeline.mail.received.some((m) => m.to.includes('feedback@test.invalid'))).toBe(false);
  expect(digest.lines.find((line) => line.outcome === 'digest-failed')).toMatchObject({
    form: 'feedback',
    reason: 'RangeError',
  });
});

/** The store as a sweep would see it if it held only these records. */
function onlyKeys(store: Pipeline['deps']['outbox']['store'], keys: string[]) {
  return overriding(store, (target, name) => {
    if (name === 'list')
      return async () => ({
        ...(await target.list()),
        blobs: (await target.list()).blobs.filter((b) => keys.includes(b.key)),
      });
    return undefined;
  });
}

test('delivered and parked records are left as they are, whatever retry time they still carry; an unreadable one is logged', async () => {
  const outbox = pipeline.deps.outbox;
  const now = new Date(pipeline.now()).toISOString();
  const ahead = new Date(pipeline.now() + 10 * MINUTE).toISOString();
  const before = new Date(pipeline.now() - 10 * MINUTE).toISOString();
  // Both failed once, so each still carries the time of its next try.
  const base = { form: 'referral', receivedAt: now, attempts: 1, lastFailure: 'smtp-timeout' };
  await outbox.store.set('RG-DONE-AHEA', 'x', { metadata: { ...base, status: 'delivered', nextAttemptAt: ahead } });
  await outbox.store.set('RG-PARK-AHEA', 'x', { metadata: { ...base, status: 'parked', nextAttemptAt: ahead } });
  await outbox.store.set('RG-DONE-PAST', 'x', { metadata: { ...base, status: 'delivered', nextAttemptAt: before } });
  const store = overriding(outbox.store, (target, name) => {
    if (name === 'getMetadata')
      return async (key: string, options: unknown) => {
        if (key === 'RG-DONE-PAST') throw new TypeError('unreadable');
        return target.getMetadata(key, options as never);
      };
    return undefined;
  });
  const { result, lines } = await logsOf(() => sweep({ ...outbox, store }));
  expect(result).toEqual({ delivered: 0, failed: 0, purged: 0, pending: 0, parked: 1, problems: 1 });
  expect(lines.filter((line) => line.outcome === 'sweep-record-failed')).toEqual([
    expect.objectContaining({ reference: 'RG-DONE-PAST', reason: 'TypeError' }),
  ]);
});

test('a record with no date of receipt is parked and dated from now, even when its parking date is garbage too', async () => {
  const outbox = pipeline.deps.outbox;
  await outbox.store.set('RG-BAD1-BAD1', 'x', {
    metadata: { form: 'referral', receivedAt: 'garbage', parkedAt: 'not a date', status: 'pending' },
  });
  const counts = await quietly(() => sweep(outbox));
  expect(counts.parked).toBe(1);
  const metadata = (await outbox.store.getMetadata('RG-BAD1-BAD1'))!.metadata as { receivedAt: string; status: string };
  expect([metadata.status, metadata.receivedAt]).toEqual(['parked', new Date(pipeline.now()).toISOString()]);
});

test('a record gone between the list and its delivery (another sweep took it) is counted as nothing', async () => {
  const outbox = pipeline.deps.outbox;
  const reference = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  pipeline.advance(3 * MINUTE);
  const store = overriding(outbox.store, (target, name) => {
    if (name === 'getWithMetadata')
      return async (key: string, options: unknown) =>
        key === reference ? null : target.getWithMetadata(key, options as never);
    return undefined;
  });
  const counts = await quietly(() => sweep({ ...outbox, store }));
  expect(counts).toEqual({ delivered: 0, failed: 0, purged: 0, pending: 0, parked: 0, problems: 0 });
});

test('a fault of the function itself (not of the record) never parks a record: it is counted and waits to be tried again', async () => {
  const outbox = pipeline.deps.outbox;
  const reference = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  pipeline.advance(3 * MINUTE);
  const counts = await quietly(() => sweep(withFaultyKeyring(outbox)));
  expect(counts).toMatchObject({ delivered: 0, parked: 0, problems: 1 });
  const metadata = (await outbox.store.getMetadata(reference))!.metadata as { status: string };
  expect(metadata.status).not.toBe('parked');
  // With the fault gone, the next sweep delivers it.
  expect(await quietly(() => sweep(outbox))).toMatchObject({ delivered: 1, parked: 0 });
});
