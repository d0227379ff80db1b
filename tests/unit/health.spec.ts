import { afterEach, beforeEach, expect, test } from 'vitest';
import { healthSummary, WAITING_TOO_LONG_MS } from '../../functions/health/summary.ts';
import { createHealthHandler } from '../../functions/health/endpoint.ts';
import type { HandlerDeps } from '../../functions/settings/deps.ts';
import { logsOf } from '../support/logs.ts';
import { startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * What an uptime monitor reads: counts and reason codes only, worked out from the records'
 * metadata in a real (local) Blobs store.
 */
const MINUTE = 60_000;
let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await startPipeline();
});
afterEach(async () => pipeline.stop());

const iso = (msAgo: number) => new Date(pipeline.now() - msAgo).toISOString();

async function record(key: string, metadata: Record<string, unknown>) {
  await pipeline.deps.outbox.store.set(key, 'sealed', {
    metadata: { form: 'referral', status: 'pending', attempts: 0, ...metadata },
  });
}

const ask = (token = 'health-secret', scheme = 'Bearer') =>
  pipeline.health(new Request('http://localhost/api/health', { headers: { Authorization: `${scheme} ${token}` } }));

test('each kind of record counts where it belongs, and failures are counted by reason', async () => {
  await record('RG-DONE-0000', { status: 'delivered', receivedAt: iso(300 * MINUTE), lastFailure: 'smtp-timeout' });
  await record('RG-PARK-0000', {
    status: 'parked',
    receivedAt: iso(200 * MINUTE),
    lastFailure: 'corrupt-record',
    alerted: true,
  });
  await record('RG-FAIL-0000', {
    attempts: 2,
    receivedAt: iso(90.5 * MINUTE),
    lastFailure: 'smtp-timeout',
    alerted: true,
  });
  await record('RG-FAIL-0001', { attempts: 1, receivedAt: iso(5 * MINUTE), lastFailure: 'smtp-timeout' });
  await record('RG-NEW0-0000', { receivedAt: iso(10 * MINUTE) });
  expect(await healthSummary(pipeline.deps.outbox)).toEqual({
    status: 'attention',
    waiting: 3,
    undelivered: 2,
    parked: 1,
    alerted: 2,
    oldestWaitingMinutes: 90,
    reasons: { 'smtp-timeout': 2, 'corrupt-record': 1 },
  });
});

test('waiting is fine for half an hour; a moment longer asks for attention; nothing waiting is null', async () => {
  expect(await healthSummary(pipeline.deps.outbox)).toEqual({
    status: 'ok',
    waiting: 0,
    undelivered: 0,
    parked: 0,
    alerted: 0,
    oldestWaitingMinutes: null,
    reasons: {},
  });
  await record('RG-NEW0-0000', { receivedAt: iso(WAITING_TOO_LONG_MS) });
  expect(await healthSummary(pipeline.deps.outbox)).toMatchObject({
    status: 'ok',
    waiting: 1,
    oldestWaitingMinutes: 30,
  });
  pipeline.advance(1);
  expect(await healthSummary(pipeline.deps.outbox)).toMatchObject({ status: 'attention', oldestWaitingMinutes: 30 });
  // One without a readable date of receipt (the sweep parks it) is counted, and does not hide the oldest.
  await record('RG-BAD0-0000', { receivedAt: 'garbage' });
  expect(await healthSummary(pipeline.deps.outbox)).toMatchObject({ waiting: 2, oldestWaitingMinutes: 30 });
});

test('a parked record alone asks for attention; so does a failure, however recent', async () => {
  await record('RG-PARK-0000', { status: 'parked', receivedAt: iso(MINUTE) });
  expect(await healthSummary(pipeline.deps.outbox)).toMatchObject({ status: 'attention', parked: 1, waiting: 0 });
  await pipeline.deps.outbox.store.delete('RG-PARK-0000');
  await record('RG-FAIL-0000', { attempts: 1, receivedAt: iso(MINUTE) });
  expect(await healthSummary(pipeline.deps.outbox)).toMatchObject({ status: 'attention', undelivered: 1 });
});

test('only the token opens the summary: not a near miss, not another scheme; the word Bearer in any case', async () => {
  await record('RG-NEW0-0000', { receivedAt: iso(MINUTE) });
  const open = await ask();
  expect(open.status).toBe(200);
  expect(await open.json()).toMatchObject({ status: 'ok', waiting: 1 });
  expect((await ask('health-secret', 'bearer')).status).toBe(200);
  for (const [token, scheme] of [
    ['health-secreT', 'Bearer'],
    ['health-secret2', 'Bearer'],
    ['health-secret', 'Basic'],
    ['', 'Bearer'],
  ]) {
    const refused = await ask(token, scheme);
    expect(refused.status, `${scheme} ${token}`).toBe(401);
    expect(await refused.json()).toEqual({ error: 'Send the health token' });
  }
  const none = await pipeline.health(new Request('http://localhost/api/health'));
  expect(none.status).toBe(401);
});

test('each refusal says what it is: the method, an endpoint that is off, a store that cannot be read', async () => {
  const post = await pipeline.health(new Request('http://localhost/api/health', { method: 'POST' }));
  expect([post.status, post.headers.get('allow'), await post.json()]).toEqual([405, 'GET', { error: 'Use GET' }]);
  const off = await createHealthHandler(() => ({ config: {} }) as unknown as HandlerDeps)(
    new Request('http://localhost/api/health'),
  );
  expect([off.status, await off.json()]).toEqual([404, { error: 'Not found' }]);
  // Spaces after the scheme are forgiven; the token itself must match exactly.
  expect((await ask(' health-secret', 'Bearer ')).status).toBe(200);
  const { result, lines, errors } = await logsOf(() =>
    createHealthHandler(() => {
      throw new TypeError('store down');
    })(new Request('http://localhost/api/health')),
  );
  expect(result.status).toBe(503);
  expect(errors).toEqual(['health-failed']);
  expect(lines[0]).toMatchObject({ reason: 'TypeError' });
});
