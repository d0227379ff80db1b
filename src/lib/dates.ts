/** Dates as visitors read them. */
/** Formats a date the way GOV.UK does: 4 June 2026. Always in UK time so builds agree. */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(date);
}
