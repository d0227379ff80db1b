import { expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { test } from '../support/e2e.ts';

const HELP_DIR = path.resolve(import.meta.dirname, '..', '..', 'content', 'help');

/**
 * "Could restorative justice help me?", walked as a visitor without JavaScript would: every
 * path reaches an ending, every ending offers somewhere real to go, and a referral opened from
 * an ending already knows who it is for.
 */
test.use({ javaScriptEnabled: false });

test('every path through the guide reaches an ending that leads somewhere real', async ({ page, request }) => {
  test.setTimeout(90_000);
  const seen = new Set<string>();
  const endings = new Set<string>();
  const queue = ['/could-it-help/'];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await expect(page.getByRole('link', { name: 'Exit this page' }), url).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 }), url).toBeVisible();
    const answers = await page
      .getByRole('list', { name: 'Answers' })
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    if (answers.length) {
      queue.push(...answers);
      continue;
    }
    endings.add(url);
    const next = page.getByRole('region', { name: 'What you can do next' });
    await expect(next, url).toBeVisible();
    await expect(next.locator('a[href^="tel:"]'), `${url} offers our phone number`).toHaveCount(1);
    for (const href of await next
      .locator('a:not([href^="tel:"])')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')!))) {
      expect((await request.get(href)).status(), `${url} → ${href}`).toBe(200);
    }
  }
  expect(endings.size).toBeGreaterThanOrEqual(8);
  // Separate paths for a person harmed, a person responsible and someone worried about another.
  await page.goto('/could-it-help/');
  for (const answer of ['Someone harmed me', 'I caused harm', 'I am worried about someone else']) {
    await expect(page.getByRole('link', { name: new RegExp(answer) })).toBeVisible();
  }
});

test('the guide says honestly when it may not be right or safe yet', async ({ page }) => {
  await page.goto('/could-it-help/');
  await page.getByRole('link', { name: /Someone harmed me/ }).click();
  await page.getByRole('link', { name: /No, or I am not sure/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not be the right time/);
  await expect(page.getByText('If you are in danger now, call 999.').first()).toBeVisible();
  // Beyond us: each service of the short list with its number, its hours and who it is for.
  const others = page.getByRole('region', { name: 'Help from other services' });
  for (const file of readdirSync(HELP_DIR)) {
    const service = parse(readFileSync(path.join(HELP_DIR, file), 'utf8').split('---')[1]) as Record<string, unknown>;
    const item = others.getByRole('listitem').filter({ hasText: String(service.name) });
    if (!service.shortList) {
      await expect(item).toHaveCount(0);
      continue;
    }
    await expect(item.getByRole('link', { name: String(service.phone) })).toBeVisible();
    await expect(item).toContainText(String(service.hours));
    await expect(item).toContainText(String(service.whoFor));
  }
  await page.goto('/could-it-help/');
  await page.getByRole('link', { name: /I caused harm/ }).click();
  await page.getByRole('link', { name: /Partly, or I am not sure/ }).click();
  await expect(page.getByText(/accept the basic facts/).first()).toBeVisible();
});

for (const [path, answer, caption] of [
  [
    ['Someone harmed me', 'Yes', 'To tell them how it affected me'],
    'Make a referral for yourself',
    'For yourself, as someone who was harmed',
  ],
  [
    ['I caused harm', 'Yes', 'Hear how it affected them'],
    'Make a referral for yourself',
    'For yourself, as someone who caused harm',
  ],
  [
    ['I am worried about someone else', 'Someone who was harmed', 'Yes'],
    'Make a referral for someone you support',
    'For someone you care for or support',
  ],
  [
    ['I am worried about someone else', 'Someone I work with'],
    'Refer someone as a professional',
    'For someone you work with, as a professional',
  ],
] as const) {
  test(`the referral opened from the guide is already for the right person: ${path.join(' → ')}`, async ({ page }) => {
    await page.goto('/could-it-help/');
    for (const step of path)
      await page
        .getByRole('link', { name: new RegExp(`^${step}`) })
        .first()
        .click();
    await page.getByRole('link', { name: answer }).click();
    await expect(page.getByText(caption)).toBeVisible();
    // The guide's answer is the form's first answer: the questions are worded for it.
    await expect(page.locator('input[type=hidden][name=referralFor]')).toHaveCount(1);
  });
}
