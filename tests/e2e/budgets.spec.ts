import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPages, DIST, readBuilt } from '../support/dist.ts';

const scriptsOf = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]).filter((attrs) => !attrs.includes('application/ld+json'));

/** A page with one of the forms on it. */
const isFormPage = (pagePath: string) => readBuilt(pagePath).includes('data-form-root');

test('content pages ship no JavaScript but the quick exit and the menu button (search adds its own)', () => {
  for (const pagePath of builtPages()) {
    const scripts = scriptsOf(readBuilt(pagePath)).map((attrs) => attrs.match(/src="([^"]+)"/)?.[1] ?? 'inline');
    const allowed = scripts.filter((src) => /\/_astro\/(QuickExit|SiteHeader)\.[^/]*\.js$/.test(src));
    const extra = scripts.filter((src) => !allowed.includes(src));
    if (pagePath === '/search/') expect(extra.every((src) => /\/_astro\/SearchPanel\.[^/]*\.js$/.test(src))).toBe(true);
    else if (isFormPage(pagePath)) expect(extra.every((src) => /\/_astro\/FormPage\.[^/]*\.js$/.test(src))).toBe(true);
    else expect(extra, pagePath).toEqual([]);
    expect(allowed, pagePath).toHaveLength(2);
  }
});

test('no inline script or style anywhere, so the strict policy holds', () => {
  for (const pagePath of builtPages()) {
    const html = readBuilt(pagePath);
    expect(
      scriptsOf(html).filter((attrs) => !attrs.includes('src=')),
      pagePath,
    ).toEqual([]);
    expect(html, pagePath).not.toMatch(/<style[\s>]/);
    expect(html, pagePath).not.toMatch(/\sstyle="/);
  }
});

test('the quick exit script is small', () => {
  const html = readBuilt('/');
  const src = html.match(/src="(\/_astro\/QuickExit\.[^"]+\.js)"/)![1];
  const bytes = gzipSync(readFileSync(path.join(DIST, src))).length;
  expect(bytes).toBeLessThan(2 * 1024);
});

/** What a page costs a phone: its HTML, stylesheets, scripts (and what they import) and fonts. */
function pageBytes(pagePath: string): { total: number; files: string[] } {
  const html = readBuilt(pagePath);
  const files = new Set<string>();
  const queue = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js|woff2))"/g)].map((m) => m[1]);
  while (queue.length) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    files.add(file);
    if (file.endsWith('.js')) {
      const code = readFileSync(path.join(DIST, file), 'utf8');
      for (const m of code.matchAll(/from\s*"\.\/([^"]+\.js)"|import\("\.\/([^"]+\.js)"\)/g))
        queue.push(`/_astro/${m[1] ?? m[2]}`);
    }
  }
  let total = gzipSync(html).length;
  for (const file of files) {
    const bytes = readFileSync(path.join(DIST, file));
    // Fonts are compressed already; gzip would only add its header.
    total += file.endsWith('.woff2') ? bytes.length : gzipSync(bytes).length;
  }
  return { total, files: [...files] };
}

test('every page’s HTML, CSS, fonts and JavaScript together are under 60 KB gzipped (images apart)', () => {
  const sizes = builtPages()
    .filter((pagePath) => !pagePath.startsWith('/admin/'))
    .map((pagePath) => ({ pagePath, ...pageBytes(pagePath) }));
  const largest = sizes.reduce((a, b) => (b.total > a.total ? b : a));
  console.log(`Largest page: ${largest.pagePath}, ${(largest.total / 1024).toFixed(1)} KB gzipped`);
  for (const { pagePath, total } of sizes) expect(total, pagePath).toBeLessThan(60 * 1024);
});

test('form pages ship no validation library: the browser runs the same plain checks as the function', () => {
  for (const pagePath of builtPages().filter(isFormPage)) {
    for (const file of pageBytes(pagePath).files.filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(path.join(DIST, file), 'utf8');
      expect(code, `${pagePath}: ${file}`).not.toMatch(/ZodError|\$ZodType|zod\.dev/);
    }
  }
});

test('each illustration is a small SVG under 10 KB, with nothing in it that could run or fetch', () => {
  const files = readdirSync(path.join(DIST, '_astro')).filter((name) => name.endsWith('.svg'));
  expect(files.length).toBeGreaterThanOrEqual(8);
  for (const name of files) {
    const svg = readFileSync(path.join(DIST, '_astro', name), 'utf8');
    expect(svg.length, name).toBeLessThan(10 * 1024);
    expect(svg, name).not.toMatch(/<script|href=|url\(/i);
  }
});
