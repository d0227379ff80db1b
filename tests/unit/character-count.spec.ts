import { expect, test } from 'vitest';
import { characterCountMessage } from '../../src/forms/character-count.ts';

test('the character count says how many are left, or how many too many, in GOV.UK’s words, without “you”', () => {
  expect(characterCountMessage('', 300)).toBe('300 characters remaining');
  expect(characterCountMessage('a'.repeat(299), 300)).toBe('1 character remaining');
  expect(characterCountMessage('a'.repeat(300), 300)).toBe('0 characters remaining');
  expect(characterCountMessage('a'.repeat(301), 300)).toBe('1 character too many');
  expect(characterCountMessage('a'.repeat(1200), 1000)).toBe('200 characters too many');
  expect(characterCountMessage('', 1000)).toBe('1,000 characters remaining');
  // Counted as validation counts: an emoji is one character.
  expect(characterCountMessage('🙂'.repeat(10), 10)).toBe('0 characters remaining');
});
