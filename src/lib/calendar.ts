/** The iCalendar (RFC 5545) files of courses and events: the whole list, and one per event. */
import ical from 'ical-generator';
import { urlFor } from '../model/collections.ts';
import { placeLabel } from './event-facts.ts';
import { eventTimes, type EventTimes } from './events.ts';

export interface CalendarEvent extends EventTimes {
  id: string;
  title: string;
  summary: string;
  place: string;
  online: boolean;
}

/**
 * A value for a property the library writes as it is (the calendar's name, X-WR-CALNAME): one
 * line, with RFC 5545's TEXT escapes. A line break there would start a property of its own, or
 * whole events, in everyone's calendar. The other properties are escaped by ical-generator.
 */
export function calendarText(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .trim();
}

/** An iCalendar (RFC 5545) file of the events, each linking to its page on the site. */
export function calendarFile(events: CalendarEvent[], siteUrl: URL, name: string): string {
  const calendar = ical({
    name: calendarText(name),
    prodId: { company: 'Restorative Gloucestershire', product: 'Website' },
    url: siteUrl.href,
  });
  for (const event of events) {
    const { start, end } = eventTimes(event);
    const url = new URL(urlFor('events', event.id), siteUrl).href;
    calendar.createEvent({
      // Stable, so a calendar that subscribed updates the event instead of adding a copy.
      id: `${event.id}@${siteUrl.hostname}`,
      start,
      end,
      // A fixed stamp keeps the file the same from build to build unless an event changes.
      stamp: start,
      summary: event.title,
      description: `${event.summary}\n\nMore, and how to book: ${url}`,
      location: placeLabel(event),
      url,
    });
  }
  return calendar.toString();
}
