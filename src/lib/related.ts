/**
 * Related pages for the foot of a page: the entries that follow this one in its list, then
 * those before it, so each page points onwards and every entry is linked from somewhere.
 * Entries sharing `preferred` (for example a case study's setting) come first.
 */
export function pickRelated<T>(
  items: readonly T[],
  isCurrent: (item: T) => boolean,
  limit = 3,
  preferred: (item: T) => boolean = () => false,
): T[] {
  const index = items.findIndex(isCurrent);
  const rotated = index < 0 ? [...items] : [...items.slice(index + 1), ...items.slice(0, index)];
  const ordered = [...rotated.filter(preferred), ...rotated.filter((item) => !preferred(item))];
  return ordered.slice(0, limit);
}
