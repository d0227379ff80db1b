import { expect } from '@playwright/test';
import { wcagViolations } from '../support/axe.ts';
import { test } from '../support/e2e.ts';
import { EXAMPLE_PLACES, PLACES_LABEL } from '../../src/lib/event-facts.ts';
import ICAL from 'ical.js';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { astroBuild, copyProject } from '../../scripts/lib/project-copy.ts';
import { TEST_RUN } from '../../playwright.config.ts';
import { PINNED_NOW } from '../fixtures/pinned-date.ts';
import { builtPages } from '../support/dist.ts';
import { decode, savedMail, waitForMail } from '../support/smtp.ts';

/**
 * Courses and events as visitors and staff rely on them: what has passed is gone from the site
 * by itself, calendars get exactly what is to come, and a booking enquiry reaches its inbox.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const mail = { waitFor: (text: string) => waitForMail(() => savedMail(TEST_RUN.mailDir), text) };

const eventFile = (title: string, date: string, extra = '') =>
  `---\ntitle: ${title}\nsummary: A test event.\nkind: Other event\naudience: Anyone\ndate: ${date}\nstartTime: '10:00'\nendTime: '12:00'\nplace: Stroud\n${extra}---\n\nBody.\n`;

const builtEventIds = () =>
  builtPages()
    .map((p) => p.match(/^\/training-and-events\/([^/]+)\/$/)?.[1])
    .filter((id): id is string => !!id && id !== 'enquire');

test('the calendar feed parses, and lists exactly the events still to come', async ({ request }) => {
  const response = await request.get('/training-and-events/events.ics');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  const ids = events.map((event) => event.uid.split('@')[0]).sort();
  expect(ids).toEqual(builtEventIds().sort());
  expect(ids.length).toBeGreaterThan(0);
  for (const event of events) {
    // The suite's build sees the site as on the pinned day, whatever today is.
    expect(event.startDate.toJSDate().getTime()).toBeGreaterThan(PINNED_NOW.getTime());
    expect(event.endDate.compare(event.startDate)).toBe(1);
    expect(event.summary).toBeTruthy();
  }
  // One event on its own, for "add to calendar".
  const one = await request.get(`/training-and-events/${ids[0]}.ics`);
  const single = new ICAL.Component(ICAL.parse(await one.text())).getAllSubcomponents('vevent');
  expect(single).toHaveLength(1);
});

test('the events page lists every event still to come, each with its date, place and places', async ({ page }) => {
  await page.goto('/training-and-events/');
  for (const id of builtEventIds())
    await expect(page.locator(`a[href="/training-and-events/${id}/"]`).first()).toBeVisible();
  // Each says how many places there are, or that an example date has none yet.
  const placesWords = [...Object.values(PLACES_LABEL), EXAMPLE_PLACES];
  await expect(page.getByText(new RegExp(placesWords.join('|'))).first()).toBeVisible();
  // The volunteer page's training dates come from the same collection.
  await page.goto('/volunteer/');
  const table = page.getByRole('table', { name: 'Core training dates' });
  await expect(table.getByRole('link')).toHaveCount(
    builtEventIds().filter((id) => id.startsWith('volunteer-core-training')).length,
  );
});

/** A day counted from the clock this test runs by (faketime moves it), as YYYY-MM-DD. */
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('a production build (no pinned date) drops what has passed or is not yet due on the day it runs; an example date takes no bookings there, and the build lists what is unconfirmed', () => {
  test.setTimeout(120_000); // a whole production build of a copy of the site
  const project = copyProject(ROOT, 'rg-events-');
  try {
    const dir = path.join(project.dir, 'content/events');
    writeFileSync(path.join(dir, 'long-gone.md'), eventFile('Long gone', '2020-05-01'));
    writeFileSync(path.join(dir, 'just-gone.md'), eventFile('Just gone', daysFromNow(-2)));
    writeFileSync(path.join(dir, 'next-month.md'), eventFile('Next month', daysFromNow(30)));
    writeFileSync(path.join(dir, 'coming-up.md'), eventFile('Coming up', '2099-05-01'));
    writeFileSync(
      path.join(dir, 'not-yet-announced.md'),
      eventFile('Not yet announced', '2099-06-01', 'publishFrom: 2099-01-01\n'),
    );
    writeFileSync(
      path.join(project.dir, 'content/caseStudies/withdrawn.md'),
      `---\ntitle: Withdrawn\nsummary: A summary.\nsetting: Workplaces\noutcome: An outcome.\ndate: 2026-01-01\nremoveAfter: 2026-02-01\n---\n\nBody.\n`,
    );
    writeFileSync(path.join(dir, 'example-course.md'), eventFile('Example course', daysFromNow(40), 'example: true\n'));
    const { status, output } = astroBuild(ROOT, project.dir, {
      BUILD_DATE: undefined,
      CONTEXT: 'production',
      PUBLIC_CMS_REPO: 'example/site',
    });
    expect(status, output).toBe(0);
    const dist = path.join(project.dir, 'dist');
    // The example date is shown, marked, but cannot be booked: no button, no enquiry page, and
    // the booking function's list (bookable-events.json) does not name it.
    const example = readFileSync(path.join(dist, 'training-and-events/example-course/index.html'), 'utf8');
    expect(example).toContain('data-no-booking');
    expect(example).not.toContain('/training-and-events/example-course/enquire/');
    expect(existsSync(path.join(dist, 'training-and-events/example-course/enquire/index.html'))).toBe(false);
    expect(readFileSync(path.join(dist, 'training-and-events/bookable-events.json'), 'utf8')).not.toContain(
      'Example course',
    );
    expect(readFileSync(path.join(dist, 'training-and-events/enquire/index.html'), 'utf8')).not.toContain(
      'Example course',
    );
    expect(existsSync(path.join(dist, 'training-and-events/coming-up/enquire/index.html'))).toBe(true);
    // The deploy log lists what is still to confirm.
    expect(output).toMatch(/\d+ things to confirm before launch:/);
    expect(output).toContain('example event: “Example course” is an example date');
    expect(existsSync(path.join(dist, 'training-and-events/coming-up/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'training-and-events/next-month/index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'training-and-events/just-gone/index.html'))).toBe(false);
    expect(existsSync(path.join(dist, 'training-and-events/long-gone/index.html'))).toBe(false);
    expect(existsSync(path.join(dist, 'training-and-events/not-yet-announced/index.html'))).toBe(false);
    expect(existsSync(path.join(dist, 'case-studies/withdrawn/index.html'))).toBe(false);
    const feed = readFileSync(path.join(dist, 'training-and-events/events.ics'), 'utf8');
    expect(feed).toContain('Coming up');
    expect(feed).not.toContain('Long gone');
    expect(readFileSync(path.join(dist, 'training-and-events/index.html'), 'utf8')).not.toContain('Long gone');
    expect(readdirSync(path.join(dist, 'training-and-events'))).not.toContain('long-gone.ics');
  } finally {
    project.remove();
  }
});

for (const javaScriptEnabled of [true, false]) {
  test(`a booking enquiry, with JavaScript ${javaScriptEnabled ? 'on' : 'off'}, reaches the bookings inbox`, async ({
    browser,
    extraHTTPHeaders,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders });
    const page = await context.newPage();
    const [id] = builtEventIds();
    await page.goto(`/training-and-events/${id}/`);
    await page.getByRole('link', { name: /Ask (about a place|to join the waiting list)/ }).click();
    await expect(page.getByRole('heading', { name: 'Ask about a place', level: 1 })).toBeVisible();
    const eventBox = page.getByLabel('Which course or event?');
    await expect(eventBox).not.toHaveValue('');
    const name = `Booker ${javaScriptEnabled ? 'On' : 'Off'} ${Date.now()}`;
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('link', { name: 'Select how many places you would like' })).toBeVisible();
    await page.getByLabel('2', { exact: true }).check();
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email address').fill(`booker.${javaScriptEnabled ? 'on' : 'off'}@example.org`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    if (javaScriptEnabled) {
      // axe runs as script; the same markup without JavaScript is checked in forms.spec.ts.
      const violations = await wcagViolations(page);
      expect(violations.map((v) => v.id)).toEqual([]);
    }
    await page.getByRole('button', { name: 'Send enquiry' }).click();
    await expect(page.getByRole('heading', { name: 'Enquiry sent' })).toBeVisible();
    await expect(page.getByText('Your place is not booked until we confirm it.')).toBeVisible();
    const reference = (await page.locator('[data-reference]').textContent())!;
    const staff = await mail.waitFor(`[${reference}] New booking enquiry`);
    expect(staff.to).toEqual(['bookings@test.invalid']);
    expect(decode(staff.raw)).toContain(name);
    await context.close();
  });
}
