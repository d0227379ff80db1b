/**
 * The check-answers token: proves these exact answers were checked by us, and when. It is
 * bound to a hash of the answers (changed answers need checking again), it cannot be used
 * before a person could have read the page (bots) or after a day (a page left open), and the
 * handler allows it to send once only (see used-tokens.ts).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Values } from '../../src/forms/fields.ts';
import { MAX_TOKEN_AGE_MS } from '../../src/forms/timing.ts';

/** The answers in one canonical form: keys sorted, lists in the order given. */
export function answersHash(values: Values): string {
  const canonical = JSON.stringify(
    Object.keys(values)
      .sort()
      .map((key) => [key, values[key]]),
  );
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

function sign(secret: Buffer, formId: string, issuedAt: number, nonce: string, hash: string) {
  return createHmac('sha256', secret).update(`${formId}.${issuedAt}.${nonce}.${hash}`).digest('base64url');
}

export function issueToken(secret: Buffer, formId: string, values: Values, now = Date.now()): string {
  const nonce = randomBytes(9).toString('base64url');
  const hash = answersHash(values);
  return `${now}.${nonce}.${hash}.${sign(secret, formId, now, nonce, hash)}`;
}

export type TokenCheck =
  { state: 'ok'; id: string } | { state: 'missing' | 'invalid' | 'changed' | 'too-fast' | 'expired' };

/** `id` names the token for the single-use marker; it carries nothing about the answers. */
export function checkToken(
  secret: Buffer,
  formId: string,
  token: unknown,
  values: Values,
  options: { now?: number; minMs: number },
): TokenCheck {
  if (typeof token !== 'string' || token === '') return { state: 'missing' };
  const parts = token.split('.');
  if (parts.length !== 4) return { state: 'invalid' };
  const [issued, nonce, hash, signature] = parts;
  const issuedAt = Number(issued);
  if (!/^\d{1,15}$/.test(issued) || !Number.isSafeInteger(issuedAt)) return { state: 'invalid' };
  const expected = Buffer.from(sign(secret, formId, issuedAt, nonce, hash));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { state: 'invalid' };
  if (hash !== answersHash(values)) return { state: 'changed' };
  const age = (options.now ?? Date.now()) - issuedAt;
  if (age < options.minMs) return { state: 'too-fast' };
  if (age > MAX_TOKEN_AGE_MS) return { state: 'expired' };
  return { state: 'ok', id: signature };
}
