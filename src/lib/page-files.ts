/**
 * The single pages staff can edit in the CMS, one file each in content/pages/. A test
 * checks this list matches the folder, so a new page file is never missing from the CMS.
 *
 * `ownRoute`: the page has its own route file (src/pages/<id>/index.astro; the home page
 * index.astro, the not-found page 404.astro), because it adds more than a heading and a body.
 * Every other page is served at `/<id>/` by src/pages/[page].astro. A test checks both ways.
 */
export interface PageFile {
  id: string;
  label: string;
  extension: 'md';
  ownRoute?: true;
}

export const PAGE_FILES: readonly PageFile[] = [
  { id: 'home', label: 'Home page', extension: 'md', ownRoute: true },
  { id: 'about', label: 'About us and our partners', extension: 'md' },
  { id: 'what-we-do', label: 'What we do (introduction)', extension: 'md', ownRoute: true },
  { id: 'case-studies', label: 'Case studies (introduction)', extension: 'md', ownRoute: true },
  {
    id: 'restorative-processes',
    label: 'What is restorative practice (introduction)',
    extension: 'md',
    ownRoute: true,
  },
  { id: 'refer', label: 'Make a referral', extension: 'md', ownRoute: true },
  { id: 'training-and-events', label: 'Training and events (introduction)', extension: 'md', ownRoute: true },
  { id: 'professionals', label: 'For professionals (introduction)', extension: 'md', ownRoute: true },
  { id: 'contact', label: 'Contact us', extension: 'md', ownRoute: true },
  { id: 'other-help', label: 'Other help (introduction)', extension: 'md', ownRoute: true },
  { id: 'languages', label: 'Help in your language (the English list)', extension: 'md', ownRoute: true },
  { id: 'staying-safe-online', label: 'Staying safe online', extension: 'md' },
  { id: 'accessibility', label: 'Accessibility statement', extension: 'md' },
  { id: 'privacy', label: 'Privacy notice', extension: 'md' },
  { id: 'cookies', label: 'Cookies', extension: 'md' },
  { id: 'search', label: 'Search (text under the results)', extension: 'md', ownRoute: true },
  { id: 'not-found', label: 'Page not found', extension: 'md', ownRoute: true },
];

/** Page entries with a route file of their own; [page].astro serves the rest. */
export const pagesWithOwnRoute = new Set(PAGE_FILES.filter((page) => page.ownRoute).map((page) => page.id));
