/**
 * How long anything is kept. Delivered records for the retention period; no record, delivered
 * or not, past retention + the undelivered limit; markers by kind (retention/markers.ts).
 */
import type { PipelineConfig } from '../settings/config.ts';
import type { RecordMetadata } from '../records/store.ts';

export const DAY_MS = 86_400_000;

/** The latest time a record may exist: delivered ones after retention, none past the hard limit. */
export function deleteAfter(
  metadata: RecordMetadata,
  config: Pick<PipelineConfig, 'retentionDays' | 'undeliveredMaxDays'>,
): number {
  const received = Date.parse(metadata.receivedAt);
  const hardLimit = received + (config.retentionDays + config.undeliveredMaxDays) * DAY_MS;
  if (metadata.status === 'delivered') {
    const delivered = Date.parse(metadata.deliveredAt ?? metadata.receivedAt);
    return Math.min(delivered + config.retentionDays * DAY_MS, hardLimit);
  }
  return hardLimit;
}
