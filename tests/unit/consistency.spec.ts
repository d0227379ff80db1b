import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Store } from '@netlify/blobs';
import { deliver } from '../../functions/delivery/deliver.ts';
import { sweep } from '../../functions/delivery/sweep.ts';
import { healthSummary } from '../../functions/health/summary.ts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { storeSubmission } from '../../functions/records/store.ts';
import { quietly } from '../support/logs.ts';
import { checkThenSend, formRequest, REFERRAL_ANSWERS, startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * Netlify Blobs reads are eventually consistent unless asked otherwise: a read just after a
 * write may see the old value, and then a token could send twice or a record be sent twice.
 * Every read the pipeline makes asks for a strong read. The local Blobs server is always
 * consistent, so this is seen in the options each read passes, as Netlify would receive them.
 */
const READS = new Set(['get', 'getMetadata', 'getWithMetadata']);
let pipeline: Pipeline;
const weak: string[] = [];
let reads = 0;

/** The store, noting every read that does not ask for a strong read. */
function watched(store: Store, name: string): Store {
  return new Proxy(store, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== 'function') return value;
      if (!READS.has(String(property))) return value.bind(target);
      return (key: string, options?: { consistency?: string }) => {
        reads++;
        if (options?.consistency !== 'strong') weak.push(`${name}.${String(property)}(${key.split('/')[0]})`);
        return (value as (...args: unknown[]) => unknown).call(target, key, options);
      };
    },
  });
}

beforeEach(async () => {
  pipeline = await startPipeline();
  const outbox = pipeline.deps.outbox;
  pipeline.deps.outbox = {
    ...outbox,
    store: watched(outbox.store, 'store'),
    markers: watched(outbox.markers, 'markers'),
  };
  weak.length = 0;
  reads = 0;
});
afterEach(async () => pipeline.stop());

test('every read of a record or a marker asks for a strong read: sending, sending again, delivering, sweeping, health', async () => {
  const outbox = pipeline.deps.outbox;
  const referral = SERVER_FORMS.referral;
  const handle = pipeline.handler(referral);
  const check = await handle(formRequest(referral.endpoint, { ...REFERRAL_ANSWERS, action: 'check' }));
  const { token } = (await check.json()) as { token: string };
  pipeline.advance(pipeline.config.minMsBeforeSend);
  const send = () => handle(formRequest(referral.endpoint, { ...REFERRAL_ANSWERS, action: 'send', token }));
  expect((await send()).status).toBe(201);
  await pipeline.settle();
  expect((await send()).status).toBe(201); // the replay reads the used-token marker
  // Feedback asking for a reply: its confirmation reads the limit on its address.
  const feedback = await checkThenSend(pipeline, SERVER_FORMS.feedback, {
    overall: 'good',
    wantsReply: 'yes',
    replyEmail: 'sam@example.org',
  });
  expect(feedback.status).toBe(201);
  await pipeline.settle();
  const waiting = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  await deliver(outbox, waiting);
  pipeline.advance(40 * 86_400_000);
  await sweep(outbox);
  await healthSummary(outbox);
  expect(reads).toBeGreaterThan(10);
  expect(weak).toEqual([]);
});

test('the sweep’s rarer reads ask for strong reads too: a record with no date, a digest, the chain of claims', async () => {
  const { defineServerForm } = await import('../../functions/forms/definition.ts');
  const { default: feedbackWords } = await import('../../src/forms/feedback/form.ts');
  const outbox = pipeline.deps.outbox;
  await outbox.store.set('RG-NODA-TE00', 'sealed', {
    metadata: { form: 'referral', receivedAt: 'unknown', status: 'pending', attempts: 0 },
  });
  const digest = defineServerForm(feedbackWords, {
    ...SERVER_FORMS.feedback,
    delivery: { digest: { hour: 0, atLeast: 1, orAfterDays: 7 } },
  });
  const forms = { ...SERVER_FORMS, feedback: digest };
  await storeSubmission({ ...outbox, forms }, digest, { overall: 'good' });
  const failing = await storeSubmission(outbox, SERVER_FORMS.referral, REFERRAL_ANSWERS);
  pipeline.advance(3 * 60_000);
  // A first delivery that fails leaves its claim, so the next attempt reads the chain.
  const refusing = { send: async () => Promise.reject(Object.assign(new Error('x'), { code: 'ECONNECTION' })) };
  await quietly(() => deliver({ ...outbox, mailer: refusing }, failing));
  // The next day: the feedback, from an earlier day now, is due in its digest, which reads it.
  pipeline.advance(24 * 3_600_000);
  const counts = await quietly(() => sweep({ ...outbox, forms }));
  expect(counts.delivered).toBeGreaterThanOrEqual(1);
  expect(pipeline.mail.received.some((message) => message.to.includes('feedback@test.invalid'))).toBe(true);
  // A second confirmation to one address reads the latest link of that address's chain.
  for (const overall of ['good', 'poor'])
    await checkThenSend(pipeline, SERVER_FORMS.feedback, { overall, wantsReply: 'yes', replyEmail: 'sam@example.org' });
  await quietly(() => pipeline.settle());
  expect(reads).toBeGreaterThan(5);
  expect(weak).toEqual([]);
});
