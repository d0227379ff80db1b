/**
 * Pages in other languages: which are on the site, in what order, and whether a translator's
 * check is recorded. Pure functions over the entries' data, so they are unit tested without a
 * build (tests/unit/languages.spec.ts); src/lib/collections.ts loads the entries.
 */

/** The notice's English half: shown under the same words in the page's language. */
export const AWAITING_CHECK_ENGLISH = 'This translation is waiting to be checked by a qualified translator.';

/** The quick exit's words: English by default, a page in another language gives its own. */
export interface QuickExitWords {
  label: string;
  /** Names the key as "Shift", which the bar shows as a key. */
  keys: string;
  safety: string;
  loading: string;
  /** The safety page is in English: said on links from pages in other languages. */
  safetyHreflang?: string;
}

export const ENGLISH_QUICK_EXIT: QuickExitWords = {
  label: 'Exit this page',
  keys: 'Or press Shift 3 times.',
  safety: 'Staying safe online',
  loading: 'Loading.',
};

export interface LanguageData {
  lang: string;
  name: string;
  englishName: string;
  dir: 'ltr' | 'rtl';
  listed: boolean;
  order: number;
  review: { translator?: string; checkedOn?: Date };
}

/** The languages on the site, in the order staff gave, then by English name. */
export function listedLanguages<T extends { data: LanguageData }>(entries: T[]): T[] {
  return entries
    .filter((entry) => entry.data.listed)
    .sort((a, b) => a.data.order - b.data.order || a.data.englishName.localeCompare(b.data.englishName, 'en'));
}

/** A translation counts as checked only with both the translator's name and the day. */
export function translationChecked(review: LanguageData['review']): boolean {
  return (
    Boolean(review.translator?.trim()) && review.checkedOn instanceof Date && !Number.isNaN(review.checkedOn.getTime())
  );
}

/**
 * The entry's file name must be its language code: the page's address (/languages/pl/) and its
 * `lang` attribute then cannot disagree. The build stops with what to fix.
 */
export function checkLanguageFile(id: string, lang: string): void {
  if (id !== lang)
    throw new Error(`content/languages/${id}.md: its language code is “${lang}”: rename the file to ${lang}.md`);
}

/** What BaseLayout needs to show a page in the language: its code, direction, skip link and quick exit. */
export function layoutLanguage(data: {
  lang: string;
  dir: 'ltr' | 'rtl';
  skipLink: string;
  quickExit: Omit<QuickExitWords, 'safetyHreflang'>;
}) {
  // The safety page the quick exit links to is in English.
  return {
    lang: data.lang,
    dir: data.dir,
    skipLink: data.skipLink,
    quickExit: { ...data.quickExit, safetyHreflang: 'en-GB' },
  };
}

/** A link to a page in a language, as GOV.UK's translation navigation marks it. */
export function languageLink(data: Pick<LanguageData, 'lang' | 'name' | 'dir'>, href: string) {
  return { href, text: data.name, lang: data.lang, hreflang: data.lang, dir: data.dir, rel: 'alternate' as const };
}
