/**
 * The health summary an uptime monitor reads: counts only, no reference, no content, nothing
 * that says who sent anything.
 */
import type { RecordMetadata } from '../records/store.ts';
import { digestOf } from '../delivery/when.ts';
import { clockOf, type OutboxDeps } from '../settings/deps.ts';

/** A record still waiting after this long means deliveries are not happening, failed or not. */
export const WAITING_TOO_LONG_MS = 1_800_000; // half an hour

/**
 * How long a record may wait before health asks for attention: WAITING_TOO_LONG_MS, or for a
 * form whose staff get a digest, a day more than its digest may make it wait.
 */
function longestWait(deps: Pick<OutboxDeps, 'forms'>, formId: string): number {
  const form = Object.hasOwn(deps.forms, formId) ? deps.forms[formId] : undefined;
  const digest = form && digestOf(form);
  return digest ? (digest.orAfterDays + 1) * 86_400_000 : WAITING_TOO_LONG_MS;
}

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

export async function healthSummary(deps: OutboxDeps): Promise<HealthSummary> {
  const now = clockOf(deps)();
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
  let overdue = false;
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
      if (Number.isFinite(received) && now - received > longestWait(deps, metadata.form)) overdue = true;
    }
    if (metadata.alerted) summary.alerted++;
    if (metadata.lastFailure) summary.reasons[metadata.lastFailure] = (summary.reasons[metadata.lastFailure] ?? 0) + 1;
  }
  if (Number.isFinite(oldest)) summary.oldestWaitingMinutes = Math.floor((now - oldest) / 60_000);
  if (summary.undelivered || summary.parked || overdue) summary.status = 'attention';
  return summary;
}
