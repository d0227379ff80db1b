import { expect, test } from '@playwright/test';
import { builtPages } from '../support/dist.ts';

/** WCAG 1.4.10 Reflow: at 320 CSS pixels wide (400% zoom on a laptop) nothing scrolls sideways. */
test.use({ viewport: { width: 320, height: 640 } });

test('no page scrolls sideways at 320 pixels wide', async ({ page }) => {
  test.setTimeout(180_000);
  const wide: string[] = [];
  for (const pagePath of builtPages()) {
    await page.goto(pagePath === '/404.html' ? '/no-such-page/' : pagePath);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) wide.push(`${pagePath}: ${overflow}px too wide`);
  }
  expect(wide).toEqual([]);
});

test('the quick exit is visible without scrolling on a small phone', async ({ page }) => {
  await page.goto('/refer/');
  const exit = page.getByRole('link', { name: 'Exit this page' });
  await expect(exit).toBeInViewport();
});
