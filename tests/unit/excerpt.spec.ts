import { expect, test } from 'vitest';
import { openingWords, visibleSegments, type Segment } from '../../src/lib/excerpt.ts';

// Pagefind's excerpts as the search page gets them: text runs, the matched words marked.
const run = (text: string, marked = false): Segment => ({ text, marked });
const text = (segments: Segment[]) => segments.map((segment) => segment.text).join('');
const HIDDEN = 'victim, victims, victim of crime, burglary';

test('the page’s hidden search words are cut off the end of an excerpt, its visible words kept', () => {
  const excerpt = [
    run('Phone or email us. How to make a '),
    run('referral', true),
    run('. '),
    run('victim', true),
    run(', victims, victim of crime.'),
  ];
  const visible = visibleSegments(excerpt, HIDDEN);
  expect(text(visible)).toBe('Phone or email us. How to make a referral.');
  expect(visible.filter((segment) => segment.marked).map((segment) => segment.text)).toEqual(['referral']);
});

test('an excerpt cut inside a marked word keeps only the visible part of it', () => {
  const excerpt = [run('ask us. victim', true), run(', victims')];
  expect(visibleSegments(excerpt, HIDDEN)).toEqual([run('ask us.', true)]);
});

test('an excerpt made only of hidden words leaves nothing, so the page’s opening is shown instead', () => {
  expect(visibleSegments([run('victims, '), run('victim', true), run(' of crime.')], HIDDEN)).toEqual([]);
});

test('an excerpt without hidden words, or a page without any, is left as it is', () => {
  const excerpt = [run('A '), run('victim', true), run(' of crime can ask us.')];
  expect(visibleSegments(excerpt, HIDDEN)).toEqual(excerpt);
  expect(visibleSegments(excerpt, undefined)).toEqual(excerpt);
  expect(visibleSegments(excerpt, '  ')).toEqual(excerpt);
  // A visible sentence ending in a word the list starts with is not cut: the list follows a full stop.
  const ending = [run('Support for every '), run('victim', true)];
  expect(visibleSegments(ending, HIDDEN)).toEqual(ending);
});

test('the opening words are the first thirty, marked as cut when there are more', () => {
  const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
  expect(openingWords(words.join(' '))).toBe(`${words.slice(0, 30).join(' ')}…`);
  expect(openingWords('Make a  referral.\nAnyone can ask.')).toBe('Make a referral. Anyone can ask.');
});
