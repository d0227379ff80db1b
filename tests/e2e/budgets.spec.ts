import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPages, DIST, readBuilt } from '../support/dist.ts';

const scriptsOf = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]).filter((attrs) => !attrs.includes('application/ld+json'));

const FORM_PAGES = ['/refer/', '/volunteer/apply/'];

test('content pages ship no JavaScript but the quick exit and the menu button (search adds its own)', () => {
  for (const pagePath of builtPages()) {
    const scripts = scriptsOf(readBuilt(pagePath)).map((attrs) => attrs.match(/src="([^"]+)"/)?.[1] ?? 'inline');
    const allowed = scripts.filter((src) => /\/_astro\/(QuickExit|SiteHeader)\.[^/]*\.js$/.test(src));
    const extra = scripts.filter((src) => !allowed.includes(src));
    if (pagePath === '/search/') expect(extra.every((src) => /\/_astro\/SearchPanel\.[^/]*\.js$/.test(src))).toBe(true);
    else if (FORM_PAGES.includes(pagePath))
      expect(extra.every((src) => /\/_astro\/FormPage\.[^/]*\.js$/.test(src))).toBe(true);
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

test('the home page HTML and CSS are under 50 KB gzipped', () => {
  const html = readBuilt('/');
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) =>
    readFileSync(path.join(DIST, m[1])),
  );
  const bytes = gzipSync(Buffer.concat([Buffer.from(html), ...css])).length;
  console.log(`Home page HTML + CSS: ${(bytes / 1024).toFixed(1)} KB gzipped`);
  expect(bytes).toBeLessThan(50 * 1024);
});
