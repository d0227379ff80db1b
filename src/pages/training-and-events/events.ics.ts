import type { APIRoute } from 'astro';
import { getEvents } from '../../lib/collections.ts';
import { calendarFile } from '../../lib/calendar.ts';

/** Every course and event still to come, for calendars to subscribe to. Rebuilt every night. */
export const GET: APIRoute = async ({ site }) => {
  const events = (await getEvents()).map((event) => ({ id: event.id, ...event.data }));
  const body = calendarFile(events, site!, 'Restorative Gloucestershire: training and events');
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
