import { expect, test } from 'vitest';
import { createHealthHandler } from '../../functions/health/endpoint.ts';
import type { HandlerDeps } from '../../functions/settings/deps.ts';
import { deleteAfter } from '../../functions/retention/limits.ts';
import { markerExpired } from '../../functions/retention/markers.ts';
import type { RecordMetadata } from '../../functions/records/store.ts';

/** How long each thing is kept, to the millisecond, as docs/operating.md says. */
const DAY = 86_400_000;
const limits = { tokenMs: 2 * DAY, confirmationMs: 3_600_000, claimMs: 44 * DAY };
const at = Date.parse('2027-01-10T12:00:00Z');

test('each kind of marker is kept for its own time and not a millisecond longer', () => {
  const kept = (key: string, age: number) => !markerExpired(key, at, at + age, limits);
  expect(kept('used-token/abc', 2 * DAY)).toBe(true);
  expect(kept('used-token/abc', 2 * DAY + 1)).toBe(false);
  expect(kept('confirmation/hash/0', 3_600_000)).toBe(true);
  expect(kept('confirmation/hash/0', 3_600_001)).toBe(false);
  // The site-wide count of confirmations lives as long as one address's.
  expect(kept('confirmation-site/2027-01-10T12/0', 3_600_000)).toBe(true);
  expect(kept('confirmation-site/2027-01-10T12/0', 3_600_001)).toBe(false);
  expect(kept('claim/RG-AAAA-AAAA/0/0', 44 * DAY)).toBe(true);
  expect(kept('claim/RG-AAAA-AAAA/0/0', 44 * DAY + 1)).toBe(false);
  expect(kept('digest/feedback/2027-01-10', 44 * DAY + 1)).toBe(false);
});

test('a delivered record goes after the retention period; none outlives retention and the undelivered limit', () => {
  const config = { retentionDays: 30, undeliveredMaxDays: 14 };
  const received = '2027-01-10T12:00:00.000Z';
  const base: RecordMetadata = {
    form: 'referral',
    receivedAt: received,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: received,
  };
  expect(deleteAfter(base, config)).toBe(at + 44 * DAY);
  expect(deleteAfter({ ...base, status: 'parked' }, config)).toBe(at + 44 * DAY);
  const delivered = { ...base, status: 'delivered' as const, deliveredAt: '2027-01-11T12:00:00.000Z' };
  expect(deleteAfter(delivered, config)).toBe(at + 31 * DAY);
  // Delivered late, it still goes at the hard limit.
  expect(deleteAfter({ ...delivered, deliveredAt: '2027-02-10T12:00:00.000Z' }, config)).toBe(at + 44 * DAY);
  expect(deleteAfter({ ...delivered, deliveredAt: undefined }, config)).toBe(at + 30 * DAY);
});

test('the health endpoint answers GET only, and nothing at all until it has a token', async () => {
  const deps = (healthToken?: string) => () => ({ config: { healthToken } }) as unknown as HandlerDeps;
  const post = await createHealthHandler(deps('secret'))(new Request('http://x/api/health', { method: 'POST' }));
  expect(post.status).toBe(405);
  expect(post.headers.get('allow')).toBe('GET');
  const off = await createHealthHandler(deps(undefined))(new Request('http://x/api/health'));
  expect(off.status).toBe(404);
  const empty = await createHealthHandler(deps('secret'))(
    new Request('http://x/api/health', { headers: { Authorization: 'Bearer ' } }),
  );
  expect(empty.status).toBe(401);
  expect(empty.headers.get('www-authenticate')).toBe('Bearer');
  const broken = await createHealthHandler(() => {
    throw new Error('no store');
  })(new Request('http://x/api/health'));
  expect(broken.status).toBe(503);
  expect(await broken.json()).toEqual({ status: 'unknown', error: 'The store could not be read' });
});
