import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { getEvents } from '../../lib/collections.ts';
import { calendarFile } from '../../lib/calendar.ts';

export const getStaticPaths = (async () =>
  (await getEvents()).map((event) => ({ params: { id: event.id }, props: { event } }))) satisfies GetStaticPaths;

/** One event, to add to a calendar. */
export const GET: APIRoute = async ({ site, props }) => {
  const { event } = props as { event: CollectionEntry<'events'> };
  const body = calendarFile([{ id: event.id, ...event.data }], site!, event.data.title);
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
