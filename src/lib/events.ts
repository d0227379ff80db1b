/**
 * Courses and events: when they happen (in UK time, whatever the server's clock says),
 * and whether they are still to come. Pure functions, tested in tests/unit/lib.spec.ts; the
 * collection is read in collections.ts, the calendar files made in calendar.ts.
 */
import { isLive, type Schedule } from './schedule.ts';

export interface EventTimes extends Schedule {
  date: Date;
  startTime: string;
  endTime: string;
}

/** How far UK clocks are ahead of UTC at that instant, in minutes (0 in winter, 60 in summer). */
function londonOffsetMinutes(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant a UK wall-clock time on a given day happens. The day is the date's UTC day. */
export function ukTime(date: Date, hhmm: string): Date {
  const [hours, minutes] = hhmm.split(':').map(Number);
  const wall = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hours, minutes);
  // The offset at the wall time itself is right but for the hour when the clocks change.
  const offset = londonOffsetMinutes(wall - londonOffsetMinutes(wall) * 60_000);
  return new Date(wall - offset * 60_000);
}

export function eventTimes(event: EventTimes): { start: Date; end: Date } {
  return { start: ukTime(event.date, event.startTime), end: ukTime(event.date, event.endTime) };
}

/** Still to come (not yet over) and scheduled to be on the site today. */
export function isUpcoming(event: EventTimes, now: Date): boolean {
  return eventTimes(event).end.getTime() > now.getTime() && isLive(event, now);
}

/** "Wednesday 10 February 2027, 9:30am to 3:30pm", in UK time. */
export function describeWhen(event: EventTimes): string {
  const { start, end } = eventTimes(event);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
    .format(start)
    .replace(',', '');
  const clock = (instant: Date) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hour12: true })
      .format(instant)
      .replace(/\s/g, '')
      .replace(':00', '');
  return `${day}, ${clock(start)} to ${clock(end)}`;
}
