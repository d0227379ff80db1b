import { expect, type Page } from '@playwright/test';
import { test } from '../support/e2e.ts';

const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';

/** The network here is closed, so the neutral site is answered by a stand-in page. */
async function standInForNeutralSite(page: Page) {
  await page.route('https://www.bbc.co.uk/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }),
  );
}

async function expectLeftAndNoWayBack(page: Page, baseURL: string) {
  await expect(page).toHaveURL(/bbc\.co\.uk\/weather/);
  await page.goBack().catch(() => undefined);
  // Back must not bring the visitor's page back into view.
  expect(page.url().startsWith(baseURL)).toBe(false);
}

test.beforeEach(async ({ page }) => standInForNeutralSite(page));

test('the Exit this page button leaves the site and Back does not return', async ({ page, baseURL }) => {
  await page.goto('/staying-safe-online/');
  await page.getByRole('link', { name: 'Exit this page' }).click();
  await expectLeftAndNoWayBack(page, baseURL!);
});

test('pressing Shift three times leaves the site and Back does not return', async ({ page, baseURL }) => {
  await page.goto('/refer/');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await expectLeftAndNoWayBack(page, baseURL!);
});

test('typing capital letters does not trigger the quick exit', async ({ page }) => {
  await page.goto('/search/');
  const box = page.getByLabel('Search for');
  await box.focus();
  // Each capital letter is typed with Shift held, as people type them: Shift goes up each time,
  // but with a letter between, so it is never three Shift presses in a row.
  for (const letter of 'ABCDEF') await page.keyboard.press(`Shift+${letter}`);
  await expect(box).toHaveValue('ABCDEF');
  // Leaving blanks the page and renames it at once, before the next site loads (quick-exit.ts):
  // every key event has been handled by the time the presses return, so neither has happened.
  await expect(page.locator('[data-quick-exit-cover]')).toBeHidden();
  expect(await page.title()).not.toBe('Loading.');
  await expect(page).toHaveURL(/\/search\//);
  // The same page does leave on three Shift presses in a row: the check above could see it.
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await expect(page).not.toHaveURL(/\/search\//);
});

test('the quick exit is the first thing after the skip link on every kind of page', async ({ page }) => {
  for (const path of ['/', '/case-studies/', '/privacy/']) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Exit this page' })).toBeFocused();
    const box = await page.getByRole('link', { name: 'Exit this page' }).boundingBox();
    expect(box!.y).toBeLessThan(200);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the quick exit is a plain link to the neutral site', async ({ page }) => {
    await standInForNeutralSite(page);
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Exit this page' })).toHaveAttribute('href', NEUTRAL_SITE);
    await page.getByRole('link', { name: 'Exit this page' }).click();
    await expect(page).toHaveURL(/bbc\.co\.uk\/weather/);
  });
});
