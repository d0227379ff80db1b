import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { DIST, readBuilt } from '../support/dist.ts';
import { test } from '../support/e2e.ts';

/**
 * Help in your language: each page in another language is in that language and direction from
 * the skip link and the quick exit down, mirrors when written right to left, fits a 320 px
 * screen and the page budget, and can be found from the home page's first screen, the referral
 * page, Contact, and the English search by its own name. (Every page, these among them, is also
 * checked by axe with no request to another site: every-page.spec.ts.) The expected words come
 * from each language's content file, never from this test.
 */
const LANGUAGES_DIR = path.resolve(import.meta.dirname, '..', '..', 'content', 'languages');

interface Language {
  id: string;
  lang: string;
  name: string;
  englishName: string;
  dir: 'ltr' | 'rtl';
  listed?: boolean;
  title: string;
  skipLink: string;
  quickExit: { label: string; keys: string; safety: string; loading: string };
  review: { awaiting: string; translator?: string };
  contact: { safeToCall: string };
}

const languages: Language[] = readdirSync(LANGUAGES_DIR)
  .filter((file) => file.endsWith('.md'))
  .map((file) => {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(LANGUAGES_DIR, file), 'utf8'))![1];
    return { id: file.replace(/\.md$/, ''), ...parse(front) } as Language;
  })
  .filter((language) => language.listed !== false);

const NEUTRAL_SITE = /bbc\.co\.uk\/weather/;
async function standInForNeutralSite(page: Page) {
  await page.route('https://www.bbc.co.uk/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }),
  );
}

test('there are at least six languages, at least one written right to left', () => {
  expect(languages.length).toBeGreaterThanOrEqual(6);
  expect(languages.some((language) => language.dir === 'rtl')).toBe(true);
});

for (const language of languages) {
  test.describe(`${language.englishName} (/languages/${language.id}/)`, () => {
    test('is in its language and direction, with the skip link and quick exit in it', async ({ page, baseURL }) => {
      await standInForNeutralSite(page);
      await page.goto(`/languages/${language.id}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', language.lang);
      await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(language.title);
      // The header and footer stay in English and say so, so a screen reader reads them as English.
      await expect(page.getByRole('banner').locator('xpath=..')).toHaveAttribute('lang', 'en-GB');
      await expect(page.getByRole('contentinfo').locator('xpath=..')).toHaveAttribute('lang', 'en-GB');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: language.skipLink })).toBeFocused();
      await page.keyboard.press('Tab');
      const exit = page.getByRole('link', { name: language.quickExit.label, exact: true });
      await expect(exit).toBeFocused();
      await expect(page.locator('[data-quick-exit-keys]')).toHaveText(language.quickExit.keys);
      await expect(page.getByRole('link', { name: language.quickExit.safety })).toHaveAttribute('hreflang', 'en-GB');
      // It works: the page goes, blanked and renamed in its language, and Back does not return.
      await exit.click();
      await expect(page).toHaveURL(NEUTRAL_SITE);
      await page.goBack().catch(() => undefined);
      expect(page.url().startsWith(baseURL!)).toBe(false);
    });

    test('says, in its language and in English, that the translation awaits a check, until one is recorded', async ({
      reader: page,
    }) => {
      await page.goto(`/languages/${language.id}/`);
      const notice = page.locator('[data-translation-unchecked]');
      if (language.review.translator) return expect(notice).toHaveCount(0);
      await expect(notice).toContainText(language.review.awaiting);
      await expect(notice.locator('[lang="en-GB"]')).toContainText('waiting to be checked by a qualified translator');
    });

    test('says what to do if calling back is not safe, and leads to asking for a call back in the language', async ({
      reader: page,
    }) => {
      await page.goto(`/languages/${language.id}/`);
      const contact = page.locator('.language-page__contact');
      await expect(contact.locator('[data-safe-to-call]')).toHaveText(language.contact.safeToCall);
      // The way to choose how and when: the call-back form, in the same language and direction.
      await contact.locator('.language-page__call-back-link').click();
      await expect(page).toHaveURL(new RegExp(`/languages/${language.id}/call-back/$`));
      await expect(page.locator('html')).toHaveAttribute('lang', language.lang);
      await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
      await expect(page.locator('form[data-form]')).toBeVisible();
    });

    test('links to every other language by its own name, marked with its language, and back to English', async ({
      reader: page,
    }) => {
      await page.goto(`/languages/${language.id}/`);
      const nav = page.locator('main [data-language-nav]');
      for (const other of languages.filter((candidate) => candidate !== language)) {
        const link = nav.getByRole('link', { name: other.name, exact: true });
        await expect(link).toHaveAttribute('href', `/languages/${other.id}/`);
        await expect(link).toHaveAttribute('lang', other.lang);
        await expect(link).toHaveAttribute('hreflang', other.lang);
        await expect(link).toHaveAttribute('rel', 'alternate');
      }
      await expect(nav.getByRole('link', { name: 'English' })).toHaveAttribute('lang', 'en-GB');
      await expect(nav.getByRole('link', { name: language.name, exact: true })).toHaveCount(0);
    });

    test('with the fonts it needs, is within the 60 KB page budget', () => {
      const html = readBuilt(`/languages/${language.id}/`);
      const files = new Set([...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js|woff2))"/g)].map((m) => m[1]));
      // Fonts the stylesheets name by unicode-range count too: a Polish or Romanian page fetches one.
      for (const css of [...files].filter((file) => file.endsWith('.css')))
        for (const m of readFileSync(path.join(DIST, css), 'utf8').matchAll(/url\((\/_astro\/[^)]+\.woff2)\)/g))
          files.add(m[1]);
      let total = gzipSync(html).length;
      for (const file of files) {
        const bytes = readFileSync(path.join(DIST, file));
        total += file.endsWith('.woff2') ? bytes.length : gzipSync(bytes).length;
      }
      expect(total).toBeLessThan(60 * 1024);
    });
  });
}

test('a right-to-left page mirrors: its text starts at the right, its lists and boxes follow', async ({
  reader: page,
}) => {
  const rtl = languages.find((language) => language.dir === 'rtl')!;
  const ltr = languages.find((language) => language.dir === 'ltr')!;
  await page.setViewportSize({ width: 1280, height: 900 });
  const edges = async (id: string) => {
    await page.goto(`/languages/${id}/`);
    return page.evaluate(() => {
      const main = document.querySelector('main')!.getBoundingClientRect();
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const heading = box('h1');
      const paragraph = box('main .prose p');
      const phrase = getComputedStyle(document.querySelector('.language-page__phrase')!);
      return {
        main: { left: main.left, right: main.right },
        heading: { left: heading.left, right: heading.right },
        paragraph: { left: paragraph.left, right: paragraph.right },
        phraseBorder: { left: phrase.borderLeftWidth, right: phrase.borderRightWidth },
      };
    });
  };
  const right = await edges(rtl.id);
  // The inline start edge is the right one: the heading and the text begin there, not at the left.
  expect(Math.abs(right.heading.right - right.main.right)).toBeLessThan(2);
  expect(Math.abs(right.paragraph.right - right.main.right)).toBeLessThan(2);
  expect(right.heading.left - right.main.left).toBeGreaterThan(100);
  expect(right.phraseBorder).toEqual({ left: '0px', right: '6px' });
  const left = await edges(ltr.id);
  expect(Math.abs(left.heading.left - left.main.left)).toBeLessThan(2);
  expect(left.phraseBorder).toEqual({ left: '6px', right: '0px' });
});

test('Polish and Romanian letters are drawn in the site’s typeface, not another one mid-word', async ({
  reader: page,
}) => {
  for (const id of ['pl', 'ro'].filter((code) => languages.some((language) => language.id === code))) {
    await page.goto(`/languages/${id}/`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const loaded = await page.evaluate(async () => {
      const text = document.querySelector('main')!.textContent!;
      const letters = [...new Set(text.match(/[\u0100-\u024f]/g) ?? [])];
      return {
        letters,
        covered: letters.filter((letter) => document.fonts.check('16px "Atkinson Hyperlegible"', letter)),
        faces: [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.unicodeRange),
      };
    });
    expect(loaded.letters.length, id).toBeGreaterThan(0);
    expect(loaded.covered, id).toEqual(loaded.letters);
    // The small file with those letters was fetched for this page.
    expect(
      loaded.faces.some((range) => range !== 'U+0-10FFFF'),
      id,
    ).toBe(true);
  }
});

test.describe('on a 375 × 740 phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });
  test('the home page’s first screen lists every language by its own name, one tap from its page', async ({ page }) => {
    await page.goto('/');
    const nav = page.locator('main [data-language-nav]');
    for (const language of languages) {
      const link = nav.getByRole('link', { name: language.name, exact: true });
      await expect(link).toBeInViewport({ ratio: 1 });
      await expect(link).toHaveAttribute('lang', language.lang);
    }
    const first = languages[0];
    await nav.getByRole('link', { name: first.name, exact: true }).tap();
    await expect(page).toHaveURL(new RegExp(`/languages/${first.id}/$`));
    await expect(page.locator('html')).toHaveAttribute('lang', first.lang);
  });
});

test('the referral page and Contact list every language too, and the English list names each in English as well', async ({
  reader: page,
}) => {
  for (const pagePath of ['/refer/', '/contact/']) {
    await page.goto(pagePath);
    const nav = page.locator('main [data-language-nav]');
    await expect(nav.getByRole('link', { name: 'Help in your language' })).toHaveAttribute('href', '/languages/');
    for (const language of languages)
      await expect(nav.getByRole('link', { name: language.name, exact: true })).toHaveAttribute(
        'hreflang',
        language.lang,
      );
  }
  await page.goto('/languages/');
  for (const language of languages)
    await expect(page.locator('main li', { hasText: language.name })).toContainText(`(${language.englishName})`);
});

test('from the English search, a language’s own name in its own script finds its page', async ({ reader: page }) => {
  for (const language of languages) {
    await page.goto(`/search/?q=${encodeURIComponent(language.name)}`);
    await expect(page.getByRole('status')).toContainText(/results? for/);
    const first = page.locator('[data-search-list] li').first().getByRole('link');
    await expect(first, language.name).toHaveAttribute('href', `/languages/${language.id}/#main-content`);
    await first.click();
    await expect(page.locator('html')).toHaveAttribute('lang', language.lang);
  }
});

test('Contact says how to call through Relay UK and how someone who uses BSL can ask for an interpreter', async ({
  reader: page,
}) => {
  const settings = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '..', '..', 'content', 'settings', 'site.json'), 'utf8'),
  );
  await page.goto('/contact/');
  const access = page.locator('[data-contact-access]');
  await expect(access).toContainText(`18001 ${settings.phone}`);
  await expect(access).toContainText(settings.bsl);
  await expect(access.locator('[data-unconfirmed]')).toHaveCount(settings.bslConfirmed ? 0 : 1);
});
