import { expect, type Page } from '@playwright/test';
import { builtPages, fileForPath } from '../support/dist.ts';
import { test } from '../support/e2e.ts';

async function resultTitles(page: Page, query: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.getByRole('status')).toContainText(/results? for/);
  return page.locator('[data-search-list] li .search-result__title').allTextContents();
}

test('a word from one case study finds that case study first', async ({ reader: page }) => {
  // "burgled" appears only in the burglary case study (other pages list "burglary" as a search word).
  await page.goto('/search/?q=burgled');
  const results = page.locator('[data-search-list] li');
  await expect(page.getByRole('status')).toContainText(/\d+ results? for “burgled”/);
  await expect(results.first().getByRole('link')).toHaveText('Letters after a burglary');
  await results.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/case-studies\/burglary-letters\/$/);
});

test('the header search box runs the query on the search page and keeps it', async ({ reader: page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const header = page.getByRole('banner').getByRole('search');
  // The box has a label people can see, not only one for screen readers.
  await expect(header.getByText('Search this site')).toBeVisible();
  await header.getByRole('searchbox', { name: 'Search this site' }).fill('neighbours');
  await header.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=neighbours/);
  await expect(page.getByRole('status')).toContainText(/\d+ results? for “neighbours”/);
  await expect(page.getByLabel('Search for')).toHaveValue('neighbours');
  await expect(header.getByRole('searchbox')).toHaveValue('neighbours');
  // With results on screen, the list of every page does not follow them.
  await expect(page.getByRole('heading', { name: 'All pages' })).toBeHidden();
});

for (const [word, title] of [
  ['offender', 'Questions if you caused harm'],
  ['mediation', 'Ways of taking part'],
]) {
  test(`the words people use find the pages that use others: “${word}”`, async ({ reader: page }) => {
    await page.goto(`/search/?q=${word}`);
    await expect(page.getByRole('status')).toContainText(new RegExp(`\\d+ results? for “${word}”`));
    const titles = await page.locator('[data-search-list] li .search-result__title').allTextContents();
    expect(
      titles.some((text) => text.startsWith(title)),
      titles.join(' | '),
    ).toBe(true);
  });
}

test('the type filter narrows the results to that type', async ({ reader: page }) => {
  await page.goto('/search/?q=facilitator');
  await expect(page.getByRole('status')).toContainText(/results for “facilitator”/);
  const all = await page.locator('[data-search-list] li').count();
  await page.getByLabel('Type of page').selectOption('Case study');
  await expect(page.getByRole('status')).toContainText('in case study pages');
  await expect(page).toHaveURL(/type=Case\+study/);
  const types = await page.locator('[data-search-list] .search-result__type').allTextContents();
  expect(types.length).toBeGreaterThan(0);
  expect(types.length).toBeLessThan(all);
  expect(new Set(types)).toEqual(new Set(['Case study']));
});

test('search says so when nothing matches', async ({ reader: page }) => {
  await page.goto('/search/?q=zzxqvw');
  await expect(page.getByRole('status')).toContainText('No results for “zzxqvw”');
});

test('the header, navigation and footer are not indexed', async ({ reader: page }) => {
  // "Cookies" is a footer link on every page, but the subject of only a few pages' own words.
  await page.goto('/search/?q=cookies');
  await expect(page.getByRole('status')).toContainText(/\d+ results? for “cookies”/);
  const titles = await page.locator('[data-search-list] .search-result__title').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.length, titles.join(' | ')).toBeLessThan(5);
  expect(titles.some((title) => title.startsWith('Cookies'))).toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page says search needs JavaScript and lists every page', async ({ page }) => {
    await page.goto('/search/?q=burgled');
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    const allPages = page.getByRole('heading', { name: 'All pages' });
    await expect(allPages).toBeVisible();
    await expect(page.getByRole('link', { name: 'Letters after a burglary' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Privacy notice' }).first()).toBeVisible();
  });
});

test('“victim” puts the questions for people who were harmed in the first three results', async ({ reader: page }) => {
  // The page lists “victim” among its other search words, which weigh as a heading does.
  const titles = await resultTitles(page, 'victim');
  expect(titles.slice(0, 3), titles.join(' | ')).toContain('Questions if you were harmed');
});

test('every excerpt is made of words its page shows, never the hidden search words', async ({ reader: page }) => {
  test.setTimeout(120_000);
  const pageText = new Map<string, string>();
  let checked = 0;
  for (const query of ['victim', 'offender', 'mediation', 'referral', 'school', 'apology']) {
    await page.goto(`/search/?q=${query}`);
    await expect(page.getByRole('status')).toContainText(/results? for/);
    // The first eight results, then each one's page, as a person would open it.
    const results = (
      await page.locator('[data-search-list] li').evaluateAll((items) =>
        items.map((item) => ({
          href: item.querySelector('a')!.getAttribute('href')!,
          excerpt: item.querySelector('p')!.textContent!,
        })),
      )
    ).slice(0, 8);
    for (const { href, excerpt } of results) {
      if (!pageText.has(href)) {
        await page.goto(href);
        pageText.set(href, (await page.locator('body').innerText()).toLowerCase());
      }
      const shown = pageText.get(href)!;
      for (const word of excerpt.toLowerCase().split(/[\s…]+/)) {
        const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
        if (bare) expect(shown, `“${bare}” in the excerpt for ${href} (“${query}”)`).toContain(bare);
      }
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(30);
});

test('an example event is never a search result, even for its own title', async ({ reader: page }) => {
  const examples = builtPages().filter(
    (path) => path.startsWith('/training-and-events/') && fileForPath(path)!.includes('data-example-event'),
  );
  expect(examples.length).toBeGreaterThan(0);
  for (const path of examples) {
    const title = fileForPath(path)!
      .match(/<h1[^>]*>([^<]+)</)![1]
      .trim();
    await page.goto(`/search/?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole('status')).toContainText(/results? for/);
    const hrefs = await page
      .locator('[data-search-list] li a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs, title).not.toContain(path);
  }
});
