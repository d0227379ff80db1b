import { expect } from '@playwright/test';
import { test } from '../support/e2e.ts';

/** A small phone. (Reflow at 320 pixels is checked on every page in every-page.spec.ts.) */
test.use({ viewport: { width: 320, height: 640 } });

test('the quick exit is visible without scrolling on a small phone', async ({ page }) => {
  await page.goto('/refer/');
  const exit = page.getByRole('link', { name: 'Exit this page' });
  await expect(exit).toBeInViewport();
});
