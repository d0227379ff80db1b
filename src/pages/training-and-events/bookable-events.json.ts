import type { APIRoute } from 'astro';
import { getBookableEvents } from '../../lib/collections.ts';
import { bookableOf, type BookableList } from '../../lib/bookable.ts';
import { buildDate } from '../../lib/schedule.ts';

/** The events listed at build time, for the booking function (src/lib/bookable.ts). */
export const GET: APIRoute = async () => {
  const events = (await getBookableEvents()).map((event) => event.data);
  const list: BookableList = {
    ...(process.env.BUILD_DATE ? { asOf: buildDate().toISOString() } : {}),
    events: bookableOf(events),
  };
  return new Response(JSON.stringify(list), { headers: { 'Content-Type': 'application/json' } });
};
