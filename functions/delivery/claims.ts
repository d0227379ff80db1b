import type { Store } from '@netlify/blobs';
import { claimNextLink } from '../records/markers.ts';

/**
 * A delivery claim, one chain per attempt: the first delivery to claim attempt N sends; every
 * other finds the claim and leaves the record alone. A claim older than the lease means its
 * holder died mid-send, and the next link may be claimed.
 */
export function claimPrefix(reference: string, attempt?: number) {
  return attempt === undefined ? `claim/${reference}/` : `claim/${reference}/${attempt}/`;
}

export function claimDelivery(store: Store, reference: string, attempt: number, now: number, leaseMs: number) {
  return claimNextLink(store, claimPrefix(reference, attempt), now, leaseMs);
}
