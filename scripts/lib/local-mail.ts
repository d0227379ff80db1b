/**
 * The local mail outbox (.data/mail/, written when there is no SMTP_URL under `npm start`)
 * holds plain copies of sent mail, so it follows the retention period too. Production has no
 * such folder; this runs beside the local sweep only.
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { PipelineConfig } from '../../functions/settings/config.ts';

const DAY_MS = 86_400_000;

export async function purgeLocalOutbox(config: Pick<PipelineConfig, 'mailDir' | 'retentionDays'>, now: number) {
  const names = await readdir(config.mailDir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.endsWith('.eml')) continue;
    const file = path.join(config.mailDir, name);
    const info = await stat(file).catch(() => undefined);
    if (info && info.mtimeMs + config.retentionDays * DAY_MS <= now) await unlink(file).catch(() => undefined);
  }
}
