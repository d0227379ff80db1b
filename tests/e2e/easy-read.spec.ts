import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { test } from '../support/e2e.ts';
import { SEED_PHONE_DIGITS, SEED_REFERRAL_EMAIL } from '../support/seed-facts.ts';

/** The easy read entry's own lines, read from its content file, so the test follows staff's edits. */
const entry = parse(
  readFileSync(path.resolve(import.meta.dirname, '..', '..', 'content', 'explainers', 'easy-read.md'), 'utf8').split(
    '---',
  )[1],
) as { easyReadLines: { heading?: string; text: string }[] };

for (const width of [375, 1280]) {
  test(`easy read at ${width} px: one idea a line, each with its picture beside it, in large type`, async ({
    reader: page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/restorative-processes/easy-read/');
    const lines = page.locator('main .easy-read li');
    // The staff's lines, in their order, then how to ask us (our phone, our email, someone to help).
    const texts = (await lines.locator('p').allInnerTexts()).map((t) => t.trim());
    expect(texts.slice(0, entry.easyReadLines.length)).toEqual(entry.easyReadLines.map((line) => line.text));
    expect(texts).toHaveLength(entry.easyReadLines.length + 3);
    for (const headingText of entry.easyReadLines.flatMap((line) => line.heading ?? [])) {
      await expect(page.getByRole('heading', { level: 2, name: headingText, exact: true })).toBeVisible();
    }
    for (const [index, words] of texts.entries()) {
      // One sentence a line: a single full stop, question or exclamation mark, at the end.
      expect(words.replace(/\b[\w.-]+@[\w.-]+\.\w+\b/, 'ADDRESS'), words).toMatch(/^[^.?!]+[.?!]$/);
      const line = lines.nth(index);
      const picture = line.locator('svg');
      // The picture is decorative: hidden from screen readers, the sentence says it all.
      await expect(picture).toHaveAttribute('aria-hidden', 'true');
      const pictureBox = (await picture.boundingBox())!;
      const textBox = (await line.locator('p').boundingBox())!;
      expect(pictureBox.width, words).toBeGreaterThanOrEqual(56);
      // Beside the sentence, to its left, on the same line of sight.
      expect(pictureBox.x + pictureBox.width, words).toBeLessThanOrEqual(textBox.x);
      expect(pictureBox.y, words).toBeLessThan(textBox.y + textBox.height);
      expect(textBox.y, words).toBeLessThan(pictureBox.y + pictureBox.height);
      const fontSize = await line.locator('p').evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
      expect(fontSize, words).toBeGreaterThanOrEqual(20);
    }
    // Nothing runs off a small screen, the email address included.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

test('easy read gives our phone and email itself and links only to the same in more words', async ({
  reader: page,
}) => {
  await page.goto('/restorative-processes/easy-read/');
  const main = page.locator('main');
  await expect(main.locator(`a[href="tel:${SEED_PHONE_DIGITS}"]`)).toHaveCount(1);
  await expect(main.locator(`a[href="mailto:${SEED_REFERRAL_EMAIL}"]`)).toHaveCount(1);
  // No standard-English boxes around it: no Talk to us, no suggested pages, no previous and next.
  await expect(page.getByRole('heading', { name: 'Talk to us' })).toHaveCount(0);
  await expect(main.getByRole('navigation', { name: 'More about restorative practice' })).toHaveCount(0);
  const links = await main
    .locator('a:not(nav[aria-label="Breadcrumb"] a):not([href^="tel:"]):not([href^="mailto:"])')
    .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
  expect(links).toHaveLength(1);
  expect(links[0]).toMatch(/^\/restorative-processes\/(?!easy-read)[a-z-]+\/$/);
  // The pages in standard English no longer lead to it as their previous or next page.
  await page.goto('/restorative-processes/how-to-complain/');
  await expect(page.getByRole('navigation', { name: 'More about restorative practice' })).not.toContainText(
    'easy read',
  );
});
