/**
 * Store first, then deliver. A submission is sealed and written to Netlify Blobs before the
 * person is told it was received; delivery by email happens after, and is retried with
 * back-off until it succeeds. Each delivery attempt is claimed first, so of any number of
 * concurrent deliveries of one record exactly one sends. A record that cannot be opened is
 * parked and reported, never allowed to stop the others. Delivered records are kept for the
 * retention period; no record, delivered or not, outlives retention + the undelivered limit.
 */
import type { Store } from '@netlify/blobs';
import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { ServerForm } from '../forms/definition.ts';
import type { Values } from '../../src/forms/fields.ts';
import { contactFacts, inboxFor, type PipelineConfig } from './config.ts';
import { confirmationAddress } from './confirmation.ts';
import { keepApart, reportSeparateAnswers, splitSeparate } from './equality.ts';
import { logEvent } from './log.ts';
import { failureReason, type Mailer } from './mail.ts';
import {
  allowConfirmation,
  claimDelivery,
  claimPrefix,
  markerExpired,
  USED_TOKEN_KEEP_MS,
  type MarkerMetadata,
} from './markers.ts';
import { alertEmail, personEmail, staffEmail } from './messages.ts';
import { newReference } from './reference.ts';
import { seal, unseal, type Sealed } from './seal.ts';

export interface Submission {
  form: ServerForm['id'];
  reference: string;
  receivedAt: string;
  values: Values;
}

/** Metadata is stored in clear beside the sealed record, so it holds no personal data. */
export interface RecordMetadata {
  form: string;
  receivedAt: string;
  /** parked: the record cannot be opened or sent as it is; an operator must look (see README). */
  status: 'pending' | 'delivered' | 'parked';
  attempts: number;
  nextAttemptAt: string;
  deliveredAt?: string;
  alerted?: boolean;
  /** The last failure as a code (smtp-connection-refused, key-missing…), never a message. */
  lastFailure?: string;
  parkedAt?: string;
}

export interface OutboxDeps {
  store: Store;
  /** Single-use tokens, delivery claims and confirmation limits. */
  markers: Store;
  config: PipelineConfig;
  mailer: Mailer;
  forms: Readonly<Record<string, ServerForm>>;
  now?: () => number;
}

const BACKOFF_MAX_MS = 6 * 60 * 60_000;
/** A new record is left to the request that made it for this long before the sweeper tries it. */
const SWEEP_GRACE_MS = 2 * 60_000;
/** A delivery claim older than this belongs to a delivery that died; the record may be tried again. */
export const DELIVERY_LEASE_MS = 10 * 60_000;
/** At most one confirmation email to an address in this time, whatever is submitted. */
export const CONFIRMATION_WINDOW_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

/** 1, 2, 4, 8… times the base (a minute by default), at most six hours. */
export function backoffMs(attempts: number, baseMs = 60_000): number {
  return Math.min(BACKOFF_MAX_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

export async function storeSubmission(deps: OutboxDeps, form: ServerForm, values: Values): Promise<string> {
  const clock = (deps.now ?? Date.now)();
  const now = new Date(clock).toISOString();
  // Equality answers never join the record: they are kept apart, unlinked, for counts only.
  const { kept, apart } = splitSeparate(form, values);
  for (let attempt = 0; attempt < 5; attempt++) {
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
      await keepApart(deps.markers, form, apart, clock).catch((error: Error) =>
        logEvent({ form: form.id, outcome: 'separate-answers-failed', reason: error.name }, 'error'),
      );
      return reference;
    }
  }
  throw new Error('Could not find a free reference');
}

/** Why a stored record cannot be delivered as it is. */
export class RecordProblem extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = 'RecordProblem';
    this.reason = reason;
  }
}

const isSealed = (value: unknown): value is Sealed =>
  !!value &&
  typeof value === 'object' &&
  ['kid', 'iv', 'tag', 'data'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string');

/** Opens a record's stored text, or says in a code why it cannot be opened. */
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
  if (!submission || typeof submission !== 'object' || !deps.forms[submission.form]) {
    throw new RecordProblem('unknown-form');
  }
  return submission;
}

/** Rewrites a record's metadata; the stored (sealed) text is written back exactly as it was. */
async function writeMetadata(deps: OutboxDeps, reference: string, text: string, metadata: RecordMetadata) {
  const clean = Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined));
  await deps.store.set(reference, text, { metadata: clean });
}

async function park(deps: OutboxDeps, reference: string, text: string, metadata: RecordMetadata, reason: string) {
  const now = (deps.now ?? Date.now)();
  logEvent({ form: metadata.form, reference, outcome: 'parked', reason }, 'error');
  await writeMetadata(deps, reference, text, {
    ...metadata,
    status: 'parked',
    lastFailure: reason,
    parkedAt: new Date(now).toISOString(),
  });
}

export type DeliveryOutcome = 'delivered' | 'already-delivered' | 'failed' | 'missing' | 'parked' | 'busy';

/** Delivers one record by email, and marks it delivered or schedules the next try. */
export async function deliver(deps: OutboxDeps, reference: string): Promise<DeliveryOutcome> {
  const clock = deps.now ?? Date.now;
  const entry = await deps.store.getWithMetadata(reference, { type: 'text', consistency: 'strong' });
  if (!entry) return 'missing';
  const metadata = entry.metadata as unknown as RecordMetadata;
  if (metadata.status === 'delivered') return 'already-delivered';
  if (metadata.status === 'parked') return 'parked';
  let submission: Submission;
  try {
    submission = openRecord(deps, reference, entry.data);
  } catch (error) {
    if (!(error instanceof RecordProblem)) throw error;
    await park(deps, reference, entry.data, metadata, error.reason);
    return 'parked';
  }
  const attempt = Number(metadata.attempts) || 0;
  // Of every delivery that gets here for this attempt, exactly one holds the claim.
  if (!(await claimDelivery(deps.markers, reference, attempt, clock(), DELIVERY_LEASE_MS))) return 'busy';
  // A delivery that read the record long ago may claim after another finished: look again.
  const current = await deps.store.getMetadata(reference, { consistency: 'strong' });
  const latest = current?.metadata as unknown as RecordMetadata | undefined;
  if (!latest || latest.status !== 'pending' || Number(latest.attempts) !== attempt) return 'busy';

  const form = deps.forms[submission.form];
  const inbox = inboxFor(deps.config, form);
  try {
    await deps.mailer.send(staffEmail(form, reference, submission.values, submission.receivedAt, inbox));
  } catch (error) {
    const reason = failureReason(error);
    const attempts = attempt + 1;
    const next: RecordMetadata = {
      ...metadata,
      attempts,
      lastFailure: reason,
      nextAttemptAt: new Date(clock() + backoffMs(attempts, deps.config.retryBaseMs)).toISOString(),
    };
    logEvent({ form: form.id, reference, outcome: 'delivery-failed', attempts, reason }, 'error');
    if (attempts >= deps.config.maxAttempts && !metadata.alerted) {
      // The health endpoint shows this too: the alert email goes through the same mail server.
      logEvent({ form: form.id, reference, outcome: 'alert-undelivered', attempts, reason }, 'error');
      try {
        await deps.mailer.send(alertEmail(reference, form.id, attempts, deps.config.alertInbox));
        next.alerted = true;
      } catch (alertError) {
        logEvent({ reference, outcome: 'alert-failed', reason: failureReason(alertError) }, 'error');
      }
    }
    await writeMetadata(deps, reference, entry.data, next);
    return 'failed';
  }
  await writeMetadata(deps, reference, entry.data, {
    ...metadata,
    status: 'delivered',
    attempts: attempt + 1,
    lastFailure: undefined,
    deliveredAt: new Date(clock()).toISOString(),
  });
  logEvent({ form: form.id, reference, outcome: 'delivered', attempts: attempt + 1 });
  const email = confirmationAddress(form.confirmation, submission.values);
  if (email) {
    try {
      const allowed = await allowConfirmation(
        deps.markers,
        deps.config.tokenSecret,
        email,
        clock(),
        CONFIRMATION_WINDOW_MS,
      );
      if (!allowed) logEvent({ form: form.id, reference, outcome: 'confirmation-limited' });
      else await deps.mailer.send(personEmail(form, reference, email, contactFacts, submission.values));
    } catch (error) {
      logEvent({ form: form.id, reference, outcome: 'confirmation-failed', reason: failureReason(error) }, 'error');
    }
  }
  return 'delivered';
}

/** The latest time a record may exist: delivered ones after retention, none past the hard limit. */
export function deleteAfter(metadata: RecordMetadata, config: OutboxDeps['config']): number {
  const received = Date.parse(metadata.receivedAt);
  const hardLimit = received + (config.retentionDays + config.undeliveredMaxDays) * DAY_MS;
  if (metadata.status === 'delivered') {
    const delivered = Date.parse(metadata.deliveredAt ?? metadata.receivedAt);
    return Math.min(delivered + config.retentionDays * DAY_MS, hardLimit);
  }
  return hardLimit;
}

async function deleteRecord(deps: OutboxDeps, reference: string) {
  await deps.store.delete(reference);
  const { blobs } = await deps.markers.list({ prefix: claimPrefix(reference) });
  for (const { key } of blobs) await deps.markers.delete(key);
}

export interface SweepCounts {
  delivered: number;
  failed: number;
  purged: number;
  pending: number;
  parked: number;
  /** Records the sweep could not handle at all this time (logged by reference, then skipped). */
  problems: number;
}

/** Delivery stops starting new attempts after this long, so a sweep ends inside Netlify's limit. */
export const SWEEP_DELIVERY_BUDGET_MS = 20_000;

/**
 * The scheduled sweep. First what needs no mail and cannot hang (deleting what has reached its
 * limit, parking what cannot be read, old markers), then retries of what is due, for as long as
 * the time budget lasts: a mail server that hangs must never stop records being deleted.
 */
export async function sweep(deps: OutboxDeps, budgetMs = SWEEP_DELIVERY_BUDGET_MS): Promise<SweepCounts> {
  const started = Date.now();
  const now = (deps.now ?? Date.now)();
  const counts: SweepCounts = { delivered: 0, failed: 0, purged: 0, pending: 0, parked: 0, problems: 0 };
  const due: string[] = [];
  const { blobs } = await deps.store.list();
  for (const { key } of blobs) {
    try {
      const entry = await deps.store.getMetadata(key, { consistency: 'strong' });
      if (!entry) continue;
      const metadata = entry.metadata as unknown as RecordMetadata;
      if (!Number.isFinite(Date.parse(metadata.receivedAt))) {
        // Without a date of receipt nothing can be decided: park it for a person to look at,
        // dated from when it was first parked, so parking again never extends its life.
        const text = await deps.store.get(key, { type: 'text', consistency: 'strong' });
        const since = Number.isFinite(Date.parse(metadata.parkedAt ?? ''))
          ? metadata.parkedAt!
          : new Date(now).toISOString();
        await park(deps, key, text ?? '', { ...metadata, receivedAt: since }, 'corrupt-record');
        counts.parked++;
        continue;
      }
      if (deleteAfter(metadata, deps.config) <= now) {
        await deleteRecord(deps, key);
        counts.purged++;
        if (metadata.status !== 'delivered') {
          logEvent({ form: metadata.form, reference: key, outcome: 'purged-undelivered' }, 'error');
        }
        continue;
      }
      if (metadata.status === 'delivered') continue;
      if (metadata.status === 'parked') {
        counts.parked++;
        continue;
      }
      const fresh = metadata.attempts === 0 && now - Date.parse(metadata.receivedAt) < SWEEP_GRACE_MS;
      if (fresh || Date.parse(metadata.nextAttemptAt) > now) counts.pending++;
      else due.push(key);
    } catch (error) {
      counts.problems++;
      logEvent({ reference: key, outcome: 'sweep-record-failed', reason: (error as Error).name }, 'error');
    }
  }
  await purgeMarkers(deps, now).catch((error: Error) =>
    logEvent({ outcome: 'sweep-markers-failed', reason: error.name }, 'error'),
  );
  if (deps.config.isLocal) await purgeLocalOutbox(deps, now);
  await reportSeparateAnswers(
    {
      markers: deps.markers,
      forms: deps.forms,
      send: (mail) => deps.mailer.send(mail),
      inboxFor: (form) => inboxFor(deps.config, form),
    },
    now,
  ).catch((error: Error) => logEvent({ outcome: 'separate-answers-report-failed', reason: error.name }, 'error'));

  for (const key of due) {
    if (Date.now() - started > budgetMs) {
      // The rest wait for the next sweep, five minutes on.
      counts.pending++;
      continue;
    }
    try {
      const outcome = await deliver(deps, key);
      if (outcome === 'delivered') counts.delivered++;
      else if (outcome === 'failed') counts.failed++;
      else if (outcome === 'parked') counts.parked++;
      else if (outcome === 'busy') counts.pending++;
    } catch (error) {
      counts.problems++;
      logEvent({ reference: key, outcome: 'sweep-record-failed', reason: (error as Error).name }, 'error');
    }
  }
  if (counts.delivered || counts.failed || counts.purged || counts.problems)
    logEvent({ outcome: 'sweep', count: counts.delivered + counts.failed + counts.purged + counts.problems });
  return counts;
}

async function purgeMarkers(deps: OutboxDeps, now: number) {
  const limits = {
    tokenMs: USED_TOKEN_KEEP_MS,
    confirmationMs: CONFIRMATION_WINDOW_MS,
    claimMs: (deps.config.retentionDays + deps.config.undeliveredMaxDays) * DAY_MS,
  };
  const { blobs } = await deps.markers.list();
  for (const { key } of blobs) {
    const entry = await deps.markers.getMetadata(key, { consistency: 'strong' });
    const at = Number((entry?.metadata as MarkerMetadata | undefined)?.at);
    // A marker without its date may be mid-write: leave it for the next sweep.
    if (Number.isFinite(at) && markerExpired(key, at, now, limits)) await deps.markers.delete(key);
  }
}

/** The local mail outbox holds plain copies of sent mail: it follows the retention period too. */
async function purgeLocalOutbox(deps: OutboxDeps, now: number) {
  const dir = deps.config.mailDir;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.endsWith('.eml')) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info && info.mtimeMs + deps.config.retentionDays * DAY_MS <= now) await unlink(file).catch(() => undefined);
  }
}

/** A record still waiting after this long means deliveries are not happening, failed or not. */
export const WAITING_TOO_LONG_MS = 30 * 60_000;

export interface HealthSummary {
  /** "ok", or "attention" when anything waits after a failure, is parked, or waits too long. */
  status: 'ok' | 'attention';
  waiting: number;
  undelivered: number;
  parked: number;
  alerted: number;
  oldestWaitingMinutes: number | null;
  /** How many waiting or parked records last failed for each reason code. */
  reasons: Record<string, number>;
}

/** Counts only: no reference, no content, nothing that says who sent anything. */
export async function healthSummary(deps: OutboxDeps): Promise<HealthSummary> {
  const now = (deps.now ?? Date.now)();
  const summary: HealthSummary = {
    status: 'ok',
    waiting: 0,
    undelivered: 0,
    parked: 0,
    alerted: 0,
    oldestWaitingMinutes: null,
    reasons: {},
  };
  let oldest = Infinity;
  const { blobs } = await deps.store.list();
  for (const { key } of blobs) {
    const entry = await deps.store.getMetadata(key, { consistency: 'strong' });
    const metadata = entry?.metadata as unknown as RecordMetadata | undefined;
    if (!metadata || metadata.status === 'delivered') continue;
    if (metadata.status === 'parked') summary.parked++;
    else {
      summary.waiting++;
      if (metadata.attempts > 0) summary.undelivered++;
      const received = Date.parse(metadata.receivedAt);
      if (Number.isFinite(received)) oldest = Math.min(oldest, received);
    }
    if (metadata.alerted) summary.alerted++;
    if (metadata.lastFailure) summary.reasons[metadata.lastFailure] = (summary.reasons[metadata.lastFailure] ?? 0) + 1;
  }
  if (Number.isFinite(oldest)) summary.oldestWaitingMinutes = Math.floor((now - oldest) / 60_000);
  const waitingTooLong = Number.isFinite(oldest) && now - oldest > WAITING_TOO_LONG_MS;
  if (summary.undelivered || summary.parked || waitingTooLong) summary.status = 'attention';
  return summary;
}
