import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Store } from '@netlify/blobs';
import { deliver } from '../../functions/delivery/deliver.ts';
import { sweep } from '../../functions/delivery/sweep.ts';
import { healthSummary } from '../../functions/health/summary.ts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { storeSubmission } from '../../functions/records/store.ts';
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
