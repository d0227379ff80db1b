import { expect } from '@playwright/test';
import { test } from '../support/e2e.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { allFields, say } from '../../src/forms/fields.ts';
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

test('each easy read picture, written into the page, is a tiny SVG with nothing in it that could run or fetch', () => {
  const folder = path.join(import.meta.dirname, '..', '..', 'src', 'assets', 'pictograms');
  const files = readdirSync(folder);
  expect(files.length).toBeGreaterThanOrEqual(10);
  for (const name of files) {
    const svg = readFileSync(path.join(folder, name), 'utf8');
    expect(svg.length, name).toBeLessThan(2 * 1024);
    expect(svg, name).not.toMatch(/<script|href=|url\(|\bon[a-z]+=/i);
  }
});

/** Words only one form has: its questions' labels and hints, which no other form shares. */
function wordsOnlyIn(id: string): string[] {
  const texts = (form: (typeof SERVER_FORMS)[string]) =>
    allFields(form).flatMap((field) =>
      [say(field.label), field.hint ? say(field.hint) : ''].filter((t) => t.length > 24),
    );
  const others = Object.values(SERVER_FORMS)
    .filter((form) => form.id !== id)
    .flatMap(texts);
  // Words the shared form code says itself (such as "Your reference number is") are not a form's own.
  const shared = ['render.ts', 'fields.ts'].map((file) => readFileSync(path.join('src/forms', file), 'utf8')).join('');
  return texts(SERVER_FORMS[id]).filter((text) => !others.includes(text) && !shared.includes(text));
}

/** What only the server knows of any form: inboxes, the staff email's wording. */
const serverOnlyWords = () =>
  Object.values(SERVER_FORMS).flatMap((form) => [
    form.inbox,
    form.staffSubject,
    form.staffNote,
    ...Object.values(form.staffWords ?? {}).filter((text) => text.length > 6),
  ]);

test('a form page downloads its own form’s questions and no other form’s, and nothing only the server knows', async ({
  page,
}) => {
  const formPages = builtPages().filter(isFormPage);
  expect(formPages.length).toBeGreaterThan(3);
  // Every form page in one test, each waited on until its network is quiet: a budget per page,
  // not 30 s for all eleven (on 2 busy cores one CI run ran out at the ninth).
  test.setTimeout(formPages.length * 10_000);
  const seenForms = new Set<string>();
  for (const pagePath of formPages) {
    const scripts: Promise<string>[] = [];
    const onResponse = (response: import('@playwright/test').Response) => {
      if (response.url().endsWith('.js')) scripts.push(response.text());
    };
    page.on('response', onResponse);
    await page.goto(pagePath, { waitUntil: 'networkidle' });
    page.off('response', onResponse);
    const id = (await page.locator('[data-form-root]').getAttribute('data-form-id'))!;
    seenForms.add(id);
    const code = (await Promise.all(scripts)).join('\n');
    // Its own questions arrived (the script needs them to check answers in the browser)...
    expect(
      wordsOnlyIn(id).some((text) => code.includes(JSON.stringify(text).slice(1, -1))),
      pagePath,
    ).toBe(true);
    // ...and nothing of any other form, nor anything only the server knows.
    for (const other of Object.keys(SERVER_FORMS).filter((other) => other !== id))
      for (const text of wordsOnlyIn(other)) expect(code.includes(text), `${pagePath} has “${text}”`).toBe(false);
    for (const text of serverOnlyWords()) expect(code.includes(text), `${pagePath} has “${text}”`).toBe(false);
  }
  expect([...seenForms].sort()).toEqual(Object.keys(SERVER_FORMS).sort());
});
