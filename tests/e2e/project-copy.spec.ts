import { expect } from '@playwright/test';
import { wcagViolations } from '../support/axe.ts';
import { test } from '../support/e2e.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { astroBuild, copyProject, gitBaseline } from '../../scripts/lib/project-copy.ts';
import { freePort } from '../support/ports.ts';
import { decode, TestMailServer } from '../support/smtp.ts';
import { serveFolder } from '../support/static-server.ts';

/**
 * What only a whole build of changed sources shows, on one copy of the project built once, as
 * Netlify builds production (no pinned date: the clock decides what has passed), because each
 * build of the site costs a core for half a minute:
 *
 * - a new form is its two modules (what the browser may know, what only the server knows) and its
 *   page's words, nothing listed by hand;
 * - a new collection is its entry in the collection registry and its content, nothing else;
 * - a production build drops what has passed or is not yet due, and lists what is unconfirmed.
 *
 * The copy is a git repository: after the form and the collection are added, `git status` shows
 * those additions and nothing else. Only then are the events and case study of the third test
 * written. The tests run in order in one worker, after the copy is built.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

// The form: the fixture's modules as they would be written in place, imports pointed at their folders.
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'question-form');
const BROWSER_MODULE = readFileSync(path.join(FIXTURE, 'form.ts'), 'utf8').replaceAll('../../../src/forms/', '../');
const SERVER_MODULE = readFileSync(path.join(FIXTURE, 'server.ts'), 'utf8')
  .replace("'./form.ts'", "'../../src/forms/question/form.ts'")
  .replaceAll('../../../functions/forms/', './');
const FORM_PAGE = `---
title: Ask us a question
summary: Ask the partnership a question about restorative justice, by email.
lede: Ask anything about taking part. We reply by email.
---

The words of this page are a fixture.
`;

// The collection: "Newsletters", one entry in src/model/collections.ts and one newsletter.
const NEWSLETTER_TITLE = 'Spring newsletter from the fixture';
const REGISTRY_ENTRY = `    newsletters: {
      folder: 'newsletters',
      pattern: '**/*.md',
      schema: basePageSchema,
      section: { path: 'newsletters', title: 'Newsletters' },
      cms: {
        label: 'Newsletters',
        label_singular: 'newsletter',
        description: 'News for partners and volunteers, one entry a season.',
        body: { hint: 'The newsletter, in short paragraphs.' },
        preview: 'article',
        extension: 'md',
        create: true,
      },
    },
`;
const NEWSLETTER = `---
title: ${NEWSLETTER_TITLE}
summary: What the partnership did this spring, written for a test.
---

The words in this newsletter are a fixture.
`;

// The production build: events and a case study dated from the clock this test runs by
// (faketime moves it).
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const eventFile = (title: string, date: string, extra = '') =>
  `---\ntitle: ${title}\nsummary: A test event.\nkind: Other event\naudience: Anyone\ndate: ${date}\nstartTime: '10:00'\nendTime: '12:00'\nplace: Stroud\n${extra}---\n\nBody.\n`;

let project: ReturnType<typeof copyProject>;
let changed: string[];
let build: ReturnType<typeof astroBuild>;
const dist = () => path.join(project.dir, 'dist');
const read = (file: string) => readFileSync(path.join(dist(), file), 'utf8');
/** The copy's built scripts that hold `text`, as paths under dist/. */
const scriptsHolding = (text: string) =>
  readdirSync(path.join(dist(), '_astro'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `_astro/${name}`)
    .filter((file) => read(file).includes(text));

// In order, in one worker (the suite is otherwise fully parallel), so the copy is built once.
test.describe.configure({ mode: 'default' });

test.beforeAll(() => {
  test.setTimeout(120_000); // a whole production build of a copy of the site
  project = copyProject(ROOT, 'rg-copy-', { imageCache: true });
  const baseline = gitBaseline(project.dir);

  mkdirSync(path.join(project.dir, 'src', 'forms', 'question'));
  writeFileSync(path.join(project.dir, 'src', 'forms', 'question', 'form.ts'), BROWSER_MODULE);
  writeFileSync(path.join(project.dir, 'functions', 'forms', 'question.ts'), SERVER_MODULE);
  writeFileSync(path.join(project.dir, 'content', 'forms', 'question.md'), FORM_PAGE);

  const registry = path.join(project.dir, 'src', 'model', 'collections.ts');
  const before = readFileSync(registry, 'utf8');
  const after = before
    .replace('import {\n  caseStudySchema,', 'import {\n  basePageSchema,\n  caseStudySchema,')
    .replace('    settings: {\n', `${REGISTRY_ENTRY}    settings: {\n`);
  // The entry and one more name imported, nothing else.
  expect(after.split('\n').length - before.split('\n').length).toBe(REGISTRY_ENTRY.split('\n').length);
  writeFileSync(registry, after);
  mkdirSync(path.join(project.dir, 'content', 'newsletters'));
  writeFileSync(path.join(project.dir, 'content', 'newsletters', 'spring.md'), NEWSLETTER);
  changed = baseline.changed();

  const events = path.join(project.dir, 'content/events');
  writeFileSync(path.join(events, 'long-gone.md'), eventFile('Long gone', '2020-05-01'));
  writeFileSync(path.join(events, 'just-gone.md'), eventFile('Just gone', daysFromNow(-2)));
  writeFileSync(path.join(events, 'next-month.md'), eventFile('Next month', daysFromNow(30)));
  writeFileSync(path.join(events, 'coming-up.md'), eventFile('Coming up', '2099-05-01'));
  writeFileSync(
    path.join(events, 'not-yet-announced.md'),
    eventFile('Not yet announced', '2099-06-01', 'publishFrom: 2099-01-01\n'),
  );
  writeFileSync(
    path.join(project.dir, 'content/caseStudies/withdrawn.md'),
    `---\ntitle: Withdrawn\nsummary: A summary.\nsetting: Workplaces\noutcome: An outcome.\ndate: 2026-01-01\nremoveAfter: 2026-02-01\n---\n\nBody.\n`,
  );
  writeFileSync(
    path.join(events, 'example-course.md'),
    eventFile('Example course', daysFromNow(40), 'example: true\n'),
  );

  build = astroBuild(ROOT, project.dir, {
    BUILD_DATE: undefined,
    CONTEXT: 'production',
    PUBLIC_CMS_REPO: 'example/site',
  });
});

test.afterAll(() => project?.remove());

test('a form added as its two modules and its page is served, checked, stored, delivered and confirmed', async ({
  page,
}) => {
  test.setTimeout(60_000);
  expect(build.status, build.output).toBe(0);
  expect(changed).toEqual(
    expect.arrayContaining([
      '?? content/forms/question.md',
      '?? functions/forms/question.ts',
      '?? src/forms/question/',
    ]),
  );
  // The page's script holds this form's questions; no other form's page downloads them.
  expect(scriptsHolding('What would you like to ask?')).toHaveLength(1);

  const mail = new TestMailServer();
  await mail.start();
  Object.assign(process.env, { SMTP_URL: mail.url, QUESTION_INBOX: 'questions@test.invalid', MIN_MS_BEFORE_SEND: '0' });
  // The copy's own functions, served as npm start serves them (scripts/lib/serve.ts).
  const { serveSite } = await import('../../scripts/lib/serve.ts');
  const server = await serveSite({
    root: project.dir,
    port: await freePort(),
    dataDir: path.join(project.dir, '.data'),
    retrySeconds: 3600,
  });
  try {
    await page.goto(`${server.url}/question/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask us a question');
    await expect(page.getByRole('main')).toContainText('The words of this page are a fixture.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('link', { name: 'Enter your question' })).toBeVisible();
    await page.getByLabel('What would you like to ask?').fill('Can my family come to the meeting?');
    await page.getByLabel('Email address').fill('asker@example.org');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: /Check your answers/ })).toBeVisible();
    await page.getByRole('button', { name: 'Send question' }).click();
    await expect(page).toHaveURL(/\/forms\/question\/sent\/\?reference=RG-/);
    await expect(page.getByRole('heading', { name: 'Question sent' })).toBeVisible();
    const reference = (await page.locator('[data-reference]').textContent())!;
    expect(reference).toMatch(/^RG-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const staff = await mail.waitFor(reference);
    expect(staff.to).toEqual(['questions@test.invalid']);
    expect(decode(staff.raw)).toContain('Can my family come to the meeting?');
    const confirmation = await mail.waitFor('We answer questions by email within a week.');
    expect(confirmation.to).toEqual(['asker@example.org']);
    // Stored before it was acknowledged: the record is in the copy's own Blobs store.
    const blobs = readdirSync(path.join(project.dir, '.data', 'blobs'), { recursive: true }).map(String);
    expect(blobs.some((name) => name.includes(reference))).toBe(true);
  } finally {
    await server.close();
    for (const name of ['SMTP_URL', 'QUESTION_INBOX', 'MIN_MS_BEFORE_SEND']) delete process.env[name];
    await mail.stop();
  }
});

test('a collection added to the registry, with its content, is built, listed, in the sitemap and in the CMS', async ({
  page,
}) => {
  expect(build.status, build.output).toBe(0);
  expect(read('newsletters/spring/index.html')).toMatch(new RegExp(`<h1[^>]*>${NEWSLETTER_TITLE}</h1>`));
  expect(read('newsletters/index.html')).toContain('href="/newsletters/spring/"');
  expect(read('sitemap.xml')).toMatch(/<loc>[^<]*\/newsletters\/spring\/<\/loc>/);
  expect(read('search/index.html')).toContain('href="/newsletters/spring/"');
  // The CMS is bundled with the site: its configuration has the new collection, from the registry.
  const cms = scriptsHolding('Could it help? (guide)');
  expect(cms).toHaveLength(1);
  expect(read(cms[0]!)).toContain('News for partners and volunteers, one entry a season.');

  const site = await serveFolder(dist());
  try {
    await page.goto(`${site.url}/newsletters/spring/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(NEWSLETTER_TITLE);
    await expect(page.getByRole('main')).toContainText('The words in this newsletter are a fixture.');
    expect((await wcagViolations(page)).map((v) => v.id)).toEqual([]);
    await page.goto(`${site.url}/newsletters/`);
    await page.getByRole('link', { name: NEWSLETTER_TITLE }).click();
    await expect(page).toHaveURL(/\/newsletters\/spring\/$/);
  } finally {
    await site.close();
  }
});

test('adding the form and the collection changed nothing else in the project', () => {
  expect(changed).toEqual([
    ' M src/model/collections.ts',
    '?? content/forms/question.md',
    '?? content/newsletters/',
    '?? functions/forms/question.ts',
    '?? src/forms/question/',
  ]);
});

test('a production build (no pinned date) drops what has passed or is not yet due on the day it runs; an example date takes no bookings there, and the build lists what is unconfirmed', () => {
  expect(build.status, build.output).toBe(0);
  // The example date is shown, marked, but cannot be booked: no button, no enquiry page, and
  // the booking function's list (bookable-events.json) does not name it.
  const example = read('training-and-events/example-course/index.html');
  expect(example).toContain('data-no-booking');
  expect(example).not.toContain('/training-and-events/example-course/enquire/');
  const built = (file: string) => existsSync(path.join(dist(), file));
  expect(built('training-and-events/example-course/enquire/index.html')).toBe(false);
  expect(read('training-and-events/bookable-events.json')).not.toContain('Example course');
  expect(read('training-and-events/enquire/index.html')).not.toContain('Example course');
  expect(built('training-and-events/coming-up/enquire/index.html')).toBe(true);
  // The deploy log lists what is still to confirm.
  expect(build.output).toMatch(/\d+ things to confirm before launch:/);
  expect(build.output).toContain('example event: “Example course” is an example date');
  expect(built('training-and-events/coming-up/index.html')).toBe(true);
  expect(built('training-and-events/next-month/index.html')).toBe(true);
  expect(built('training-and-events/just-gone/index.html')).toBe(false);
  expect(built('training-and-events/long-gone/index.html')).toBe(false);
  expect(built('training-and-events/not-yet-announced/index.html')).toBe(false);
  expect(built('case-studies/withdrawn/index.html')).toBe(false);
  const feed = read('training-and-events/events.ics');
  expect(feed).toContain('Coming up');
  expect(feed).not.toContain('Long gone');
  expect(read('training-and-events/index.html')).not.toContain('Long gone');
  expect(readdirSync(path.join(dist(), 'training-and-events'))).not.toContain('long-gone.ics');
});
