import { checkLanguageFile, listedLanguages } from './languages.ts';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { VOLUNTEER_TRAINING } from '../model/content.ts';
import { eventTimes, isUpcoming } from './events.ts';
import { buildDate, isLive } from './schedule.ts';
import { takesBookings } from './launch.ts';

const byOrderThenTitle = <T extends { data: { order: number; title: string } }>(a: T, b: T) =>
  a.data.order - b.data.order || a.data.title.localeCompare(b.data.title);

export async function getServices(): Promise<CollectionEntry<'services'>[]> {
  return (await getCollection('services')).sort(byOrderThenTitle);
}

export async function getExplainers(): Promise<CollectionEntry<'explainers'>[]> {
  return (await getCollection('explainers')).sort(byOrderThenTitle);
}

/** Newest first; only those due to be on the site today (see schedule.ts). */
export async function getCaseStudies(): Promise<CollectionEntry<'caseStudies'>[]> {
  const today = buildDate();
  return (await getCollection('caseStudies', (entry) => isLive(entry.data, today))).sort(
    (a, b) => b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title),
  );
}

/** Courses and events still to come and due on the site, soonest first. Past ones drop off at each build. */
export async function getEvents(): Promise<CollectionEntry<'events'>[]> {
  const today = buildDate();
  return (await getCollection('events', (entry) => isUpcoming(entry.data, today))).sort(
    (a, b) => eventTimes(a.data).start.getTime() - eventTimes(b.data).start.getTime(),
  );
}

/**
 * The events people can ask for a place on: on the production site (Netlify's CONTEXT), not an
 * example date, which is not a real event (src/lib/launch.ts).
 */
export async function getBookableEvents(): Promise<CollectionEntry<'events'>[]> {
  return (await getEvents()).filter((event) => takesBookings(event.data, process.env.CONTEXT));
}

/** The volunteer core training still to come: the volunteer pages list these. */
export async function getVolunteerTraining(): Promise<CollectionEntry<'events'>[]> {
  return (await getEvents()).filter((event) => event.data.kind === VOLUNTEER_TRAINING);
}

/** The national services on "Other help", in the order staff gave them. */
export async function getHelpServices(): Promise<CollectionEntry<'help'>[]> {
  return (await getCollection('help')).sort(
    (a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name),
  );
}

/** The short list staff chose ("Show in the short list"): the guide's endings, confirmations, Talk to us. */
export async function getShortListHelp(): Promise<CollectionEntry<'help'>[]> {
  return (await getHelpServices()).filter((service) => service.data.shortList);
}

/** A page entry that the site cannot do without: a missing one fails the build with its name. */
export async function getPage(id: string): Promise<CollectionEntry<'pages'>> {
  const entry = await getEntry('pages', id);
  if (!entry) throw new Error(`content/pages/${id}.md is missing`);
  return entry;
}

export async function getVolunteering(): Promise<CollectionEntry<'volunteering'>> {
  const entry = await getEntry('volunteering', 'volunteer-with-us');
  if (!entry) throw new Error('content/volunteering/volunteer-with-us.md is missing');
  return entry;
}

/** The pages in other languages on the site (not retired), in staff's order. */
export async function getLanguages(): Promise<CollectionEntry<'languages'>[]> {
  const entries = await getCollection('languages');
  for (const entry of entries) checkLanguageFile(entry.id, entry.data.lang);
  return listedLanguages(entries);
}
