import { expect, type Page } from '@playwright/test';
import { test } from '../support/e2e.ts';
import { z } from 'astro/zod';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { TEST_RUN } from '../../playwright.config.ts';
import { astroBuild, copyProject } from '../../scripts/lib/project-copy.ts';
import { caseStudySchema } from '../../src/model/content.ts';
import { cmsConfig } from '../../admin/config.ts';
import { serveFolder } from '../support/static-server.ts';

/**
 * Decap CMS at /admin/, as staff use it, against the local backend (decap-server's API on
 * the site's origin, writing to a copy of content/). Each test stands alone.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS_REPO_DIR = TEST_RUN.cmsRepoDir;
const NEW_TITLE = 'Talking it through at the allotments';
const NEW_SLUG = 'talking-it-through-at-the-allotments';
const NEW_PHONE = '01452 000111';

function frontMatter(file: string): Record<string, unknown> {
  return parse(readFileSync(file, 'utf8').split(/^---$/m)[1]) as Record<string, unknown>;
}

/**
 * How long the CMS may take to load and draw itself: a 5.7 MB script compiled afresh in a new
 * tab, which on two cores with a build running beside it can take longer than the 5 s that other
 * waits allow.
 */
const CMS_LOAD_MS = 20_000;

async function openCms(page: Page, hash = '') {
  // A fresh load each time: changing only the hash would keep the previous editor's state.
  await page.goto('about:blank');
  await page.goto(`/admin/${hash}`);
  // Straight to the entry when a hash is given, else the collections list.
  const ready = hash
    ? page.getByRole('button', { name: 'Publish' }).first()
    : page.getByRole('link', { name: 'Case studies' });
  // Decap remembers the login for the rest of the session.
  const login = page.getByRole('button', { name: 'Login' });
  await expect(login.or(ready)).toBeVisible({ timeout: CMS_LOAD_MS });
  if (await login.isVisible()) await login.click();
  await expect(ready).toBeVisible({ timeout: CMS_LOAD_MS });
}

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Publish' }).first().click();
  await page.getByText('Publish now').click();
}

test('the admin page is not indexed, names itself, and says it is loading', async ({ request }) => {
  const response = await request.get('/admin/');
  const html = await response.text();
  expect(html).toContain('<title>Content manager – Restorative Gloucestershire</title>');
  expect(html).toContain('noindex');
  expect(html).toContain('Loading the content manager');
  expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
  expect(response.headers()['x-robots-tag']).toContain('noindex');
});

test('staff create a case study, edit a service and the phone number; after a build all of it shows', async ({
  page,
  browser,
}) => {
  // Three saves in the CMS and a whole production build: about 25 s alone, more on a busy machine.
  test.setTimeout(90_000);
  await openCms(page);
  await page.getByRole('link', { name: 'Case studies' }).click();
  await page.locator('a[href="#/collections/caseStudies/new"]').click();
  await page.getByLabel('Title').fill(NEW_TITLE);
  await page.getByLabel('Summary').fill('Two neighbours who shared an allotment talked through a falling-out.');
  await page.getByLabel('Setting').click();
  await page.getByText('Communities and neighbours', { exact: true }).click();
  await page.getByLabel('Outcome').fill('They agreed how to share the shed.');
  await page.getByRole('button', { name: 'Set date to now' }).click();
  await page.locator('[contenteditable="true"]').first().fill('The word zebracorn appears only in this case study.');
  await publish(page);
  await expect(page.getByText('Entry saved')).toBeVisible();

  const file = path.join(CMS_REPO_DIR, 'content', 'caseStudies', `${NEW_SLUG}.md`);
  expect(existsSync(file)).toBe(true);
  const data = frontMatter(file);
  const result = caseStudySchema(() => z.string()).safeParse(data);
  expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  expect(data.illustrative).toBe(true);

  await openCms(page, '#/collections/services/entries/workplaces');
  await page.getByLabel('Title').fill('Workplaces and teams');
  await publish(page);
  await expect(page.getByText('Entry saved')).toBeVisible();
  expect(frontMatter(path.join(CMS_REPO_DIR, 'content', 'services', 'workplaces.md')).title).toBe(
    'Workplaces and teams',
  );

  await openCms(page, '#/collections/settings/entries/site');
  await page.getByLabel('Referral phone number').fill(NEW_PHONE);
  await publish(page);
  const settingsFile = path.join(CMS_REPO_DIR, 'content', 'settings', 'site.json');
  // The CMS writes the file in place: read mid-write it is cut short, so a poll reads it again.
  const phoneSaved = () => {
    try {
      return (JSON.parse(readFileSync(settingsFile, 'utf8')) as { phone?: string }).phone;
    } catch {
      return undefined;
    }
  };
  await expect.poll(phoneSaved).toBe(NEW_PHONE);
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
  expect(settings.referralEmail).toBe('RestorativeGloucestershireCaseReferrals@gloucestershire.pnn.police.uk');

  const project = copyProject(ROOT, 'rg-cms-build-', { imageCache: true });
  try {
    rmSync(path.join(project.dir, 'content'), { recursive: true });
    cpSync(path.join(CMS_REPO_DIR, 'content'), path.join(project.dir, 'content'), { recursive: true });
    const build = astroBuild(ROOT, project.dir);
    expect(build.status, build.output).toBe(0);
    const dist = path.join(project.dir, 'dist');
    const read = (p: string) => readFileSync(path.join(dist, p, 'index.html'), 'utf8');
    expect(read(`case-studies/${NEW_SLUG}`)).toContain(NEW_TITLE);
    expect(read(`case-studies/${NEW_SLUG}`)).toContain('This is an illustrative example.');
    expect(read('case-studies')).toContain(NEW_TITLE);
    expect(read('what-we-do/workplaces')).toContain('Workplaces and teams');
    expect(read('')).toContain(NEW_PHONE);
    expect(read('contact')).toContain('tel:01452000111');

    const site = await serveFolder(dist);
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(`${site.url}/search/?q=zebracorn`);
    await expect(visitor.locator('[data-search-list] li').first().getByRole('link')).toHaveText(NEW_TITLE);
    await context.close();
    await site.close();
  } finally {
    project.remove();
  }
});

test('a required field left empty blocks publishing, with a message', async ({ page }) => {
  await openCms(page, '#/collections/caseStudies/new');
  await page.getByLabel('Title').fill('Not finished');
  await publish(page);
  await expect(page.getByText(/is required/).first()).toBeVisible();
  expect(existsSync(path.join(CMS_REPO_DIR, 'content', 'caseStudies', 'not-finished.md'))).toBe(false);
});

/**
 * Every entry of every collection the CMS has, read from the CMS's own config: a collection added
 * there is opened here too. Each entry is checked by its first text field, which must show the
 * value in the entry's file, and by its preview, which must show that value as well.
 */
interface CmsFieldLike {
  name: string;
  label: string;
  widget: string;
}
interface EntryToOpen {
  collection: string;
  hash: string;
  label: string;
  /** The field's value in the file the CMS edits, read when it is checked. */
  expected: () => string;
}
const firstText = (fields: CmsFieldLike[]) => fields.find((field) => field.widget === 'string')!;
/** An entry's data in the copy of content/ the CMS edits (another test edits some as this one runs). */
function fileData(file: string): Record<string, unknown> {
  const full = path.join(CMS_REPO_DIR, file);
  return file.endsWith('.json') ? JSON.parse(readFileSync(full, 'utf8')) : frontMatter(full);
}
const ENTRIES: EntryToOpen[] = cmsConfig({ local: true }).collections.flatMap((c) => {
  if (c.files)
    return c.files.map((file) => {
      const field = firstText(file.fields);
      const expected = () => String(fileData(file.file)[field.name]);
      return { collection: c.name, hash: `${c.name}/entries/${file.name}`, label: field.label, expected };
    });
  const field = firstText(c.fields!);
  return readdirSync(path.join(ROOT, c.folder!))
    .filter((name) => name.endsWith(`.${c.extension}`))
    .map((name) => ({
      collection: c.name,
      hash: `${c.name}/entries/${name.slice(0, -c.extension!.length - 1)}`,
      label: field.label,
      expected: () => String(fileData(path.join(c.folder!, name))[field.name]),
    }));
});
test('every collection in the CMS has entries to open', () => {
  const names = new Set(ENTRIES.map((entry) => entry.collection));
  expect([...names].sort()).toEqual(
    cmsConfig({ local: true })
      .collections.map((collection) => collection.name)
      .sort(),
  );
});
// One test a collection: the CMS loads once, then each entry is opened from the collection's
// list, as staff open them (going through the list also clears the last entry's editor). These
// only read, so they share a tab (`reader`, tests/support/e2e.ts): its browser keeps the CMS's
// compiled script between loads, and a load takes about 1 s instead of 3.
for (const collection of new Set(ENTRIES.map((entry) => entry.collection))) {
  const entries = ENTRIES.filter((entry) => entry.collection === collection);
  test(`every entry of ${collection} opens in the editor and its preview, without errors`, async ({ reader: page }) => {
    test.setTimeout(30_000 + entries.length * 5_000);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await openCms(page);
    const preview = page.frameLocator('#preview-pane');
    for (const { hash, label, expected } of entries) {
      await page.evaluate((to) => (window.location.hash = to), `#/collections/${collection}`);
      await expect(page.locator('#preview-pane')).toHaveCount(0);
      await page.evaluate((to) => (window.location.hash = to), `#/collections/${hash}`);
      const field = page.getByLabel(label, { exact: true });
      await expect
        .poll(async () => (await field.inputValue()) === expected() || 'not the file’s value', hash)
        .toBe(true);
      const value = await field.inputValue();
      await expect(preview.getByText(value, { exact: true }).first(), `${hash}: preview`).toBeVisible();
      expect(errors, hash).toEqual([]);
    }
  });
}

test('in the guide, staff see each step once by its title and choose where an answer leads by title', async ({
  page,
}) => {
  const guideDir = path.join(CMS_REPO_DIR, 'content', 'guide');
  const titleOf = (slug: string) => String(frontMatter(path.join(guideDir, `${slug}.md`)).title);
  const slugs = readdirSync(guideDir).map((name) => name.replace(/\.md$/, ''));
  // The list: every step by its title, once, and never by its file name.
  await openCms(page, '');
  await page.evaluate(() => (window.location.hash = '#/collections/guide'));
  for (const slug of slugs) {
    await expect(page.getByText(titleOf(slug), { exact: true }), slug).toHaveCount(1);
    await expect(page.getByText(slug, { exact: true }), slug).toHaveCount(0);
  }

  // An answer shows the title of the step it leads to, never the step's file name.
  const start = frontMatter(path.join(guideDir, 'start.md')) as { answers: { next: string }[] };
  await openCms(page, '#/collections/guide/entries/start');
  await page.getByRole('button', { name: 'Expand' }).first().click();
  await expect(page.getByText(titleOf(start.answers[0]!.next), { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Leads to' })).toHaveCount(0);

  // A new question: its answer's next step found by a few words of its title, saved by file name.
  await openCms(page, '#/collections/guide/new');
  await page.getByLabel('Title', { exact: true }).fill('Is this a test question?');
  await page.getByLabel('Summary').fill('Only this test asks it.');
  await page.getByRole('button', { name: 'Add answers' }).click();
  await page.getByLabel('Answer', { exact: true }).fill('Yes, it is');
  const target = 'ending-not-safe-yet';
  await page.getByLabel('Leads to').pressSequentially(titleOf(target).split(' ').slice(0, 3).join(' '));
  await page.getByRole('option', { name: titleOf(target), exact: true }).click();
  await publish(page);
  await expect(page.getByText('Entry saved')).toBeVisible();
  const saved = frontMatter(path.join(guideDir, 'is-this-a-test-question.md')) as { answers: { next: string }[] };
  expect(saved.answers).toEqual([{ label: 'Yes, it is', next: target }]);
});
