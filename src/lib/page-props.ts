import type { CollectionEntry } from 'astro:content';

/** What every page of the `pages` collection gives its layout: heading, description, search words. */
export function pageLayoutProps(page: CollectionEntry<'pages'>) {
  return {
    title: page.data.title,
    description: page.data.summary,
    lede: page.data.lede,
    searchType: 'Page',
    searchTerms: page.data.searchTerms,
    illustration: page.data.illustration,
  };
}
