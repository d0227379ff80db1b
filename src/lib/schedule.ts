/**
 * Scheduled publishing: an entry with "publish from" is left out of the site until that day,
 * one with "remove after" from the day after. Decided when the site is built, so a nightly
 * rebuild (functions/nightly-rebuild.mts) is what makes entries appear and disappear on time.
 * Days are counted in UK time, as staff mean them.
 */
export interface Schedule {
  publishFrom?: Date;
  removeAfter?: Date;
}

const ukDay = (date: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);

export function isLive({ publishFrom, removeAfter }: Schedule, now: Date = new Date()): boolean {
  const today = ukDay(now);
  if (publishFrom && ukDay(publishFrom) > today) return false;
  if (removeAfter && ukDay(removeAfter) < today) return false;
  return true;
}

/** The moment the build runs, or BUILD_DATE (YYYY-MM-DD) to see the site as it will be that day. */
export function buildDate(): Date {
  const fixed = process.env.BUILD_DATE;
  const date = fixed ? new Date(`${fixed}T12:00:00Z`) : new Date();
  return Number.isNaN(date.getTime()) ? new Date() : date;
}
