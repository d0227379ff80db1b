/** `tel:` link for a phone number written for people (spaces kept in the text, not the link). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/** True when `href` is the current page or a page within its section; `/` matches only itself. */
export function navState(href: string, currentPath: string): 'page' | 'section' | undefined {
  const path = currentPath.endsWith('/') ? currentPath : `${currentPath}/`;
  if (path === href) return 'page';
  if (href !== '/' && path.startsWith(href)) return 'section';
  return undefined;
}

/** Formats a date the way GOV.UK does: 4 June 2026. Always in UK time so builds agree. */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(date);
}
