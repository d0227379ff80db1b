/**
 * Small markers in their own Blobs store, each written `onlyIfNew` so that of any number of
 * concurrent writers exactly one wins (Netlify Blobs makes that write atomic; the local
 * server does too, see scripts/lib/local-server.ts). None holds personal data: a token's
 * signature, a reference, or a keyed hash of an email address.
 */
import type { Store } from '@netlify/blobs';
import { createHmac } from 'node:crypto';
import { MAX_TOKEN_AGE_MS } from '../../src/forms/timing.ts';

export interface MarkerMetadata {
  /** When the marker was written (ms since the epoch). */
  at: number;
  [key: string]: unknown;
}

/** Writes a marker if none exists; true when this call wrote it. */
export async function claimMarker(store: Store, key: string, at: number): Promise<boolean> {
  const result = await store.set(key, '', { onlyIfNew: true, metadata: { at } });
  return result.modified;
}

export const usedTokenKey = (tokenId: string) => `used-token/${tokenId}`;

/**
 * How long a used-token marker is kept: twice a token's life, so a token can never be sent
 * again after its marker is gone (config.ts refuses to start if this were ever shorter).
 */
export const USED_TOKEN_KEEP_MS = 2 * MAX_TOKEN_AGE_MS;

/**
 * Claims the next link of a chain of markers under `prefix` (`prefix0`, `prefix1`, …), unless
 * the latest link is younger than `holdMs`. Of any number of concurrent claimers only one can
 * write a given link (`onlyIfNew`), so only one wins. A listing that misses the newest link
 * only makes a claimer try a link that exists, and lose: it errs on the side of "no".
 */
export async function claimNextLink(store: Store, prefix: string, now: number, holdMs: number): Promise<boolean> {
  const { blobs } = await store.list({ prefix });
  let latest = -1;
  for (const { key } of blobs) {
    const link = Number(key.slice(prefix.length));
    if (Number.isInteger(link) && link > latest) latest = link;
  }
  if (latest >= 0) {
    const entry = await store.getMetadata(`${prefix}${latest}`, { consistency: 'strong' });
    const at = Number((entry?.metadata as MarkerMetadata | undefined)?.at);
    if (entry && !(now - at >= holdMs)) return false;
  }
  return claimMarker(store, `${prefix}${latest + 1}`, now);
}

/**
 * A delivery claim, one chain per attempt: the first delivery to claim attempt N sends; every
 * other finds the claim and leaves the record alone. A claim older than the lease means its
 * holder died mid-send, and the next link may be claimed.
 */
export const claimPrefix = (reference: string, attempt?: number) =>
  attempt === undefined ? `claim/${reference}/` : `claim/${reference}/${attempt}/`;

export function claimDelivery(store: Store, reference: string, attempt: number, now: number, leaseMs: number) {
  return claimNextLink(store, claimPrefix(reference, attempt), now, leaseMs);
}

/** The address as a keyed hash: the store can tell two sends apart but never learn the address. */
export function addressKey(secret: Buffer, address: string): string {
  const hash = createHmac('sha256', secret).update(`confirmation:${address.trim().toLowerCase()}`).digest('base64url');
  return `confirmation/${hash}/`;
}

/** True when a confirmation may go to this address now (none in the last `windowMs`), recording it. */
export function allowConfirmation(store: Store, secret: Buffer, address: string, now: number, windowMs: number) {
  return claimNextLink(store, addressKey(secret, address), now, windowMs);
}

/** How long each kind of marker is kept before the sweep deletes it. */
export function markerExpired(
  key: string,
  at: number,
  now: number,
  limits: { tokenMs: number; confirmationMs: number; claimMs: number },
) {
  const age = now - at;
  // Equality answers wait for their count (equality.ts deletes them once counted); too few in a
  // whole year to count without pointing at someone, and they are deleted uncounted.
  if (key.startsWith('equality/')) return age > 366 * 86_400_000;
  if (key.startsWith('used-token/')) return age > limits.tokenMs;
  if (key.startsWith('confirmation/')) return age > limits.confirmationMs;
  return age > limits.claimMs;
}
