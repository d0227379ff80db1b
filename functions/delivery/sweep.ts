/**
 * The scheduled sweep, every five minutes in production and every minute under `npm start`.
 * First what needs no mail and cannot hang (deleting what has reached its limit, parking what
 * cannot be read, old markers, the equality counts), then retries of what is due, for as long
 * as the time budget lasts: a mail server that hangs must never stop records being deleted.
 */
import { reportSeparateAnswers } from '../equality/report.ts';
import { park, type RecordMetadata } from '../records/store.ts';
import { deleteAfter } from '../retention/limits.ts';
import { deleteRecord, purgeMarkers } from '../retention/purge.ts';
import { inboxFor } from '../settings/config.ts';
import type { Context } from '@netlify/functions';
import { clockOf, depsFor, type OutboxDeps } from '../settings/deps.ts';
import { logEvent } from '../settings/log.ts';
import { deliver } from './deliver.ts';
import { sendDigest, type Waiting } from './digest.ts';
import { digestOf } from './when.ts';

/** A new record is left to the request that made it for this long before the sweeper tries it. */
const SWEEP_GRACE_MS = 120_000; // two minutes

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

export async function sweep(deps: OutboxDeps, budgetMs = SWEEP_DELIVERY_BUDGET_MS): Promise<SweepCounts> {
  const started = Date.now();
  const now = clockOf(deps)();
  const counts: SweepCounts = { delivered: 0, failed: 0, purged: 0, pending: 0, parked: 0, problems: 0 };
  const due: string[] = [];
  /** Records of digest forms, waiting for their form's digest rather than sent one by one. */
  const digests = new Map<string, Waiting[]>();
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
        // Gone since the list: nothing to park, and nothing to bring back.
        if (text === null) continue;
        const since =
          metadata.parkedAt && Number.isFinite(Date.parse(metadata.parkedAt))
            ? metadata.parkedAt
            : new Date(now).toISOString();
        await park(deps, key, text, { ...metadata, receivedAt: since }, 'corrupt-record');
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
      const form = Object.hasOwn(deps.forms, metadata.form) ? deps.forms[metadata.form] : undefined;
      if (form && digestOf(form)) {
        digests.set(form.id, [...(digests.get(form.id) ?? []), { reference: key, metadata }]);
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
  await reportSeparateAnswers(
    {
      equality: deps.equality,
      markers: deps.markers,
      keyring: deps.config.keyring,
      forms: deps.forms,
      send: (mail) => deps.mailer.send(mail),
      inboxFor: (form) => inboxFor(deps.config, form),
    },
    now,
  ).catch((error: Error) => logEvent({ outcome: 'separate-answers-report-failed', reason: error.name }, 'error'));

  for (const [formId, waiting] of digests) {
    const sent = await sendDigest(deps, deps.forms[formId], waiting).catch((error: Error) => {
      counts.problems++;
      logEvent({ form: formId, outcome: 'digest-failed', reason: error.name }, 'error');
      return 0;
    });
    counts.delivered += sent;
    counts.pending += waiting.length - sent;
  }

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

/** The scheduled function's sweep (functions/deliver-outbox.mts), for this deploy context. */
export async function runSweep(context?: Pick<Context, 'deploy'>) {
  return sweep(depsFor(context).outbox);
}
