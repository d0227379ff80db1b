import { expect, test } from 'vitest';
import { countSyllables, fleschReadingEase, mainText, readingEaseTarget } from '../../src/lib/readability.ts';

test('syllables are estimated from vowel groups', () => {
  expect(countSyllables('cat')).toBe(1);
  expect(countSyllables('table')).toBe(2);
  expect(countSyllables('restorative')).toBeGreaterThanOrEqual(3);
  expect(countSyllables('facilitator')).toBeGreaterThanOrEqual(4);
});

test('short plain sentences score high and long Latinate ones score low', () => {
  expect(fleschReadingEase('The cat sat on the mat. It was a sunny day.').score).toBeGreaterThan(90);
  const hard =
    'Notwithstanding organisational considerations, restorative interventions necessitate comprehensive multidisciplinary collaboration.';
  expect(fleschReadingEase(hard).score).toBeLessThan(10);
});

test('headings and list items count as sentences, and only <main> is read', () => {
  const html = '<nav>Menu words here</nav><main><h1>Title</h1><ul><li>One</li><li>Two</li></ul><p>Hi.</p></main>';
  expect(mainText(html)).toBe('Title\nOne\nTwo\nHi.');
  expect(fleschReadingEase(mainText(html)).sentences).toBe(4);
});

test('only what a reader reads is scored: no comments, no hidden search words, an email address as one word', () => {
  const html =
    '<main><!-- a note for developers --><p>Email us at someone.long-name@example.org.uk today.</p>' +
    '<div hidden data-search-terms data-pagefind-weight="6">victim, offender</div></main>';
  expect(mainText(html)).toBe('Email us at address today.');
});

test('legal pages are exempt and the easy read page has the higher target', () => {
  expect(readingEaseTarget('/privacy/')).toBeUndefined();
  expect(readingEaseTarget('/restorative-processes/easy-read/')).toBe(80);
  expect(readingEaseTarget('/refer/')).toBe(60);
  expect(readingEaseTarget('/languages/pl/')).toBeUndefined();
  expect(readingEaseTarget('/languages/')).toBe(60);
});
