import { expect, type Page } from '@playwright/test';
import { test } from '../support/e2e.ts';
import { exitAtEachScroll, expectInView, VIEWPORTS } from '../support/exit-in-view.ts';

/**
 * The quick exit stays within reach: on screen at the top, middle and end of a page at double
 * text size (every page at the four widths is checked by every-page.spec.ts, which loads each
 * page once for all its checks), and never covering what has focus (WCAG 2.2, 2.4.11).
 * QuickExit.astro makes the bar sticky; base.css and quick-exit.ts keep scrolled-to things
 * clear of it.
 */

/** Double text size, as a visitor's browser setting makes it: every rem and em doubles. */
async function doubleText(page: Page) {
  // Through the CSSOM, which the site's style policy allows (an injected <style> it refuses).
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%', 'important'));
}

// Tests that only load, resize, scroll and press Tab share a tab (`reader`, tests/support/e2e.ts).
test('at double text size the Exit button is still on screen at every scroll position', async ({ reader: page }) => {
  test.setTimeout(120_000);
  // The longest pages and each kind of page, on a phone and on a laptop.
  const paths = ['/', '/refer/', '/restorative-processes/how-it-works/', '/privacy/', '/volunteer/apply/', '/search/'];
  for (const viewport of [VIEWPORTS[1], VIEWPORTS[3]]) {
    await page.setViewportSize(viewport);
    for (const path of paths) {
      await page.goto(path);
      await doubleText(page);
      expectInView(`${path} at 200% text`, await exitAtEachScroll(page));
    }
  }
});

/** Tab through the whole page; after each press, the focused element must not be under the bar. */
async function tabThrough(page: Page, label: string) {
  const seen = new Set<string>();
  for (let press = 0; press < 400; press++) {
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      if (!focused || focused === document.body) return { done: true, key: '', covered: false };
      const bar = document.querySelector('[data-quick-exit-bar]')!;
      const key = `${focused.tagName}#${focused.id}|${focused.getAttribute('href') ?? ''}|${focused.getAttribute('name') ?? ''}|${[...document.querySelectorAll('*')].indexOf(focused)}`;
      if (bar.contains(focused)) return { done: false, key, covered: false };
      const box = focused.getBoundingClientRect();
      const barBox = bar.getBoundingClientRect();
      // Covered: any part of the focused element is behind the bar.
      const covered =
        box.width > 0 &&
        box.bottom > barBox.top &&
        box.top < barBox.bottom &&
        box.right > barBox.left &&
        box.left < barBox.right;
      return { done: false, key, covered, what: focused.outerHTML.slice(0, 120) };
    });
    if (state.done || seen.has(state.key)) break;
    seen.add(state.key);
    expect(state.covered, `${label}: ${'what' in state ? state.what : ''}`).toBe(false);
  }
  expect(seen.size, label).toBeGreaterThan(10);
}

test('tabbing through a page, no focused element is hidden under the Exit bar', async ({ reader: page }) => {
  test.setTimeout(180_000);
  // The phone both ways up, where the bar takes most of the screen, on the longest pages and a form.
  const paths = ['/', '/refer/i-was-harmed/', '/restorative-processes/how-it-works/', '/volunteer/apply/'];
  for (const viewport of [VIEWPORTS[1], VIEWPORTS[2]]) {
    await page.setViewportSize(viewport);
    for (const path of paths) {
      await page.goto(path);
      await tabThrough(page, `${path} at ${viewport.width}×${viewport.height}`);
      // And back up again, where the browser scrolls the other way.
      await page.keyboard.down('Shift');
      await tabThrough(page, `${path} at ${viewport.width}×${viewport.height}, backwards`);
      await page.keyboard.up('Shift');
    }
  }
});

test('scrolled to the end of a long page, the Exit button still leaves the site', async ({ page }) => {
  await page.route('https://www.bbc.co.uk/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }),
  );
  await page.setViewportSize(VIEWPORTS[1]);
  await page.goto('/restorative-processes/how-it-works/');
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await page.getByRole('link', { name: 'Exit this page' }).click();
  await expect(page).toHaveURL(/bbc\.co\.uk\/weather/);
});

test('the check sees a bar that does not stay: put back in the page’s flow, it is off screen at the end', async ({
  reader: page,
}) => {
  await page.setViewportSize(VIEWPORTS[1]);
  await page.goto('/restorative-processes/how-it-works/');
  expectInView('as built', await exitAtEachScroll(page));
  await page.evaluate(() =>
    document.querySelector<HTMLElement>('[data-quick-exit-bar]')!.style.setProperty('position', 'static', 'important'),
  );
  const { seen } = await exitAtEachScroll(page);
  expect(seen.find((box) => box.at === 'end')!.bottom).toBeLessThan(0);
});

test.describe('on a touch phone', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 740 } });
  test('no Shift hint is shown, and the Exit button and "Staying safe online" are', async ({ page }) => {
    await page.goto('/refer/');
    await expect(page.getByRole('link', { name: 'Exit this page' })).toBeVisible();
    await expect(page.getByRole('banner').or(page.locator('[data-quick-exit-bar]')).getByText('Shift')).toBeHidden();
    await expect(
      page.locator('[data-quick-exit-bar]').getByRole('link', { name: 'Staying safe online' }),
    ).toBeVisible();
  });
});

test('with a keyboard and a mouse, the Shift hint is shown', async ({ reader: page }) => {
  await page.goto('/refer/');
  await expect(page.locator('[data-quick-exit-bar]').getByText('Or press Shift 3 times.')).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('no Shift hint is offered: nothing would listen for it', async ({ page }) => {
    await page.goto('/refer/');
    await expect(page.locator('[data-quick-exit-bar]').getByText('Shift')).toBeHidden();
  });

  test('Back after the exit does not bring typed referral answers back', async ({ page, baseURL }) => {
    await page.route('https://www.bbc.co.uk/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }),
    );
    await page.goto('/refer/i-was-harmed/');
    await page.getByLabel('Your full name').fill('Sam Example');
    await page.getByLabel('Your phone number').fill('07700 900123');
    await page.getByRole('link', { name: 'Exit this page' }).click();
    await expect(page).toHaveURL(/bbc\.co\.uk\/weather/);
    await page.goBack();
    await expect(page).toHaveURL(`${baseURL}/refer/i-was-harmed/`);
    await expect(page.getByLabel('Your full name')).toHaveValue('');
    await expect(page.getByLabel('Your phone number')).toHaveValue('');
  });
});
