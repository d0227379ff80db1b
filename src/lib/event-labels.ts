import type { eventPlaces } from '../model/content.ts';

/** What each "places" choice says to a visitor. */
export const PLACES_LABEL: Record<(typeof eventPlaces)[number], string> = {
  open: 'Places available',
  'few-left': 'Only a few places left',
  full: 'Full: ask to join the waiting list',
};
