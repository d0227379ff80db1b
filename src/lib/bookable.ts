/**
 * The events a booking enquiry may name, as the build writes them for the function
 * (src/pages/training-and-events/bookable-events.json.ts, bundled with the functions by
 * netlify.toml's included_files): the name the enquiry form fills in, when the event ends and
 * whether it is full. The function checks an enquiry against this list at the time it arrives.
 */
import { enquiryName } from './event-facts.ts';
import { eventTimes, type EventTimes } from './events.ts';

export interface Bookable {
  name: string;
  ends: string;
  places: string;
}

/**
 * The list as written: the events, and, when the build was pinned to a day (BUILD_DATE, the
 * tests' fixed date), that day, which the function then takes as today too, so a pinned site
 * and its function agree on what is still to come.
 */
export interface BookableList {
  asOf?: string;
  events: Bookable[];
}

export function bookableOf(events: (EventTimes & { title: string; places: string })[]): Bookable[] {
  return events.map((event) => ({
    name: enquiryName(event),
    ends: eventTimes(event).end.toISOString(),
    places: event.places,
  }));
}
