/**
 * Flesch reading ease for English text: 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words).
 * 60 and above is plain English; 80 and above is easy to read. Syllables are estimated
 * from vowel groups, which is how readability tools usually do it.
 */
export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  score: number;
}

/** Text is split into sentences at . ! ? and at line breaks, so headings and list items count as sentences. */
export function fleschReadingEase(text: string): Readability {
  const sentences = text
    .split(/[.!?]+(?=\s|$)|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[a-z0-9]/i.test(s));
  const words = sentences.flatMap((s) => s.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)));
  const syllables = words.reduce((sum, w) => sum + countSyllables(w), 0);
  if (words.length === 0) return { words: 0, sentences: 0, syllables: 0, score: 100 };
  const score = 206.835 - 1.015 * (words.length / sentences.length) - 84.6 * (syllables / words.length);
  return { words: words.length, sentences: sentences.length, syllables, score: Math.round(score * 10) / 10 };
}

/** The readable text of a page's <main>, one block (heading, paragraph, list item, cell) per line. */
export function mainText(html: string): string {
  const main = html.match(/<main\b[^>]*>([\s\S]*?)<\/main>/)?.[1] ?? '';
  return (
    main
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
      // The hidden words search finds a page by are never read (BaseLayout.astro).
      .replace(/<div hidden data-search-terms[^>]*>[\s\S]*?<\/div>/g, ' ')
      .replace(/<\/(p|li|h[1-6]|dt|dd|td|th|caption|figcaption|blockquote|div)>/g, '\n')
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&#39;|&rsquo;|’/g, "'")
      .replace(/&[a-z#0-9]+;/g, ' ')
      // An email address is copied, not read: it counts as one word, not a dozen syllables.
      .replace(/[^\s@]+@[^\s@]+\.[a-z]+/gi, 'address')
      .replace(/[ \t]+/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join('\n')
  );
}

/** Pages that follow a set legal structure (the model accessibility statement, the ICO checklist). */
const READABILITY_EXEMPT = new Set(['/privacy/', '/accessibility/']);
const EASY_READ = new Set(['/restorative-processes/easy-read/']);

/** The lowest Flesch reading ease a page may have, or undefined when it is exempt. */
export function readingEaseTarget(pagePath: string): number | undefined {
  if (READABILITY_EXEMPT.has(pagePath)) return undefined;
  // Flesch's formula counts English syllables: a page in another language is checked by its
  // translator (content/languages/), not by this.
  if (/^\/languages\/[^/]+\/(call-back\/)?$/.test(pagePath)) return undefined;
  return EASY_READ.has(pagePath) ? 80 : 60;
}
