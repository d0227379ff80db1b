import { expect } from '@playwright/test';
import { wcagViolations } from '../support/axe.ts';
import { test } from '../support/e2e.ts';
import { EXAMPLE_PLACES, PLACES_LABEL } from '../../src/lib/event-facts.ts';
import ICAL from 'ical.js';
import { TEST_RUN } from '../../playwright.config.ts';
import { PINNED_NOW } from '../fixtures/pinned-date.ts';
import { builtPages } from '../support/dist.ts';
import { decode, savedMail, waitForMail } from '../support/smtp.ts';

/**
 * Courses and events as visitors and staff rely on them: calendars get exactly what is to come,
 * and a booking enquiry reaches its inbox. That what has passed is gone from the site by itself
 * is tested on a production build (tests/e2e/project-copy.spec.ts).
 */
const mail = { waitFor: (text: string) => waitForMail(() => savedMail(TEST_RUN.mailDir), text) };

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

test('the events page lists every event still to come, each with its date, place and places', async ({
  reader: page,
}) => {
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
