/** At most one confirmation email to an address in a window, whatever is submitted. */
import type { Store } from '@netlify/blobs';
import { createHmac } from 'node:crypto';
import { claimMarker, claimNextLink } from '../records/markers.ts';

/**
 * One mailbox, however it is written: lower case, without a `+tag` (a+1@… and a+2@… reach the
 * same inbox), and for Gmail without dots and with googlemail.com as gmail.com. Otherwise one
 * person could have the site mail any inbox as often as they liked.
 */
export function mailboxOf(address: string): string {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 0) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replaceAll('.', '');
  return `${local}@${domain}`;
}

/** The address as a keyed hash: the store can tell two sends apart but never learn the address. */
export function addressKey(secret: Buffer, address: string): string {
  const hash = createHmac('sha256', secret)
    .update(`confirmation:${mailboxOf(address)}`)
    .digest('base64url');
  return `confirmation/${hash}/`;
}

/** True when a confirmation may go to this address now (none in the last `windowMs`), recording it. */
export function allowConfirmation(store: Store, secret: Buffer, address: string, now: number, windowMs: number) {
  return claimNextLink(store, addressKey(secret, address), now, windowMs);
}

/**
 * At most `cap` confirmations an hour from the whole site, whoever they go to: a cap on what
 * anyone could make the site send to strangers, however many addresses they try. Each is a
 * marker claimed `onlyIfNew` in the markers store (`confirmation-site/<hour>/<n>`), so every
 * function instance and every deploy of the site shares it; none is memory of one instance.
 */
export async function allowSiteConfirmation(store: Store, now: number, cap: number): Promise<boolean> {
  const prefix = `confirmation-site/${Math.floor(now / 3_600_000)}/`;
  const { blobs } = await store.list({ prefix });
  for (let link = blobs.length; link < cap; link++) {
    if (await claimMarker(store, `${prefix}${link}`, now)) return true;
  }
  return false;
}
