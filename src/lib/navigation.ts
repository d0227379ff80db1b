/** Which menu link is the page a visitor is on, or the section it is in. */
/** True when `href` is the current page or a page within its section; `/` matches only itself. */
export function navState(href: string, currentPath: string): 'page' | 'section' | undefined {
  const path = currentPath.endsWith('/') ? currentPath : `${currentPath}/`;
  if (path === href) return 'page';
  if (href !== '/' && path.startsWith(href)) return 'section';
  return undefined;
}
