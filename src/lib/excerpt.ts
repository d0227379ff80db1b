/**
 * Search excerpts from the words a visitor can see. A page's "other words people search for"
 * are indexed as hidden text at the end of its <main> (BaseLayout.astro), so Pagefind's excerpt
 * for a match among them would show a list nobody wrote as prose, and the CMS promises staff it
 * is never shown. These functions cut that list off an excerpt, and give the page's opening
 * words instead when nothing visible is left.
 */
export interface Segment {
  text: string;
  marked: boolean;
}

/** Where the hidden words begin in `plain`, or -1: a tail of the text that starts the hidden list. */
function hiddenTailStart(plain: string, hidden: string): number {
  for (let i = 0; i < plain.length; i++) {
    // The hidden list follows a block of the page, which Pagefind closes with a full stop.
    if (i > 0 && !/[.!?]\s$/.test(plain.slice(0, i))) continue;
    // Pagefind ends the list, as any block, with a full stop of its own.
    const tail = plain.slice(i).trim().replace(/\.$/, '');
    if (tail && hidden.startsWith(tail)) return i;
  }
  return -1;
}

/** The excerpt without the page's hidden search words: [] when the excerpt is only those. */
export function visibleSegments(segments: Segment[], hidden: string | undefined): Segment[] {
  const words = hidden?.replace(/\s+/g, ' ').trim();
  if (!words) return segments;
  const plain = segments.map((segment) => segment.text).join('');
  if (words.includes(plain.replace(/\s+/g, ' ').trim().replace(/\.$/, ''))) return [];
  const cut = hiddenTailStart(plain.replace(/\s/g, ' '), words);
  if (cut < 0) return segments;
  const kept: Segment[] = [];
  let at = 0;
  for (const segment of segments) {
    const end = at + segment.text.length;
    if (at >= cut) break;
    kept.push(end <= cut ? segment : { ...segment, text: segment.text.slice(0, cut - at) });
    at = end;
  }
  const last = kept.at(-1);
  if (last) last.text = last.text.trimEnd();
  return kept.filter((segment) => segment.text);
}

/** The first words of the page's indexed text (its heading and opening), for an excerpt with no visible match. */
export function openingWords(content: string, count = 30): string {
  const words = content.split(/\s+/).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}
