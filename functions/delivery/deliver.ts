/**
 * Delivering one stored record by email: claim the attempt, send to the form's inbox, then
 * mark it delivered or schedule the next try with back-off; alert once when it keeps failing;
 * confirm to the person if the form says so, at most once an hour per address. Of any number
 * of concurrent deliveries of one record exactly one sends. A record that cannot be opened is
 * parked, never allowed to stop the others.
 */
import type { ServerForm } from '../forms/definition.ts';
import { contactFacts, inboxFor } from '../settings/config.ts';
import { clockOf, type OutboxDeps } from '../settings/deps.ts';
import { loggedReference, logEvent } from '../settings/log.ts';
import { openRecord, RecordProblem } from '../records/open.ts';
import { park, writeMetadata, type RecordMetadata, type Submission } from '../records/store.ts';
import { backoffMs } from './backoff.ts';
import { claimDelivery } from './claims.ts';
import { confirmationAddress } from './confirmation.ts';
import { digestOf } from './when.ts';
import { allowConfirmation, allowSiteConfirmation } from './confirmation-limit.ts';
import { failureReason } from './mail.ts';
import { alertEmail, personEmail, staffEmail } from './messages.ts';

/** A delivery claim older than this belongs to a delivery that died; the record may be tried again. */
export const DELIVERY_LEASE_MS = 600_000; // ten minutes
/** At most one confirmation email to an address in this time, whatever is submitted. */
export const CONFIRMATION_WINDOW_MS = 3_600_000; // an hour

/**
 * What happens to a submission once it is stored: sent now, or, for a form whose staff get a
 * digest, left for the sweep's digest. Runs after the reply (the caller hands it to waitUntil).
 */
export function deliverOnArrival(deps: OutboxDeps, form: ServerForm, reference: string): Promise<unknown> | undefined {
  if (digestOf(form)) return undefined;
  return deliver(deps, reference).catch((error: Error) => {
    logEvent({ form: form.id, reference, outcome: 'delivery-error', reason: error.name }, 'error');
  });
}

export type DeliveryOutcome = 'delivered' | 'already-delivered' | 'failed' | 'missing' | 'parked' | 'busy';

export async function deliver(deps: OutboxDeps, reference: string): Promise<DeliveryOutcome> {
  const clock = clockOf(deps);
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
    await recordFailure(deps, reference, entry.data, metadata, failureReason(error));
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
  await confirm(deps, submission);
  return 'delivered';
}

/** Schedules the next try; on reaching the limit, alerts once (the health endpoint shows it too). */
async function recordFailure(
  deps: OutboxDeps,
  reference: string,
  text: string,
  metadata: RecordMetadata,
  reason: string,
) {
  const attempts = (Number(metadata.attempts) || 0) + 1;
  const next: RecordMetadata = {
    ...metadata,
    attempts,
    lastFailure: reason,
    nextAttemptAt: new Date(clockOf(deps)() + backoffMs(attempts, deps.config.retryBaseMs)).toISOString(),
  };
  logEvent({ form: metadata.form, reference, outcome: 'delivery-failed', attempts, reason }, 'error');
  if (attempts >= deps.config.maxAttempts && !metadata.alerted) {
    logEvent({ form: metadata.form, reference, outcome: 'alert-undelivered', attempts, reason }, 'error');
    try {
      // The alert goes through the same mail server, which is why health exists as well.
      await deps.mailer.send(alertEmail(reference, metadata.form, attempts, deps.config.alertInbox));
      next.alerted = true;
    } catch (alertError) {
      logEvent({ reference, outcome: 'alert-failed', reason: failureReason(alertError) }, 'error');
    }
  }
  await writeMetadata(deps, reference, text, next);
}

/** The person's confirmation, if the form sends one; a failure here never undoes the delivery. */
export async function confirm(deps: OutboxDeps, submission: Submission) {
  const form = deps.forms[submission.form];
  const { reference } = submission;
  const email = confirmationAddress(form.confirmation, submission.values);
  if (!email) return;
  const named = loggedReference(form, reference);
  try {
    const now = clockOf(deps)();
    const allowed = await allowConfirmation(deps.markers, deps.config.tokenSecret, email, now, CONFIRMATION_WINDOW_MS);
    if (!allowed) return logEvent({ form: form.id, reference: named, outcome: 'confirmation-limited' });
    if (!(await allowSiteConfirmation(deps.markers, now, deps.config.siteConfirmationsPerHour)))
      return logEvent({ form: form.id, reference: named, outcome: 'confirmation-site-limited' });
    await deps.mailer.send(personEmail(form, reference, email, contactFacts, submission.values));
  } catch (error) {
    logEvent(
      { form: form.id, reference: named, outcome: 'confirmation-failed', reason: failureReason(error) },
      'error',
    );
  }
}
