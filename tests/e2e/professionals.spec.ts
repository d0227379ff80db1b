import { expect } from '@playwright/test';
import { test } from '../support/e2e.ts';

/**
 * The pages for police, probation, schools, care homes and victim services: they lead to the
 * professional referral route, and the briefing prints on one sheet of A4.
 */
test('the professionals’ pages exist and lead to the professional referral route', async ({ reader: page }) => {
  await page.goto('/professionals/');
  await expect(page.getByRole('heading', { name: 'For professionals', level: 1 })).toBeVisible();
  const refer = page.locator('main').getByRole('link', { name: 'Refer someone online' });
  await expect(refer).toHaveAttribute('href', '/refer/as-a-professional/');
  for (const name of [
    /^Who can be referred, and when/,
    /^What the Victims.? Code asks of you/,
    /^What happens after you refer/,
  ]) {
    await page.goto('/professionals/');
    await page.locator('main').getByRole('link', { name }).last().click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }
  await page.goto('/professionals/victims-code/');
  await expect(page.getByText('within 5 working days')).toBeVisible();
  await expect(page.getByText(/Facts last checked/)).toBeVisible();
  await page.goto('/');
  await page
    .locator('main')
    .getByRole('link', { name: /professional/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/professionals\/$/);
});

test('the briefing prints on one A4 page, with the referral phone and email on it', async ({ page }) => {
  await page.goto('/professionals/briefing/');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready);
  // Nothing meant for the screen is printed: no menu, no quick exit, no related pages.
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Exit this page' })).toBeHidden();
  await expect(page.locator('main').getByText('01452 754542')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages).toHaveLength(1);
});
