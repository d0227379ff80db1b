/**
 * The facts of a course or event, in the words every place that shows them uses: the events
 * list, the event's page, the volunteer training dates, the booking enquiry, the calendar
 * files and the CMS preview. One source, so they cannot drift apart.
 */
import type { eventPlaces } from '../model/content.ts';
import { describeWhen, type EventTimes } from './events.ts';

export type Places = (typeof eventPlaces)[number];

export interface EventFactsInput extends EventTimes {
  place: string;
  online: boolean;
  audience: string;
  places: Places;
  /** An example date, not a confirmed one: it has no real places to count. */
  example?: boolean;
}

/** What an example date says of its places, whatever its "places" choice. */
export const EXAMPLE_PLACES = 'None yet: this is an example date';

/** What each "places" choice says to a visitor. */
export const PLACES_LABEL: Record<Places, string> = {
  open: 'Places available',
  'few-left': 'Only a few places left',
  full: 'Full: ask to join the waiting list',
};

/** Where it happens, as a visitor reads it. */
export const placeLabel = (event: Pick<EventFactsInput, 'online' | 'place'>) =>
  event.online ? 'Online, on a video call' : event.place;

/** The words of the event's button: a full event offers the waiting list. */
export const enquiryLabel = (event: Pick<EventFactsInput, 'places'>) =>
  event.places === 'full' ? 'Ask to join the waiting list' : 'Ask about a place';

/** The event named for a booking enquiry: its title and when, as on its page. */
export const enquiryName = (event: EventTimes & { title: string }) => `${event.title}, ${describeWhen(event)}`;

export interface EventFact {
  term: string;
  value: string;
  /** Which fact, for styling (a full event's places stand out). */
  name: 'when' | 'where' | 'audience' | 'places';
}

export function eventFacts(event: EventFactsInput): EventFact[] {
  return [
    { name: 'when', term: 'When', value: describeWhen(event) },
    { name: 'where', term: 'Where', value: placeLabel(event) },
    { name: 'audience', term: 'Who it is for', value: event.audience },
    { name: 'places', term: 'Places', value: event.example ? EXAMPLE_PLACES : PLACES_LABEL[event.places] },
  ];
}
