import { expect, test } from '@playwright/test';

test('a word from one case study finds that case study', async ({ page }) => {
  // "burgled" appears only in the burglary case study.
  await page.goto('/search/?q=burgled');
  const results = page.locator('[data-search-list] li');
  await expect(page.getByRole('status')).toContainText('1 result for “burgled”');
  await expect(results).toHaveCount(1);
  await expect(results.first().getByRole('link')).toHaveText('Letters after a burglary');
  await results.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/case-studies\/burglary-letters\/$/);
});

test('the header search box runs the query on the search page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search this site' }).fill('neighbours');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=neighbours/);
  await expect(page.getByRole('status')).toContainText(/\d+ results? for “neighbours”/);
  await expect(page.getByLabel('Search for')).toHaveValue('neighbours');
});

test('the type filter narrows the results to that type', async ({ page }) => {
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

test('search says so when nothing matches', async ({ page }) => {
  await page.goto('/search/?q=zzxqvw');
  await expect(page.getByRole('status')).toContainText('No results for “zzxqvw”');
});

test('the header, navigation and footer are not indexed', async ({ page }) => {
  // "Accessibility statement" is a footer link on every page, but a heading only on one page.
  await page.goto('/search/?q=cookies');
  const titles = await page.locator('[data-search-list] .search-result__title').allTextContents();
  expect(titles.length).toBeLessThan(5);
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
