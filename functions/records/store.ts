/**
 * Storing a submission: sealed and written to Netlify Blobs before the person is told it was
 * received, under a fresh reference that no other record can take. Metadata is stored in clear
 * beside the sealed record, so it holds no personal data.
 */
import type { ServerForm } from '../forms/definition.ts';
import type { Values } from '../../src/forms/fields.ts';
import { keepApart } from '../equality/answers.ts';
import { splitSeparate } from '../equality/split.ts';
import { logEvent } from '../settings/log.ts';
import { clockOf, type OutboxDeps } from '../settings/deps.ts';
import { keptTime } from './day.ts';
import { newReference } from './reference.ts';
import { seal } from './seal.ts';

export interface Submission {
  form: ServerForm['id'];
  reference: string;
  receivedAt: string;
  values: Values;
}

export interface RecordMetadata {
  form: string;
  receivedAt: string;
  /** parked: the record cannot be opened or sent as it is; an operator must look (docs/operating.md). */
  status: 'pending' | 'delivered' | 'parked';
  attempts: number;
  nextAttemptAt: string;
  deliveredAt?: string;
  alerted?: boolean;
  /** The last failure as a code (smtp-connection-refused, key-missing…), never a message. */
  lastFailure?: string;
  parkedAt?: string;
}

/** How many fresh references are tried before giving up (a clash is already one in 10^8). */
const REFERENCE_TRIES = 5;

export async function storeSubmission(deps: OutboxDeps, form: ServerForm, values: Values): Promise<string> {
  const clock = clockOf(deps)();
  // An anonymous form's record holds its day only: nothing in it says the time it came.
  const now = new Date(keptTime(form, clock)).toISOString();
  // Equality answers never join the record: they are kept apart, unlinked, for counts only.
  const { kept, apart } = splitSeparate(form, values);
  for (let attempt = 0; attempt < REFERENCE_TRIES; attempt++) {
    const reference = newReference();
    const submission: Submission = { form: form.id, reference, receivedAt: now, values: kept };
    const sealed = seal(deps.config.keyring, JSON.stringify(submission), reference);
    const metadata: RecordMetadata = {
      form: form.id,
      receivedAt: now,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
    };
    // onlyIfNew: two submissions can never share a reference or overwrite each other.
    const result = await deps.store.setJSON(reference, sealed, { onlyIfNew: true, metadata: { ...metadata } });
    if (result.modified) {
      // Not worth losing the submission over: a failure here only loses one set of counts.
      await keepApart(deps.equality, deps.config.keyring, form.id, apart, clock).catch((error: Error) =>
        logEvent({ form: form.id, outcome: 'separate-answers-failed', reason: error.name }, 'error'),
      );
      return reference;
    }
  }
  throw new Error('Could not find a free reference');
}

/** Rewrites a record's metadata; the stored (sealed) text is written back exactly as it was. */
export async function writeMetadata(deps: OutboxDeps, reference: string, text: string, metadata: RecordMetadata) {
  // Unset fields (undefined) are left out: metadata is stored as JSON.
  await deps.store.set(reference, text, { metadata: { ...metadata } });
}

/** Parks a record for a person to look at: nothing retries it, and health reports it. */
export async function park(
  deps: OutboxDeps,
  reference: string,
  text: string,
  metadata: RecordMetadata,
  reason: string,
) {
  logEvent({ form: metadata.form, reference, outcome: 'parked', reason }, 'error');
  await writeMetadata(deps, reference, text, {
    ...metadata,
    status: 'parked',
    lastFailure: reason,
    parkedAt: new Date(clockOf(deps)()).toISOString(),
  });
}
