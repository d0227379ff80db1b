/**
 * A confirmation page shows "sent" only for a reference this site gave out: the address it
 * redirects to carries a proof (a keyed hash of the form and reference, signed with the token
 * secret). Anyone can type a well-formed reference into the address bar; without its proof the
 * page claims nothing. A trapped bot's reference is proven like any other, so the page does not
 * tell it apart, and the page never looks anything up: it cannot be used to ask whether a
 * referral exists.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function referenceProof(secret: Buffer, formId: string, reference: string): string {
  return createHmac('sha256', secret).update(`sent.${formId}.${reference}`).digest('base64url').slice(0, 22);
}

export function provesReference(secret: Buffer, formId: string, reference: string, proof: unknown): boolean {
  if (typeof proof !== 'string') return false;
  const expected = Buffer.from(referenceProof(secret, formId, reference));
  const given = Buffer.from(proof);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
