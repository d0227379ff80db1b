/**
 * The entries of collections served by the generic section pages (src/pages/[section]/), for
 * a collection that needs no pages of its own design: a list of cards and a page per entry.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sections, urlFor, type CollectionName } from '../model/collections.ts';
import type { Card } from '../components/CardList.astro';

/** What every page entry has (basePageSchema): enough for a list and a page. */
export type SectionEntry = CollectionEntry<CollectionName> & {
  data: { title: string; summary: string; searchTerms?: string; illustration?: Card['illustration'] };
};

export async function sectionEntries(name: CollectionName): Promise<SectionEntry[]> {
  const entries = (await getCollection(name)) as SectionEntry[];
  return entries.sort((a, b) => a.data.title.localeCompare(b.data.title));
}

export function sectionCard(name: CollectionName, entry: SectionEntry): Card {
  return {
    kind: 'page',
    href: urlFor(name, entry.id),
    title: entry.data.title,
    summary: entry.data.summary,
    illustration: entry.data.illustration,
  };
}

export { sections };
