/** At most one confirmation email to an address in a window, whatever is submitted. */
import type { Store } from '@netlify/blobs';
import { createHmac } from 'node:crypto';
import { claimNextLink } from '../records/markers.ts';

/** The address as a keyed hash: the store can tell two sends apart but never learn the address. */
export function addressKey(secret: Buffer, address: string): string {
  const hash = createHmac('sha256', secret).update(`confirmation:${address.trim().toLowerCase()}`).digest('base64url');
  return `confirmation/${hash}/`;
}

/** True when a confirmation may go to this address now (none in the last `windowMs`), recording it. */
export function allowConfirmation(store: Store, secret: Buffer, address: string, now: number, windowMs: number) {
  return claimNextLink(store, addressKey(secret, address), now, windowMs);
}
