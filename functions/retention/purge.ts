/** Deleting what has reached its limit: a record with its delivery claims, and old markers. */
import { claimPrefix } from '../delivery/claims.ts';
import { CONFIRMATION_WINDOW_MS } from '../delivery/deliver.ts';
import { USED_TOKEN_KEEP_MS } from '../intake/used-tokens.ts';
import type { MarkerMetadata } from '../records/markers.ts';
import type { OutboxDeps } from '../settings/deps.ts';
import { DAY_MS } from './limits.ts';
import { markerExpired } from './markers.ts';

export async function deleteRecord(deps: OutboxDeps, reference: string) {
  await deps.store.delete(reference);
  const { blobs } = await deps.markers.list({ prefix: claimPrefix(reference) });
  for (const { key } of blobs) await deps.markers.delete(key);
}

export async function purgeMarkers(deps: OutboxDeps, now: number) {
  const limits = {
    tokenMs: USED_TOKEN_KEEP_MS,
    confirmationMs: CONFIRMATION_WINDOW_MS,
    claimMs: (deps.config.retentionDays + deps.config.undeliveredMaxDays) * DAY_MS,
  };
  const { blobs } = await deps.markers.list();
  for (const { key } of blobs) {
    const entry = await deps.markers.getMetadata(key, { consistency: 'strong' });
    const at = Number((entry?.metadata as MarkerMetadata | undefined)?.at);
    // A marker without its date may be mid-write: leave it for the next sweep.
    if (Number.isFinite(at) && markerExpired(key, at, now, limits)) await deps.markers.delete(key);
  }
}
