import { expect, test } from 'vitest';
import ICAL from 'ical.js';
import { calendarFile, calendarText, type CalendarEvent } from '../../src/lib/calendar.ts';
import { eventSchema } from '../../src/model/content.ts';

/**
 * Calendar files: whatever an event's words hold (a line break from a file edit or a pull
 * request, a semicolon, a comma), each event is one event, and the calendar's name one line.
 */
const SITE = new URL('https://example.org/');
const BREAKS = 'Course\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\nX-INJECTED:1\u2028\u0085end';

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id: 'course-one',
    title: 'Course one',
    summary: 'A day on restorative practice.',
    place: 'Gloucester',
    online: false,
    date: new Date('2027-04-01T00:00:00Z'),
    startTime: '09:30',
    endTime: '16:00',
    ...overrides,
  } as CalendarEvent;
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

test('a calendar file from a title with line breaks parses to exactly one event, named on one line', () => {
  const text = calendarFile([event({ title: BREAKS, summary: BREAKS, place: BREAKS })], SITE, BREAKS);
  const { calendar, events } = parse(text);
  expect(events).toHaveLength(1);
  expect(events[0].summary).toBe(BREAKS.replace(/\r\n|\r/g, '\n'));
  expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(calendarText(BREAKS));
  expect(calendar.getFirstPropertyValue('x-injected')).toBeNull();
  const lines = text.split('\r\n');
  for (const line of lines) expect(line).not.toMatch(/^(X-INJECTED|SUMMARY:Injected)/);
  expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
});

test('the calendar name keeps its words: breaks become spaces, and RFC 5545’s special characters are escaped', () => {
  expect(calendarText('A\r\nB')).toBe('A B');
  expect(calendarText('Mediation; one day, online \\ in person')).toBe('Mediation\\; one day\\, online \\\\ in person');
  const text = calendarFile([event()], SITE, 'Mediation; one day, online');
  expect(text.split('\r\n')).toContain('X-WR-CALNAME:Mediation\\; one day\\, online');
  expect(text.split('\r\n')).toContain('NAME:Mediation\\; one day\\, online');
});

test('an event’s title must be one line: a file with a line break in it fails the build, naming the field', () => {
  const result = eventSchema.safeParse({ title: 'Two\nlines' });
  expect(result.success).toBe(false);
  expect(result.error?.issues.find((issue) => issue.path[0] === 'title')?.message).toBe('Title must be one line');
  for (const title of ['One\rline', 'One\u2028line', 'One\u0085line'])
    expect(eventSchema.safeParse({ title }).error?.issues.some((issue) => issue.path[0] === 'title')).toBe(true);
});
