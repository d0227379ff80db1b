/**
 * GOV.UK's character count, in words (without its "You have": the person typing may be
 * answering for someone else, and every word of those questions is about them): what the live message under a long answer says as the
 * person types (src/scripts/form.ts shows it; without JavaScript the hint gives the limit).
 * Characters are counted as validation counts them (fields.ts): code points, not UTF-16 units.
 * In the form's language, with its plural forms (Polish and Arabic have more than two).
 */
import { ENGLISH_UI, plural, type FormUi } from './ui.ts';

export interface CharacterCount {
  text: string;
  over: boolean;
}

export function characterCount(value: string, max: number, ui: FormUi = ENGLISH_UI): CharacterCount {
  const left = max - [...value].length;
  const over = left < 0;
  const n = Math.abs(left);
  // Digits as the rest of the site writes them (and as the hint's limit is written).
  return { text: plural(over ? ui.tooMany : ui.remaining, n, ui.lang, n.toLocaleString('en-GB')), over };
}

/** The message alone, in English: what an English form's count says. */
export function characterCountMessage(value: string, max: number, ui: FormUi = ENGLISH_UI): string {
  return characterCount(value, max, ui).text;
}
