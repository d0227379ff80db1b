/**
 * The check-answers token: proves the answers were checked by us, and when. It stops a
 * form being sent faster than a person could (bots), and lets a page left open for days
 * be checked again rather than sent stale.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { MAX_TOKEN_AGE_SECONDS, MIN_SECONDS_BEFORE_SEND } from '../../src/forms/timing.ts';

const sign = (secret: Buffer, formId: string, issuedAt: number) =>
  createHmac('sha256', secret).update(`${formId}.${issuedAt}`).digest('base64url');

export function issueToken(secret: Buffer, formId: string, now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000);
  return `${issuedAt}.${sign(secret, formId, issuedAt)}`;
}

export type TokenCheck = 'ok' | 'missing' | 'invalid' | 'too-fast' | 'expired';

export function checkToken(secret: Buffer, formId: string, token: unknown, now = Date.now()): TokenCheck {
  if (typeof token !== 'string' || token === '') return 'missing';
  const [issued, signature] = token.split('.');
  const issuedAt = Number(issued);
  if (!Number.isInteger(issuedAt) || !signature) return 'invalid';
  const expected = Buffer.from(sign(secret, formId, issuedAt));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now / 1000 - issuedAt;
  if (age < MIN_SECONDS_BEFORE_SEND) return 'too-fast';
  if (age > MAX_TOKEN_AGE_SECONDS) return 'expired';
  return 'ok';
}
