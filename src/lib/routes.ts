/**
 * Entries of the `pages` collection that have their own route file, because they add
 * more than a heading and a body. Every other page entry is served at `/<id>/`.
 */
export const pagesWithOwnRoute = new Set([
  'home',
  'refer',
  'contact',
  'what-we-do',
  'case-studies',
  'restorative-processes',
  'search',
  'not-found',
  'training-and-events',
  'professionals',
]);
