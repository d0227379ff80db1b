/**
 * Small markers in their own Blobs store, each written `onlyIfNew` so that of any number of
 * concurrent writers exactly one wins (Netlify Blobs makes that write atomic; the local
 * server does too, see scripts/lib/local-blobs.ts). None holds personal data: a token's
 * signature, a reference, or a keyed hash of an email address.
 */
import type { Store } from '@netlify/blobs';

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
