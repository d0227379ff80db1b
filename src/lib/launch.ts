/**
 * Launch readiness as data. What the partnership has not yet confirmed is marked in the
 * content model (a page's draft notice, an event's "example date", an "Other help" entry not
 * confirmed or not read for six months, no phone hours, no named partners), never only in free
 * text. `npm run launch-check` lists it (scripts/launch-check.ts), the production build prints
 * it (integrations/launch-report.ts), and in production an example event takes no bookings.
 */

/** A "last checked" older than this is checked again: help lines change their numbers and hours. */
export const RECHECK_MONTHS = 6;

export interface LaunchContent {
  /** Entries that become pages: their collection, id, title and draft notice if any. */
  pages: { collection: string; id: string; title: string; draftNotice?: string; body: string }[];
  events: { id: string; title: string; example: boolean }[];
  help: { id: string; name: string; checked: Date; confirmed: boolean }[];
  settings: {
    phoneHours?: string;
    partners: unknown[];
    confidentialityConfirmed: boolean;
    bsl?: string;
    bslConfirmed: boolean;
  };
  /** Pages in other languages on the site: whether a translator's check and the interpreter promise are confirmed. */
  languages: { id: string; englishName: string; translationChecked: boolean; promiseConfirmed: boolean }[];
}

export interface LaunchItem {
  kind:
    | 'draft page'
    | 'draft wording'
    | 'example event'
    | 'help entry'
    | 'phone hours'
    | 'partners'
    | 'confidentiality'
    | 'translation'
    | 'interpreter'
    | 'bsl';
  where: string;
  what: string;
}

/** The day `months` calendar months before `day` (the same date, or the month's last day). */
export function monthsBefore(day: Date, months: number): Date {
  const earlier = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(earlier.getUTCFullYear(), earlier.getUTCMonth() + 1, 0)).getUTCDate();
  earlier.setUTCDate(Math.min(day.getUTCDate(), lastDay));
  return earlier;
}

/** Everything still to confirm before launch, in a stable order; empty when all is confirmed. */
export function launchItems(content: LaunchContent, today: Date): LaunchItem[] {
  const items: LaunchItem[] = [];
  for (const page of content.pages) {
    const where = `content/${page.collection}/${page.id}`;
    if (page.draftNotice)
      items.push({ kind: 'draft page', where, what: `“${page.title}” is a draft: ${page.draftNotice}` });
    // "Draft" belongs in the draft notice, where this check and visitors both see it.
    if (/\bdraft\b/i.test(page.body))
      items.push({
        kind: 'draft wording',
        where,
        what: `“${page.title}” says “draft” in its text: use its draft notice instead`,
      });
  }
  for (const event of content.events)
    if (event.example)
      items.push({
        kind: 'example event',
        where: `content/events/${event.id}`,
        what: `“${event.title}” is an example date, not a confirmed one`,
      });
  const recheckBefore = monthsBefore(today, RECHECK_MONTHS);
  for (const entry of content.help) {
    const where = `content/help/${entry.id}`;
    if (!entry.confirmed)
      items.push({ kind: 'help entry', where, what: `${entry.name}: not yet confirmed by the partnership` });
    if (entry.checked < recheckBefore)
      items.push({
        kind: 'help entry',
        where,
        what: `${entry.name}: last checked more than ${RECHECK_MONTHS} months ago`,
      });
  }
  if (!content.settings.phoneHours)
    items.push({
      kind: 'phone hours',
      where: 'content/settings/site.json',
      what: 'When the phone is answered is not set',
    });
  if (!content.settings.confidentialityConfirmed)
    items.push({
      kind: 'confidentiality',
      where: 'content/settings/site.json',
      what: 'What we keep private, and when we must share, is not yet confirmed',
    });
  if (!content.settings.bsl)
    items.push({
      kind: 'bsl',
      where: 'content/settings/site.json',
      what: 'How someone who uses BSL can ask for an interpreter is not set',
    });
  else if (!content.settings.bslConfirmed)
    items.push({
      kind: 'bsl',
      where: 'content/settings/site.json',
      what: 'How someone who uses BSL can ask for an interpreter is not yet confirmed',
    });
  for (const language of content.languages) {
    const where = `content/languages/${language.id}`;
    if (!language.translationChecked)
      items.push({
        kind: 'translation',
        where,
        what: `The ${language.englishName} page waits for a qualified translator’s check`,
      });
    if (!language.promiseConfirmed)
      items.push({
        kind: 'interpreter',
        where,
        what: `What the ${language.englishName} page says happens when someone phones is not yet confirmed`,
      });
  }
  if (content.settings.partners.length === 0)
    items.push({ kind: 'partners', where: 'content/settings/site.json', what: 'No partner is named yet' });
  return items;
}

/** The list as a person reads it: one line per item, under a count. */
export function launchReport(items: LaunchItem[]): string {
  if (items.length === 0) return 'Ready for launch: nothing is waiting to be confirmed.';
  return [
    `${items.length} ${items.length === 1 ? 'thing' : 'things'} to confirm before launch:`,
    ...items.map((item) => `- ${item.kind}: ${item.what} (${item.where})`),
  ].join('\n');
}

/** Whether an event takes bookings: an example date does not on the production site. */
export function takesBookings(event: { example: boolean }, context: string | undefined): boolean {
  return !(event.example && context === 'production');
}
