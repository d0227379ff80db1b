import { expect } from '@playwright/test';
import { test } from '../support/e2e.ts';

test.use({ javaScriptEnabled: false });

test('the case study filter works without JavaScript', async ({ page }) => {
  await page.goto('/case-studies/');
  const filter = page.getByRole('navigation', { name: 'Filter by setting' });
  const cards = page.locator('main .card');
  const total = await cards.count();
  expect(total).toBeGreaterThanOrEqual(5);

  await filter.getByRole('link', { name: /^Care homes/ }).click();
  await expect(page).toHaveURL(/\/case-studies\/setting\/care-homes\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Case studies: Care homes');
  await expect(filter.getByRole('link', { name: /^Care homes/ })).toHaveAttribute('aria-current', 'page');
  await expect(cards).not.toHaveCount(total);
  for (const meta of await page.locator('main .card__meta').allTextContents()) expect(meta).toContain('Care homes');

  await filter.getByRole('link', { name: /^All settings/ }).click();
  await expect(cards).toHaveCount(total);
});
