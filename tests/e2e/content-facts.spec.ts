import { expect } from '@playwright/test';
import { test } from '../support/e2e.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { builtPages, fileForPath, readBuilt } from '../support/dist.ts';
import { SEED_PHONE_DIGITS, SEED_REFERRAL_EMAIL } from '../support/seed-facts.ts';

const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ');

/** Other services' numbers, from "Other help" (content/help/): the only other numbers a page may link. */
const HELP_DIR = path.resolve(import.meta.dirname, '..', '..', 'content', 'help');
const otherServices = new Set(
  readdirSync(HELP_DIR).map((file) =>
    String(parse(readFileSync(path.join(HELP_DIR, file), 'utf8').split('---')[1]).phone).replace(/\D/g, ''),
  ),
);

test('the referral phone number and email are exactly those of the seeds wherever they appear', () => {
  expect(otherServices.size).toBeGreaterThan(3);
  const problems: string[] = [];
  let phoneSeen = 0;
  let emailSeen = 0;
  for (const pagePath of builtPages()) {
    const html = readBuilt(pagePath);
    for (const [, tel] of html.matchAll(/href="tel:([^"]*)"/g)) {
      phoneSeen++;
      if (tel !== SEED_PHONE_DIGITS && !otherServices.has(tel)) problems.push(`${pagePath}: tel:${tel}`);
    }
    // Any number written like a Gloucester number (01452…) must be the referral number.
    for (const [number] of text(html).matchAll(/0\s?1\s?4\s?5\s?2[\d ]{5,9}\d/g)) {
      if (number.replace(/\s/g, '') !== SEED_PHONE_DIGITS) problems.push(`${pagePath}: phone "${number}"`);
    }
    for (const [email] of html.matchAll(/[\w.+-]+@gloucestershire\.pnn\.police\.uk/gi)) {
      emailSeen++;
      if (email !== SEED_REFERRAL_EMAIL) problems.push(`${pagePath}: email ${email}`);
    }
    if (pagePath !== '/404.html' && !html.includes(`tel:${SEED_PHONE_DIGITS}`)) problems.push(`${pagePath}: no phone`);
  }
  expect(problems).toEqual([]);
  expect(phoneSeen).toBeGreaterThan(0);
  expect(emailSeen).toBeGreaterThan(0);
});

test('every route on the home page leads to a page that exists', async ({ reader: page }) => {
  await page.goto('/');
  const routes = page.getByRole('region', { name: 'Find what fits your situation' }).getByRole('link');
  const labels = await routes.allTextContents();
  for (const wanted of ['I was harmed', 'I caused harm', "I'm a professional", 'I want to volunteer']) {
    expect(labels.some((label) => label.includes(wanted))).toBe(true);
  }
  for (const href of await routes.evaluateAll((links) => links.map((link) => link.getAttribute('href')!))) {
    expect(fileForPath(href), href).toBeDefined();
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
  }
});

test('every case study whose illustrative flag is set says so on its page', async ({ reader: page }) => {
  const folder = path.resolve(import.meta.dirname, '..', '..', 'content', 'caseStudies');
  const files = readdirSync(folder).filter((file) => file.endsWith('.md'));
  expect(files.length).toBeGreaterThanOrEqual(5);
  for (const file of files) {
    const frontMatter = readFileSync(path.join(folder, file), 'utf8').split('---')[1];
    const flagged = !/^illustrative:\s*false\s*$/m.test(frontMatter);
    await page.goto(`/case-studies/${file.replace(/\.md$/, '')}/`);
    const notice = page.locator('[data-illustrative-notice]');
    if (flagged) await expect(notice).toBeVisible();
    else await expect(notice).toHaveCount(0);
  }
});

test('every printed page carries the referral phone number and email in its margin', async ({ request }) => {
  const css = await (await request.get('/print-contact.css')).text();
  expect(css).toContain('@top-center');
  expect(css.replace(/\s/g, '')).toContain(SEED_PHONE_DIGITS);
  expect(css).toContain(SEED_REFERRAL_EMAIL);
  for (const pagePath of builtPages()) {
    expect(readBuilt(pagePath), pagePath).toContain('<link rel="stylesheet" href="/print-contact.css" media="print">');
  }
});

test('“Talk to us” speaks to each page’s reader: emergency words for the public only', () => {
  const settings = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '..', '..', 'content', 'settings', 'site.json'), 'utf8'),
  );
  const box = (pagePath: string) => {
    const html = readBuilt(pagePath);
    const start = html.indexOf('id="talk-to-us-heading"');
    expect(start, pagePath).toBeGreaterThan(-1);
    return text(html.slice(start, html.indexOf('</section>', start))).replace(/\s+/g, ' ');
  };
  const squash = (words: string) => words.replace(/\s+/g, ' ');
  const publicBox = box('/restorative-processes/questions-if-you-were-harmed/');
  expect(publicBox).toContain(squash(settings.callNote));
  expect(publicBox).toContain('call 999');
  // The public box names the short list of other lines, each with its number; the others do not.
  const shortList = readdirSync(HELP_DIR)
    .map((file) => parse(readFileSync(path.join(HELP_DIR, file), 'utf8').split('---')[1]) as Record<string, unknown>)
    .filter((service) => service.shortList);
  expect(shortList.length).toBeGreaterThan(0);
  for (const service of shortList) expect(publicBox).toContain(`${service.name}: ${service.phone}`);
  for (const [pagePath, note] of [
    ['/volunteer/', settings.callNoteVolunteers],
    ['/professionals/', settings.callNoteProfessionals],
    ['/training-and-events/', settings.callNoteProfessionals],
  ]) {
    const words = box(pagePath);
    expect(words, pagePath).toContain(squash(note));
    expect(words, pagePath).not.toContain(squash(settings.callNote));
    expect(words, pagePath).not.toContain('999');
    for (const service of shortList) expect(words, pagePath).not.toContain(String(service.name));
  }
});

test('before anyone types, the referral and the guide say what stays private and when we must share, marked while unconfirmed', async ({
  reader: page,
}) => {
  const settings = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '..', '..', 'content', 'settings', 'site.json'), 'utf8'),
  );
  for (const pagePath of ['/refer/', '/could-it-help/']) {
    await page.goto(pagePath);
    const section = page.getByRole('region', { name: 'What we keep private' });
    await expect(section).toContainText(settings.confidentiality);
    await expect(section.locator('[data-unconfirmed]')).toHaveCount(settings.confidentialityConfirmed ? 0 : 1);
    // On the referral's first page there is nothing to type yet: only the first choice.
    await expect(
      page.locator(
        'main :is(input[type="text"], input[type="email"], input[type="tel"], textarea):not([tabindex="-1"])',
      ),
    ).toHaveCount(0);
  }
  // The About page names partners only when staff have listed some.
  await page.goto('/about/');
  await expect(page.getByRole('heading', { name: 'Our partners', exact: true })).toHaveCount(
    settings.partners?.length ? 1 : 0,
  );
});

test('pages that give the phone and email themselves (contact, not found) have no second “Talk to us” box', () => {
  for (const pagePath of ['/contact/', '/404.html']) {
    const html = readBuilt(pagePath);
    expect(html.match(/<h2[^>]*>\s*Talk to us\s*<\/h2>/g) ?? [], pagePath).toHaveLength(
      pagePath === '/404.html' ? 1 : 0,
    );
    expect(html, pagePath).not.toContain('talk-to-us-heading');
    expect(html, pagePath).toContain(`tel:${SEED_PHONE_DIGITS}`);
  }
  expect(readBuilt('/about/')).toContain('talk-to-us-heading');
});
