/**
 * Times kept to the day, for forms that promise staff cannot tell when something was sent
 * (the form's `anonymous` setting): the UK date, written as midnight UTC of that date, so it
 * still reads as a time and every UK-time reading of it gives the same date.
 */
import type { ServerForm } from '../forms/definition.ts';

/** The UK date (YYYY-MM-DD) of an instant. */
export function ukDay(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(ms));
}

/** The instant as this form may keep it: to the millisecond, or only its UK day. */
export function keptTime(form: Pick<ServerForm, 'anonymous'>, ms: number): number {
  return form.anonymous ? Date.parse(`${ukDay(ms)}T00:00:00.000Z`) : ms;
}
