import { expect, type Page } from '@playwright/test';
import { test } from '../support/e2e.ts';

/**
 * What a visitor meets first, on a phone and on a laptop: the quick exit, a header that leaves
 * room for the page, a way to refer or phone on the home page's first screen, and a menu that
 * works with and without JavaScript.
 */
const PHONE = { width: 375, height: 740 };
const CONTENT_PAGES = [
  '/',
  '/what-we-do/',
  '/what-we-do/criminal-justice/',
  '/case-studies/burglary-letters/',
  '/refer/',
  '/volunteer/apply/',
  '/privacy/',
];

const bottomOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => element.getBoundingClientRect().bottom);

test.describe('on a 375 × 740 phone', () => {
  test.use({ viewport: PHONE });

  for (const pagePath of CONTENT_PAGES) {
    test(`${pagePath}: the quick exit comes first and the header takes at most a quarter of the screen`, async ({
      reader: page,
    }) => {
      await page.goto(pagePath);
      const exit = page.getByRole('link', { name: 'Exit this page' });
      await expect(exit).toBeInViewport();
      // The quick exit is the first thing after the skip link, for keyboard users too.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(exit).toBeFocused();
      expect(await bottomOf(page, 'header.site-header')).toBeLessThanOrEqual(185);
      await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    });
  }

  test('the home page’s first screen has its heading, a way to refer or phone, and the four routes', async ({
    reader: page,
  }) => {
    await page.goto('/');
    const h1 = page.getByRole('heading', { level: 1 });
    expect(await h1.evaluate((element) => element.getBoundingClientRect().bottom)).toBeLessThanOrEqual(PHONE.height);
    const main = page.locator('main');
    const refer = main.getByRole('link', { name: 'Make a referral' }).first();
    await expect(refer).toBeVisible();
    expect(await refer.evaluate((element) => element.getBoundingClientRect().bottom)).toBeLessThanOrEqual(PHONE.height);
    const phone = main.locator('a[href^="tel:"]').first();
    expect(await phone.evaluate((element) => element.getBoundingClientRect().bottom)).toBeLessThanOrEqual(PHONE.height);
    for (const route of ['I was harmed', 'I caused harm', 'I’m a professional', 'I want to volunteer']) {
      const link = main.getByRole('link', { name: new RegExp(route.replace('’', "[’']")) });
      const box = await link.boundingBox();
      expect(box, route).not.toBeNull();
      expect(box!.y + box!.height, route).toBeLessThanOrEqual(PHONE.height);
    }
  });

  test('the Menu button says whether the menu is open, and Escape closes it', async ({ reader: page }) => {
    await page.goto('/what-we-do/');
    const button = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await expect(nav.getByRole('link', { name: 'What we do' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Make a referral' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('searchbox', { name: 'Search this site' })).toBeVisible();
    await nav.getByRole('link', { name: 'Case studies' }).focus();
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toBeFocused();
    await expect(nav).toBeHidden();
    // From the keyboard alone.
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('Menu is a link to the full menu at the foot of the page', async ({ page }) => {
      await page.goto('/case-studies/');
      const link = page.getByRole('link', { name: 'Menu', exact: true });
      await expect(link).toBeVisible();
      await expect(page.getByRole('button', { name: 'Menu' })).toHaveCount(0);
      await link.click();
      await expect(page).toHaveURL(/#site-menu$/);
      const menu = page.getByRole('navigation', { name: 'Menu' });
      await expect(menu).toBeInViewport();
      for (const name of ['What we do', 'Case studies', 'Volunteer with us', 'Contact']) {
        await expect(menu.getByRole('link', { name, exact: true })).toBeVisible();
      }
      await expect(menu.getByRole('searchbox', { name: 'Search this site' })).toBeVisible();
    });
  });
});

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px the menu is on one line, with search, phone and “Make a referral” beside the name`, async ({
    reader: page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeVisible();
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    const tops = await nav
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().top));
    expect(new Set(tops).size, `menu rows at ${width}px`).toBe(1);
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('link', { name: 'Make a referral' })).toBeVisible();
    await expect(banner.locator('a[href^="tel:"]')).toBeVisible();
    await expect(banner.getByText('Search this site')).toBeVisible();
  });
}

test('content pages offer “Talk to us” beside the text on wide screens and after it on narrow ones', async ({
  reader: page,
}) => {
  for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto('/what-we-do/criminal-justice/');
    const talk = page.getByRole('region', { name: 'Talk to us' });
    await expect(talk).toBeVisible();
    await expect(talk.locator('a[data-contact="phone"]')).toBeVisible();
    await expect(talk.getByText('You can call just to ask questions')).toBeVisible();
    const text = await page.locator('main').boundingBox();
    const box = await talk.boundingBox();
    if (viewport.width >= 1280) expect(box!.x).toBeGreaterThan(text!.x + text!.width - 1);
    else expect(box!.y).toBeGreaterThan(text!.y + text!.height - 1);
  }
  await page.goto('/what-we-do/criminal-justice/');
  await expect(page.getByRole('heading', { name: 'Other things we do' })).toBeVisible();
});

test('text is set in the site’s own typeface, loaded from the site itself', async ({ reader: page }) => {
  await page.goto('/');
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() =>
    [...document.fonts]
      // The main files; the small one with Polish and Romanian letters loads where a name such
      // as "Română" needs it (fonts.css, tests/e2e/languages.spec.ts).
      .filter(
        (font) => font.family.includes('Atkinson') && font.status === 'loaded' && font.unicodeRange === 'U+0-10FFFF',
      )
      .map((font) => font.weight),
  );
  expect(loaded.sort()).toEqual(['400', '700']);
  expect(await page.locator('body').evaluate((body) => getComputedStyle(body).fontFamily)).toMatch(
    /^"?Atkinson Hyperlegible/,
  );
});
