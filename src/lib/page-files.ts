/**
 * The single pages staff can edit in the CMS, one file each in content/pages/. A test
 * checks this list matches the folder, so a new page file is never missing from the CMS.
 */
export const PAGE_FILES = [
  { id: 'home', label: 'Home page', extension: 'md' },
  { id: 'about', label: 'About us and our partners', extension: 'md' },
  { id: 'what-we-do', label: 'What we do (introduction)', extension: 'md' },
  { id: 'case-studies', label: 'Case studies (introduction)', extension: 'md' },
  { id: 'restorative-processes', label: 'What is restorative practice (introduction)', extension: 'md' },
  { id: 'refer', label: 'Make a referral', extension: 'md' },
  { id: 'training-and-events', label: 'Training and events (introduction)', extension: 'md' },
  { id: 'professionals', label: 'For professionals (introduction)', extension: 'md' },
  { id: 'contact', label: 'Contact us', extension: 'md' },
  { id: 'staying-safe-online', label: 'Staying safe online', extension: 'md' },
  { id: 'accessibility', label: 'Accessibility statement', extension: 'md' },
  { id: 'privacy', label: 'Privacy notice', extension: 'md' },
  { id: 'cookies', label: 'Cookies', extension: 'md' },
  { id: 'search', label: 'Search (text under the results)', extension: 'md' },
  { id: 'not-found', label: 'Page not found', extension: 'md' },
] as const;
