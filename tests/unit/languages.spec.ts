import { expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkitten';
import { parse } from 'yaml';
import { languageRecords } from '../../integrations/pagefind.ts';
import { EXTENDED, MAIN, unicodeRange } from '../../scripts/lib/font-subsets.ts';
import { checkLanguageFile, languageLink, listedLanguages, translationChecked } from '../../src/lib/languages.ts';
import { languageSchema } from '../../src/model/content.ts';

/**
 * Pages in other languages: the content model refuses what would break a page, the list is
 * staff's (order, retired), a translation counts as checked only with a name and a day, the
 * Latin-script pages' letters are all in the site's typeface, and the English search index gets
 * each page by its own name.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const LANGUAGES = path.join(ROOT, 'content', 'languages');
const frontMatter = (file: string) =>
  parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(LANGUAGES, file), 'utf8'))![1]) as Record<string, unknown>;
const files = readdirSync(LANGUAGES).filter((file) => file.endsWith('.md'));

const entry = (over: Record<string, unknown> = {}) => ({ ...frontMatter('pl.md'), ...over });

test('every language file passes the content model and is named by its code', () => {
  for (const file of files) {
    const data = languageSchema.parse(frontMatter(file));
    expect(() => checkLanguageFile(file.replace(/\.md$/, ''), data.lang), file).not.toThrow();
  }
  expect(() => checkLanguageFile('polish', 'pl')).toThrow('rename the file to pl.md');
});

test('the content model refuses a quick exit hint without the Shift key, a bad code or a missing direction word', () => {
  const keys = languageSchema.safeParse(
    entry({ quickExit: { ...(entry().quickExit as object), keys: 'Naciśnij 3 razy.' } }),
  );
  expect(keys.success).toBe(false);
  expect(JSON.stringify(keys.error?.issues)).toContain('Shift');
  expect(languageSchema.safeParse(entry({ lang: 'Polish' })).success).toBe(false);
  expect(languageSchema.safeParse(entry({ dir: 'up' })).success).toBe(false);
  expect(languageSchema.parse(entry({ dir: undefined })).dir).toBe('ltr');
  expect(languageSchema.parse(entry()).contact.confirmed).toBe(false);
});

test('the list leaves out retired languages and follows staff’s order, then the English name', () => {
  const data = (englishName: string, order: number, listed = true) => ({
    data: {
      lang: englishName.slice(0, 2),
      name: englishName,
      englishName,
      dir: 'ltr' as const,
      listed,
      order,
      review: {},
    },
  });
  const list = listedLanguages([data('Urdu', 20), data('Polish', 10), data('Arabic', 20), data('Welsh', 5, false)]);
  expect(list.map((item) => item.data.englishName)).toEqual(['Polish', 'Arabic', 'Urdu']);
});

test('a translation is checked only once both the translator and the day are recorded', () => {
  expect(translationChecked({})).toBe(false);
  expect(translationChecked({ translator: 'A. Name' })).toBe(false);
  expect(translationChecked({ translator: '  ', checkedOn: new Date('2026-11-01') })).toBe(false);
  expect(translationChecked({ checkedOn: new Date('2026-11-01') })).toBe(false);
  expect(translationChecked({ translator: 'A. Name', checkedOn: new Date('not a day') })).toBe(false);
  expect(translationChecked({ translator: 'A. Name', checkedOn: new Date('2026-11-01') })).toBe(true);
});

test('a link to a language says its language and that it is the same page in another language', () => {
  expect(languageLink({ lang: 'ur', name: 'اردو', dir: 'rtl' }, '/languages/ur/')).toEqual({
    href: '/languages/ur/',
    text: 'اردو',
    lang: 'ur',
    hreflang: 'ur',
    dir: 'rtl',
    rel: 'alternate',
  });
});

test('every letter of the Latin-script pages is in the typeface’s main or extra file, and fonts.css says which', () => {
  const letters = new Set<string>();
  for (const file of files) {
    const text = readFileSync(path.join(LANGUAGES, file), 'utf8');
    for (const letter of text.match(/[\u00c0-\u024f]/g) ?? []) letters.add(letter);
  }
  const main = new Set(MAIN);
  const extended = new Set(EXTENDED);
  expect([...letters].filter((letter) => !main.has(letter) && !extended.has(letter))).toEqual([]);
  // The files hold the glyphs, not only the list.
  const font = (name: string) =>
    (fontkit as unknown as { create(data: Buffer): { hasGlyphForCodePoint(code: number): boolean } }).create(
      readFileSync(path.join(ROOT, 'src', 'assets', 'fonts', name)),
    );
  for (const weight of ['400', '700']) {
    const base = font(`atkinson-hyperlegible-${weight}.woff2`);
    const ext = font(`atkinson-hyperlegible-ext-${weight}.woff2`);
    for (const letter of letters) {
      const code = letter.codePointAt(0)!;
      expect(main.has(letter) ? base.hasGlyphForCodePoint(code) : ext.hasGlyphForCodePoint(code), letter).toBe(true);
    }
  }
  const css = readFileSync(path.join(ROOT, 'src', 'styles', 'fonts.css'), 'utf8');
  const ranges = [...css.matchAll(/unicode-range:\s*([^;]+);/g)].map((m) => m[1].replace(/\s+/g, ' ').trim());
  expect(ranges).toEqual([unicodeRange(EXTENDED), unicodeRange(EXTENDED)]);
});

test('the English search index gets each built page in another language by its own name and its English name', () => {
  const site = mkdtempSync(path.join(tmpdir(), 'languages-'));
  for (const [code, name, english, heading] of [
    ['ur', 'اردو', 'Urdu', 'اردو میں مدد'],
    ['pl', 'Polski', 'Polish', 'Pomoc'],
  ]) {
    mkdirSync(path.join(site, 'languages', code), { recursive: true });
    writeFileSync(
      path.join(site, 'languages', code, 'index.html'),
      `<html lang="${code}"><main><h1 data-astro-cid-x>${heading}</h1><div hidden data-search-terms data-pagefind-weight="6">\n ${name}, ${english}\n</div></main></html>`,
    );
  }
  expect(languageRecords(site, 'en-GB')).toEqual([
    {
      url: '/languages/pl/#main-content',
      language: 'en-GB',
      content: 'Polski Polish. Pomoc',
      meta: { title: 'Polski (Polish)' },
      filters: { type: ['Language'] },
    },
    {
      url: '/languages/ur/#main-content',
      language: 'en-GB',
      content: 'اردو Urdu. اردو میں مدد',
      meta: { title: 'اردو (Urdu)' },
      filters: { type: ['Language'] },
    },
  ]);
  expect(languageRecords(path.join(site, 'nowhere'), 'en-GB')).toEqual([]);
});
