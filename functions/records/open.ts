/** Opening a stored record, or saying in a code why it cannot be opened. */
import type { OutboxDeps } from '../settings/deps.ts';
import { unseal, type Sealed } from './seal.ts';
import type { Submission } from './store.ts';

/** Why a stored record cannot be delivered as it is. */
export class RecordProblem extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = 'RecordProblem';
    this.reason = reason;
  }
}

function isSealed(value: unknown): value is Sealed {
  return (
    !!value &&
    typeof value === 'object' &&
    ['kid', 'iv', 'tag', 'data'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string')
  );
}

export function openRecord(deps: Pick<OutboxDeps, 'config' | 'forms'>, reference: string, text: string): Submission {
  let sealed: unknown;
  try {
    sealed = JSON.parse(text);
  } catch {
    throw new RecordProblem('corrupt-record');
  }
  if (!isSealed(sealed)) throw new RecordProblem('corrupt-record');
  if (!deps.config.keyring.keys.has(sealed.kid)) throw new RecordProblem('key-missing');
  let plain: string;
  try {
    plain = unseal(deps.config.keyring, sealed, reference);
  } catch {
    throw new RecordProblem('cannot-decrypt');
  }
  let submission: Submission;
  try {
    submission = JSON.parse(plain) as Submission;
  } catch {
    throw new RecordProblem('corrupt-record');
  }
  if (!submission || typeof submission !== 'object' || !Object.hasOwn(deps.forms, submission.form)) {
    throw new RecordProblem('unknown-form');
  }
  return submission;
}
