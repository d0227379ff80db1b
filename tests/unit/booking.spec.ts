import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bookingProblem, loadBookable, NOT_LISTED } from '../../functions/forms/bookable.ts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { bookableOf } from '../../src/lib/bookable.ts';
import { enquiryName } from '../../src/lib/event-facts.ts';
import { logsOf } from '../support/logs.ts';
import { BOOKABLE_EVENT, checkThenSend, formRequest, startPipeline, type Pipeline } from '../support/pipeline.ts';

/** A booking enquiry names an event the site lists and that is still to come. */
const form = SERVER_FORMS['booking-enquiry'];
const ANSWERS = { places: '1', fullName: 'Sam Booker', email: 'sam.booker@example.org' };
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => pipeline.stop());

test('an enquiry for a listed event to come is taken; any other event gets the question again with why, on both paths', async () => {
  const { lines } = await logsOf(async () => {
    expect((await checkThenSend(pipeline, form, { ...ANSWERS, event: BOOKABLE_EVENT })).status).toBe(201);
    for (const event of ['Anything at all', `${BOOKABLE_EVENT} `.repeat(2), 'constructor']) {
      const json = await pipeline.handler(form)(formRequest(form.endpoint, { ...ANSWERS, event, action: 'check' }));
      expect(json.status, event).toBe(422);
      expect(await json.json()).toEqual({ errors: { event: NOT_LISTED } });
      const page = await pipeline.handler(form)(
        formRequest(form.endpoint, { ...ANSWERS, event, action: 'check' }, { form: true }),
      );
      expect(page.status).toBe(422);
      expect(await page.text()).toContain(NOT_LISTED);
    }
    await pipeline.settle();
  });
  expect(lines.filter((line) => line.outcome === 'invalid')).toHaveLength(6);
  expect(pipeline.mail.received.filter((mail) => mail.to.includes('bookings@test.invalid'))).toHaveLength(1);
});

test('an event that has ended, or a list that cannot be read, decide as they should', async () => {
  const now = Date.parse('2027-03-12T15:30:00Z');
  const list = { events: [{ name: 'Course', ends: '2027-03-12T15:30:00.000Z', places: 'open' }] };
  expect(bookingProblem({ event: 'Course' }, list, now - 1)).toBeUndefined();
  expect(bookingProblem({ event: 'Course' }, list, now)).toBe(NOT_LISTED);
  expect(bookingProblem({ event: 'Other' }, list, now - 1)).toBe(NOT_LISTED);
  // A build pinned to a day (the tests' BUILD_DATE) is taken as today, whatever the clock says.
  const pinned = { ...list, asOf: '2027-03-12T12:00:00.000Z' };
  expect(bookingProblem({ event: 'Course' }, pinned, now + 365 * 86_400_000)).toBeUndefined();
  expect(bookingProblem({ event: 'Course' }, { ...list, asOf: '2027-03-12T15:30:00.000Z' }, 0)).toBe(NOT_LISTED);
  // Without the list, enquiries are taken, and the log tells an operator.
  expect(bookingProblem({ event: 'Anything' }, undefined, now)).toBeUndefined();
  const { result, lines } = await logsOf(async () =>
    form.check!({ event: 'Anything' }, { now, bookable: () => undefined }),
  );
  expect(result).toEqual({});
  expect(lines).toEqual([expect.objectContaining({ outcome: 'events-list-missing' })]);
});

test('the list the build writes: each event by the name its enquiry page fills in, and when it ends', () => {
  const event = {
    title: 'Course',
    date: new Date('2027-03-12T00:00:00Z'),
    startTime: '09:30',
    endTime: '15:30',
    places: 'full',
  };
  expect(bookableOf([event as never])).toEqual([
    { name: enquiryName(event as never), ends: '2027-03-12T15:30:00.000Z', places: 'full' },
  ]);
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-bookable-'));
  const file = path.join(dir, 'bookable-events.json');
  const written = { events: [{ name: 'A', ends: '2027-01-01T00:00:00.000Z', places: 'open' }] };
  writeFileSync(file, JSON.stringify(written));
  expect(loadBookable(file)).toEqual(written);
  expect(loadBookable(path.join(dir, 'none.json'))).toBeUndefined();
});
