import { expect } from '@playwright/test';
import { test } from '../support/e2e.ts';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { astroBuild, copyProject, gitBaseline } from '../../scripts/lib/project-copy.ts';
import { decode, TestMailServer } from '../support/smtp.ts';

/**
 * A new form is its two modules (what the browser may know, what only the server knows) and its
 * page's words, nothing listed by hand: in a copy of the project (a git repository,
 * so `git status` shows what changed), a "question" form is added that way. The copy is built
 * and served as `npm start` serves it, and the form is checked, stored, delivered to the inbox
 * its module names and confirmed, in its own words.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'question-form');
/** The fixture's modules as they would be written in place: imports pointed at their folders. */
const BROWSER_MODULE = readFileSync(path.join(FIXTURE, 'form.ts'), 'utf8').replaceAll('../../../src/forms/', '../');
const SERVER_MODULE = readFileSync(path.join(FIXTURE, 'server.ts'), 'utf8')
  .replace("'./form.ts'", "'../../src/forms/question/form.ts'")
  .replaceAll('../../../functions/forms/', './');

const PAGE = `---
title: Ask us a question
summary: Ask the partnership a question about restorative justice, by email.
lede: Ask anything about taking part. We reply by email.
---

The words of this page are a fixture.
`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('a form added as its two modules and its page is served, checked, stored, delivered and confirmed', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const project = copyProject(ROOT, 'rg-new-form-');
  const mail = new TestMailServer();
  try {
    const baseline = gitBaseline(project.dir);

    mkdirSync(path.join(project.dir, 'src', 'forms', 'question'));
    writeFileSync(path.join(project.dir, 'src', 'forms', 'question', 'form.ts'), BROWSER_MODULE);
    writeFileSync(path.join(project.dir, 'functions', 'forms', 'question.ts'), SERVER_MODULE);
    writeFileSync(path.join(project.dir, 'content', 'forms', 'question.md'), PAGE);

    const build = astroBuild(ROOT, project.dir);
    expect(build.status, build.output).toBe(0);
    expect(baseline.changed()).toEqual([
      '?? content/forms/question.md',
      '?? functions/forms/question.ts',
      '?? src/forms/question/',
    ]);
    // The page's script holds this form's questions; no other form's page downloads them.
    const scripts = readdirSync(path.join(project.dir, 'dist', '_astro')).filter((name) => name.endsWith('.js'));
    const holding = scripts.filter((name) =>
      readFileSync(path.join(project.dir, 'dist', '_astro', name), 'utf8').includes('What would you like to ask?'),
    );
    expect(holding).toHaveLength(1);

    await mail.start();
    Object.assign(process.env, {
      SMTP_URL: mail.url,
      QUESTION_INBOX: 'questions@test.invalid',
      MIN_MS_BEFORE_SEND: '0',
    });
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
    }
  } finally {
    for (const name of ['SMTP_URL', 'QUESTION_INBOX', 'MIN_MS_BEFORE_SEND']) delete process.env[name];
    await mail.stop();
    project.remove();
  }
});
