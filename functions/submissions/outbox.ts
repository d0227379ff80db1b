/**
 * Store first, then deliver. A submission is sealed and written to Netlify Blobs before the
 * person is told it was received; delivery by email happens after, and is retried with
 * back-off until it succeeds. Delivered records are kept for the retention period, then deleted.
 */
import type { Store } from '@netlify/blobs';
import type { FormDefinition, Values } from '../../src/forms/fields.ts';
import { contactFacts, type PipelineConfig } from './config.ts';
import { logEvent } from './log.ts';
import type { Mailer } from './mail.ts';
import { alertEmail, personEmail, staffEmail } from './messages.ts';
import { newReference } from './reference.ts';
import { seal, unseal, type Sealed } from './seal.ts';

export interface Submission {
  form: FormDefinition['id'];
  reference: string;
  receivedAt: string;
  values: Values;
}

/** Metadata is stored in clear beside the sealed record, so it holds no personal data. */
export interface RecordMetadata {
  form: string;
  receivedAt: string;
  status: 'pending' | 'delivered';
  attempts: number;
  nextAttemptAt: string;
  deliveredAt?: string;
  alerted?: boolean;
  /** While set and in the future, one delivery attempt is under way and others leave it alone. */
  leaseUntil?: string;
}

export interface OutboxDeps {
  store: Store;
  config: PipelineConfig;
  mailer: Mailer;
  forms: Record<string, FormDefinition>;
  now?: () => number;
}

const BACKOFF_MAX_MS = 6 * 60 * 60_000;
/** A new record is left to the request that made it for this long before the sweeper tries it. */
const SWEEP_GRACE_MS = 2 * 60_000;

/** 1, 2, 4, 8… times the base (a minute by default), at most six hours. */
export function backoffMs(attempts: number, baseMs = 60_000): number {
  return Math.min(BACKOFF_MAX_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

export async function storeSubmission(deps: OutboxDeps, form: FormDefinition, values: Values): Promise<string> {
  const now = new Date((deps.now ?? Date.now)()).toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    const reference = newReference();
    const submission: Submission = { form: form.id, reference, receivedAt: now, values };
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
    if (result.modified) return reference;
  }
  throw new Error('Could not find a free reference');
}

export async function readSubmission(
  deps: OutboxDeps,
  reference: string,
): Promise<{ submission: Submission; metadata: RecordMetadata; sealed: Sealed } | undefined> {
  const entry = await deps.store.getWithMetadata(reference, { type: 'json', consistency: 'strong' });
  if (!entry) return undefined;
  const sealed = entry.data as Sealed;
  const submission = JSON.parse(unseal(deps.config.keyring, sealed, reference)) as Submission;
  return { submission, metadata: entry.metadata as unknown as RecordMetadata, sealed };
}

async function writeMetadata(deps: OutboxDeps, reference: string, sealed: Sealed, metadata: RecordMetadata) {
  const clean = Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined));
  await deps.store.setJSON(reference, sealed, { metadata: clean });
}

/** Delivers one record by email, and marks it delivered or schedules the next try. */
export async function deliver(
  deps: OutboxDeps,
  reference: string,
): Promise<'delivered' | 'already-delivered' | 'failed' | 'missing'> {
  const now = (deps.now ?? Date.now)();
  const found = await readSubmission(deps, reference);
  if (!found) return 'missing';
  const { submission, metadata, sealed } = found;
  if (metadata.status === 'delivered') return 'already-delivered';
  const form = deps.forms[submission.form];
  const inbox = form.id === 'referral' ? deps.config.referralInbox : deps.config.volunteerInbox;
  try {
    await deps.mailer.send(staffEmail(form, reference, submission.values, submission.receivedAt, inbox));
  } catch (error) {
    const attempts = metadata.attempts + 1;
    const next: RecordMetadata = {
      ...metadata,
      attempts,
      nextAttemptAt: new Date(now + backoffMs(attempts, deps.config.retryBaseMs)).toISOString(),
    };
    logEvent(
      { form: form.id, reference, outcome: 'delivery-failed', attempts, reason: (error as Error).name },
      'error',
    );
    if (attempts >= deps.config.maxAttempts && !metadata.alerted) {
      logEvent({ form: form.id, reference, outcome: 'alert-undelivered', attempts }, 'error');
      try {
        await deps.mailer.send(alertEmail(reference, form.id, attempts, deps.config.alertInbox));
        next.alerted = true;
      } catch {
        // The alert goes through the same mail server; the error log line above still stands.
      }
    }
    await writeMetadata(deps, reference, sealed, next);
    return 'failed';
  }
  await writeMetadata(deps, reference, sealed, {
    ...metadata,
    status: 'delivered',
    deliveredAt: new Date(now).toISOString(),
  });
  logEvent({ form: form.id, reference, outcome: 'delivered', attempts: metadata.attempts + 1 });
  const email = submission.values.email;
  const safeToEmail = form.id === 'volunteer-application' || submission.values.emailConfirmation === 'yes';
  if (typeof email === 'string' && email && safeToEmail) {
    try {
      await deps.mailer.send(personEmail(form, reference, email, contactFacts));
    } catch (error) {
      logEvent({ form: form.id, reference, outcome: 'confirmation-failed', reason: (error as Error).name }, 'error');
    }
  }
  return 'delivered';
}

/** The scheduled sweep: retry what is due, delete what has been delivered and kept long enough. */
export async function sweep(
  deps: OutboxDeps,
): Promise<{ delivered: number; failed: number; purged: number; pending: number }> {
  const now = (deps.now ?? Date.now)();
  const counts = { delivered: 0, failed: 0, purged: 0, pending: 0 };
  const { blobs } = await deps.store.list();
  for (const { key } of blobs) {
    const entry = await deps.store.getMetadata(key, { consistency: 'strong' });
    if (!entry) continue;
    const metadata = entry.metadata as unknown as RecordMetadata;
    if (metadata.status === 'delivered') {
      const keptUntil =
        Date.parse(metadata.deliveredAt ?? metadata.receivedAt) + deps.config.retentionDays * 86_400_000;
      if (keptUntil <= now) {
        await deps.store.delete(key);
        counts.purged++;
      }
      continue;
    }
    const fresh = metadata.attempts === 0 && now - Date.parse(metadata.receivedAt) < SWEEP_GRACE_MS;
    const leased = metadata.leaseUntil !== undefined && Date.parse(metadata.leaseUntil) > now;
    if (fresh || leased || Date.parse(metadata.nextAttemptAt) > now) {
      counts.pending++;
      continue;
    }
    const outcome = await deliver(deps, key);
    if (outcome === 'delivered') counts.delivered++;
    else if (outcome === 'failed') counts.failed++;
  }
  if (counts.delivered || counts.failed || counts.purged)
    logEvent({ outcome: 'sweep', count: counts.delivered + counts.failed + counts.purged });
  return counts;
}
