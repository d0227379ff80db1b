/**
 * Equality answers at rest: each person's answers sealed (AES-256-GCM, the submissions' keys)
 * in the equality store, apart from every submission, under a key that says the form and the
 * month and nothing else: no reference, no name, no time. Nothing in the store can be read
 * without the key, and no metadata is written (not even the month's start), so the store holds
 * nothing finer than the month.
 */
import type { Store } from '@netlify/blobs';
import { randomBytes } from 'node:crypto';
import type { Values } from '../../src/forms/fields.ts';
import type { Keyring, Sealed } from '../records/seal.ts';
import { seal, unseal } from '../records/seal.ts';
import { logEvent } from '../settings/log.ts';

/** The month (YYYY-MM, UTC) of an instant. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** Whole months from one YYYY-MM to another (0 for the same month). */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

export interface AnswerKey {
  key: string;
  form: string;
  month: string;
}

/** A key of the equality store read back, or undefined when it is not an answer's key. */
export function parseAnswerKey(key: string): AnswerKey | undefined {
  const match = /^answer\/([a-z0-9-]+)\/(\d{4}-\d{2})\/[0-9a-f]{24}$/.exec(key);
  return match ? { key, form: match[1], month: match[2] } : undefined;
}

/** Seals and writes one person's answers kept apart, if there are any. */
export async function keepApart(
  equality: Store,
  keyring: Keyring,
  formId: string,
  apart: Values,
  now: number,
): Promise<void> {
  if (Object.keys(apart).length === 0) return;
  const key = `answer/${formId}/${monthOf(now)}/${randomBytes(12).toString('hex')}`;
  // The key is the sealed text's associated data: an answer cannot be moved to another form or month.
  await equality.setJSON(key, seal(keyring, JSON.stringify(apart), key), { onlyIfNew: true });
}

/** Opens a sealed entry of the equality store (its key is its associated data); undefined when gone. */
export async function readSealed<T>(equality: Store, keyring: Keyring, key: string): Promise<T | undefined> {
  const text = await equality.get(key, { type: 'text', consistency: 'strong' });
  if (text === null) return undefined;
  try {
    return JSON.parse(unseal(keyring, JSON.parse(text) as Sealed, key)) as T;
  } catch (error) {
    // One that cannot be opened (damaged, or sealed with a key since removed) is passed by, so
    // it never holds up every other report; it is kept, in case its key can be restored.
    logEvent({ outcome: 'equality-unreadable', reason: (error as Error).name }, 'error');
    return undefined;
  }
}

/** Opens one person's answers; undefined when gone (another sweep counted them). */
export function readAnswers(equality: Store, keyring: Keyring, key: string): Promise<Values | undefined> {
  return readSealed<Values>(equality, keyring, key);
}
