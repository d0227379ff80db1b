/**
 * One card per kind of entry, so every list of links (section pages, related pages) shows a
 * service, a case study or a guide the same way wherever it appears.
 */
import type { CollectionEntry } from 'astro:content';
import type { Card } from '../components/CardList.astro';
import { urlFor } from '../model/collections.ts';

export function serviceCard(entry: CollectionEntry<'services'>): Card {
  return {
    kind: 'service',
    href: urlFor('services', entry.id),
    title: entry.data.title,
    // The summary already says whom a service is for; repeating "For: …" above it read twice.
    summary: entry.data.summary,
    illustration: entry.data.illustration,
  };
}

export function caseStudyCard(entry: CollectionEntry<'caseStudies'>): Card {
  return {
    kind: 'case-study',
    label: entry.data.illustrative ? 'Case study · illustrative example' : 'Case study',
    href: urlFor('caseStudies', entry.id),
    title: entry.data.title,
    summary: entry.data.summary,
    meta: `Setting: ${entry.data.setting}`,
    illustration: entry.data.illustration,
  };
}

export function explainerCard(entry: CollectionEntry<'explainers'>): Card {
  const isQuestions = entry.data.audience !== 'everyone';
  return {
    kind: 'guide',
    label: entry.data.easyRead ? 'Easy read guide' : isQuestions ? 'Questions and answers' : 'Guide',
    href: urlFor('explainers', entry.id),
    title: entry.data.title,
    summary: entry.data.summary,
    illustration: entry.data.illustration,
  };
}

export function pageCard(entry: CollectionEntry<'pages'>, href: string): Card {
  return {
    kind: 'page',
    href,
    title: entry.data.title,
    summary: entry.data.summary,
    illustration: entry.data.illustration,
  };
}
