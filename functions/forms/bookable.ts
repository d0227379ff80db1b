/**
 * A booking enquiry names an event the site lists and that is still to come: the build's list
 * (src/lib/bookable.ts, bundled with the function: netlify.toml), read once per function instance. Without the list (a deploy that lost
 * it) enquiries are taken as they come, and the log says so, rather than turn everyone away.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BookableList } from '../../src/lib/bookable.ts';
import type { Values } from '../../src/forms/fields.ts';

const read = new Map<string, BookableList | undefined>();

export function loadBookable(file = path.join(process.cwd(), 'dist', 'training-and-events', 'bookable-events.json')) {
  if (!read.has(file)) {
    let list: BookableList | undefined;
    try {
      list = JSON.parse(readFileSync(file, 'utf8')) as BookableList;
    } catch {
      list = undefined;
    }
    read.set(file, list);
  }
  return read.get(file);
}

export const NOT_LISTED = 'Choose a course or event from our list: this one is not on it, or has already happened';

/** The error for the event answer, if any; `list` undefined when the list could not be read. */
export function bookingProblem(values: Values, list: BookableList | undefined, now: number): string | undefined {
  if (!list) return undefined;
  const today = list.asOf ? Date.parse(list.asOf) : now;
  const event = list.events.find((entry) => entry.name === values.event);
  return event && Date.parse(event.ends) > today ? undefined : NOT_LISTED;
}
