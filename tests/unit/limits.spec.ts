import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Context } from '@netlify/functions';
import volunteerApplicationForm from '../../functions/forms/volunteer-application.ts';
import { logsOf } from '../support/logs.ts';
import { formRequest, startPipeline, VOLUNTEER_ANSWERS as VOLUNTEER, type Pipeline } from '../support/pipeline.ts';
import { decode } from '../support/smtp.ts';

/**
 * Caps that hold across function instances, as claims in the Blobs store: confirmations per
 * hour for the whole site, whoever they go to, here through two separately loaded handlers
 * sharing one store, as two instances of the function would.
 */
const HOUR = 3_600_000;
let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await startPipeline({ siteConfirmationsPerHour: 3 });
});
afterEach(async () => pipeline.stop());

async function loadHandler() {
  vi.resetModules();
  const { createSubmissionHandler } = await import('../../functions/intake/submission.ts');
  const pending: Promise<unknown>[] = [];
  const context = { waitUntil: (promise: Promise<unknown>) => pending.push(promise) } as unknown as Context;
  const handle = createSubmissionHandler(volunteerApplicationForm, () => pipeline.deps);
  return {
    async send(answers: Record<string, unknown>) {
      const check = await handle(
        formRequest(volunteerApplicationForm.endpoint, { ...answers, action: 'check' }),
        context,
      );
      const { token } = (await check.json()) as { token: string };
      pipeline.advance(pipeline.config.minMsBeforeSend);
      const sent = await handle(
        formRequest(volunteerApplicationForm.endpoint, { ...answers, action: 'send', token }),
        context,
      );
      await Promise.all(pending.splice(0));
      return sent.status;
    },
  };
}

const confirmations = () => pipeline.mail.received.filter((mail) => decode(mail.raw).includes('Your reference'));

test('the whole site sends at most its hourly cap of confirmations, across two handlers on one store', async () => {
  const first = await loadHandler();
  const second = await loadHandler();
  const { lines } = await logsOf(async () => {
    for (let i = 0; i < 6; i++) {
      const handler = i % 2 ? second : first;
      expect(await handler.send({ ...VOLUNTEER, email: `person.${i}@example.org` })).toBe(201);
    }
  });
  // Every application reaches staff; only three people are sent a confirmation this hour.
  expect(pipeline.mail.received.filter((mail) => mail.to.includes('volunteers@test.invalid'))).toHaveLength(6);
  expect(confirmations()).toHaveLength(3);
  expect(lines.filter((line) => line.outcome === 'confirmation-site-limited')).toHaveLength(3);
  // The next hour, the site may send again.
  pipeline.advance(HOUR);
  await logsOf(() => first.send({ ...VOLUNTEER, email: 'next.hour@example.org' }));
  expect(confirmations()).toHaveLength(4);
  // The claims hold no address.
  const keys = (await pipeline.deps.outbox.markers.list({ prefix: 'confirmation-site/' })).blobs.map(
    (blob) => blob.key,
  );
  expect(keys).toHaveLength(4);
  expect(keys.join(' ')).not.toMatch(/example|person/);
});

test('sends at once never pass the cap: each claim is written once', async () => {
  const { allowSiteConfirmation } = await import('../../functions/delivery/confirmation-limit.ts');
  const markers = pipeline.deps.outbox.markers;
  const now = pipeline.now();
  const results = await Promise.all(Array.from({ length: 10 }, () => allowSiteConfirmation(markers, now, 4)));
  expect(results.filter(Boolean)).toHaveLength(4);
  expect(await allowSiteConfirmation(markers, now, 4)).toBe(false);
  expect(await allowSiteConfirmation(markers, now + HOUR, 4)).toBe(true);
});

test('the same feedback twice in a day is kept once, each sender answered alike; the next day, or other words, are kept', async () => {
  const { default: feedback } = await import('../../functions/forms/feedback.ts');
  const { checkThenSend } = await import('../support/pipeline.ts');
  const store = pipeline.deps.outbox.store;
  const answers = { overall: 'good', whatHelped: 'Being listened to.' };
  const { lines } = await logsOf(async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await checkThenSend(pipeline, feedback, answers)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    expect((await store.list()).blobs).toHaveLength(1);
    expect((await checkThenSend(pipeline, feedback, { ...answers, whatHelped: 'Other words.' })).status).toBe(201);
    expect((await store.list()).blobs).toHaveLength(2);
    pipeline.advance(24 * HOUR);
    expect((await checkThenSend(pipeline, feedback, answers)).status).toBe(201);
    expect((await store.list()).blobs).toHaveLength(3);
  });
  expect(lines.filter((line) => line.outcome === 'same-answers-not-stored')).toHaveLength(4);
  // The marker holds a keyed hash, never the words.
  const keys = (await pipeline.deps.outbox.markers.list({ prefix: 'same-answers/' })).blobs.map((blob) => blob.key);
  expect(keys).toHaveLength(3);
  for (const key of keys) expect(key).toMatch(/^same-answers\/feedback\/\d{4}-\d{2}-\d{2}\/[\w-]{43}$/);
  // Another form is not limited so.
  expect(volunteerApplicationForm.identicalOncePerDay).toBeUndefined();
});
