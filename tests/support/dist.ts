import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');

/**
 * Every HTML page of the build as the URL path a visitor uses (404 as /404.html). Without a
 * build it is empty, so the suite can still be listed; every-page.spec.ts fails in that case.
 */
export function builtPages(): string[] {
  const pages: string[] = [];
  if (!existsSync(path.join(DIST, 'index.html'))) return pages;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // The form shell is a template for the functions, not a page anyone visits.
        if (!['_astro', 'pagefind', 'admin', 'form-shell'].includes(entry.name)) walk(full);
      } else if (entry.name.endsWith('.html')) {
        const rel = path.relative(DIST, full).split(path.sep).join('/');
        pages.push(
          rel === 'index.html'
            ? '/'
            : rel.endsWith('/index.html')
              ? `/${rel.slice(0, -'index.html'.length)}`
              : `/${rel}`,
        );
      }
    }
  };
  walk(DIST);
  return pages.sort();
}

/** The HTML file behind a URL path, or undefined when the build has none. */
export function fileForPath(urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  const candidates = clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`];
  for (const candidate of candidates) {
    try {
      return readFileSync(path.join(DIST, candidate), 'utf8');
    } catch {
      /* try the next one */
    }
  }
  return undefined;
}

export function readBuilt(urlPath: string): string {
  const html = fileForPath(urlPath);
  if (html === undefined) throw new Error(`No built file for ${urlPath}`);
  return html;
}
