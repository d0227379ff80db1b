import { afterEach, beforeEach, expect, test } from 'vitest';
import { addressKey, allowConfirmation, mailboxOf } from '../../functions/delivery/confirmation-limit.ts';
import { claimMarker, claimNextLink } from '../../functions/records/markers.ts';
import { startPipeline, type Pipeline } from '../support/pipeline.ts';
import { overriding } from '../support/stores.ts';

/** Markers in a real (local) Blobs store: the claims that make "once" hold. */
let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await startPipeline();
});
afterEach(async () => pipeline.stop());

test('a marker is written once: the first writer wins, every later one is told it lost', async () => {
  const markers = pipeline.deps.outbox.markers;
  expect(await claimMarker(markers, 'token/abc', 1000)).toBe(true);
  expect(await claimMarker(markers, 'token/abc', 2000)).toBe(false);
  const wins = await Promise.all(Array.from({ length: 8 }, () => claimMarker(markers, 'token/def', 1000)));
  expect(wins.filter(Boolean)).toHaveLength(1);
  expect((await markers.getMetadata('token/abc'))!.metadata).toEqual({ at: 1000 });
});

test('a chain is held for its window from its latest link, to the millisecond, then the next link is claimed', async () => {
  const markers = pipeline.deps.outbox.markers;
  expect(await claimNextLink(markers, 'chain/', 10_000, 500)).toBe(true);
  expect(await claimNextLink(markers, 'chain/', 10_499, 500)).toBe(false);
  expect(await claimNextLink(markers, 'chain/', 10_500, 500)).toBe(true);
  expect(await claimNextLink(markers, 'chain/', 10_999, 500)).toBe(false);
  expect(await claimNextLink(markers, 'chain/', 11_000, 500)).toBe(true);
  const keys = (await markers.list({ prefix: 'chain/' })).blobs.map((blob) => blob.key).sort();
  expect(keys).toEqual(['chain/0', 'chain/1', 'chain/2']);
  // Only links count: a key under the prefix that is not a number is ignored.
  await markers.set('chain/notes', '', { metadata: { at: 99_999 } });
  expect(await claimNextLink(markers, 'chain/', 11_500, 500)).toBe(true);
  expect((await markers.list({ prefix: 'chain/' })).blobs.map((blob) => blob.key)).toContain('chain/3');
  // A link with no readable time holds the chain: a claim errs on the side of "no", never of twice.
  await markers.set('chain/4', '', { metadata: {} });
  expect(await claimNextLink(markers, 'chain/', 11_600, 500)).toBe(false);
  await markers.set('chain/5', '', { metadata: { at: 'not a time' } });
  expect(await claimNextLink(markers, 'chain/', 11_700, 500)).toBe(false);
});

test('a chain of more than ten links still finds its latest (10 sorts before 2) and claims the next', async () => {
  const markers = pipeline.deps.outbox.markers;
  for (let link = 0; link <= 10; link++) await markers.set(`long/${link}`, '', { metadata: { at: 1000 + link } });
  // Listed as long/0, long/1, long/10, long/2 …: the latest is 10, not the last listed.
  expect(await claimNextLink(markers, 'long/', 2000, 500)).toBe(true);
  expect((await markers.getMetadata('long/11'))!.metadata).toEqual({ at: 2000 });
  // And 11 is now the latest: still within its hold, the next claim is refused.
  expect(await claimNextLink(markers, 'long/', 2100, 500)).toBe(false);
});

test('a latest link purged between the list and its read does not stop the claim', async () => {
  const markers = pipeline.deps.outbox.markers;
  await markers.set('gone/0', '', { metadata: { at: 1000 } });
  const racing = overriding(markers, (target, name) => {
    if (name === 'getMetadata')
      return async (key: string) => {
        await target.delete(key);
        return null;
      };
    return undefined;
  });
  expect(await claimNextLink(racing, 'gone/', 1100, 500)).toBe(true);
  expect(await markers.getMetadata('gone/1')).not.toBeNull();
});

test('one confirmation an hour to an address, however it is written; another address is another limit', async () => {
  const markers = pipeline.deps.outbox.markers;
  const secret = Buffer.from('secret');
  const hour = 3_600_000;
  expect(await allowConfirmation(markers, secret, 'Sam@Example.org', 0, hour)).toBe(true);
  expect(await allowConfirmation(markers, secret, ' sam@example.org ', hour - 1, hour)).toBe(false);
  expect(await allowConfirmation(markers, secret, 'alex@example.org', 1, hour)).toBe(true);
  expect(await allowConfirmation(markers, secret, 'sam@example.org', hour, hour)).toBe(true);
  // The store never holds the address, only a keyed hash of it.
  expect(addressKey(secret, 'SAM@example.org ')).toBe(addressKey(secret, 'sam@example.org'));
  expect(addressKey(secret, 'sam@example.org')).not.toBe(addressKey(Buffer.from('other'), 'sam@example.org'));
  expect(addressKey(secret, 'sam@example.org')).toMatch(/^confirmation\/[A-Za-z0-9_-]{43}\/$/);
  const keys = (await markers.list()).blobs.map((blob) => blob.key);
  expect(keys.join(' ')).not.toMatch(/sam|alex|example/i);
  // Plus-tags share their mailbox's limit; so do Gmail's dots and googlemail.com.
  expect(await allowConfirmation(markers, secret, 'sam+1@example.org', 2 * hour, hour)).toBe(true);
  expect(await allowConfirmation(markers, secret, 'Sam+2@example.org', 2 * hour + 1, hour)).toBe(false);
  expect(await allowConfirmation(markers, secret, 'sam@example.org', 2 * hour + 2, hour)).toBe(false);
  expect(await allowConfirmation(markers, secret, 'j.doe+x@gmail.com', 0, hour)).toBe(true);
  expect(await allowConfirmation(markers, secret, 'JDoe@googlemail.com', 1, hour)).toBe(false);
});

test('one mailbox however it is written: case, spaces, plus-tags, and Gmail’s dots and old domain', () => {
  expect(mailboxOf(' Sam+Tag+More@Example.ORG ')).toBe('sam@example.org');
  expect(mailboxOf('s.a.m@example.org')).toBe('s.a.m@example.org');
  expect(mailboxOf('J.Doe+news@GoogleMail.com')).toBe('jdoe@gmail.com');
  expect(mailboxOf('j.doe@gmail.com')).toBe('jdoe@gmail.com');
  expect(mailboxOf('+tag@example.org')).toBe('+tag@example.org');
  expect(mailboxOf('no-at-sign')).toBe('no-at-sign');
  expect(mailboxOf('"a@b"@example.org')).toBe('"a@b"@example.org');
});

test('old markers go at their own age, counted from when they were written; a marker with no date stays', async () => {
  const { purgeMarkers } = await import('../../functions/retention/purge.ts');
  const { USED_TOKEN_KEEP_MS } = await import('../../functions/intake/used-tokens.ts');
  const { CONFIRMATION_WINDOW_MS } = await import('../../functions/delivery/deliver.ts');
  const markers = pipeline.deps.outbox.markers;
  const now = 1_900_000_000_000;
  const claimMs = (pipeline.config.retentionDays + pipeline.config.undeliveredMaxDays) * 86_400_000;
  const write = (key: string, age: number) => markers.set(key, '', { metadata: { at: now - age } });
  await write('used-token/keep', USED_TOKEN_KEEP_MS);
  await write('used-token/go', USED_TOKEN_KEEP_MS + 1);
  await write('confirmation/abc/keep', CONFIRMATION_WINDOW_MS);
  await write('confirmation/abc/go', CONFIRMATION_WINDOW_MS + 1);
  await write('claim/RG-AAAA-BBBB/0/keep', claimMs);
  await write('claim/RG-AAAA-BBBB/0/go', claimMs + 1);
  await markers.set('claim/RG-AAAA-BBBB/0/undated', '', { metadata: {} });
  await purgeMarkers({ ...pipeline.deps.outbox, now: () => now }, now);
  const left = (await markers.list()).blobs.map((blob) => blob.key).sort();
  expect(left).toEqual([
    'claim/RG-AAAA-BBBB/0/keep',
    'claim/RG-AAAA-BBBB/0/undated',
    'confirmation/abc/keep',
    'used-token/keep',
  ]);
});

test('a marker gone between the purge’s list and its reading (another sweep took it) is passed over, and the rest still go', async () => {
  const { purgeMarkers } = await import('../../functions/retention/purge.ts');
  const { USED_TOKEN_KEEP_MS } = await import('../../functions/intake/used-tokens.ts');
  const markers = pipeline.deps.outbox.markers;
  const now = 1_900_000_000_000;
  await markers.set('used-token/taken', '', { metadata: { at: now - USED_TOKEN_KEEP_MS - 1 } });
  await markers.set('used-token/go', '', { metadata: { at: now - USED_TOKEN_KEEP_MS - 1 } });
  const racing = overriding(markers, (target, name) => {
    if (name === 'getMetadata')
      return async (key: string, options: unknown) =>
        key === 'used-token/taken' ? null : target.getMetadata(key, options as never);
    return undefined;
  });
  await purgeMarkers({ ...pipeline.deps.outbox, markers: racing, now: () => now }, now);
  expect((await markers.list()).blobs.map((blob) => blob.key)).toEqual(['used-token/taken']);
});
