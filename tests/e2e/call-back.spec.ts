import { expect, type Page } from '@playwright/test';
import { expectAccessible } from '../support/axe.ts';
import { test } from '../support/e2e.ts';
import { TEST_RUN } from '../../playwright.config.ts';
import { decode, mimePart, savedMail, waitForMail } from '../support/smtp.ts';
import arabic from '../../src/forms/call-back/form.ar.ts';
import { allFields, type ChoiceField, type Field } from '../../src/forms/fields.ts';

/**
 * Asking for a call back in a language written right to left (Arabic), with JavaScript on and
 * off, as its user would: from the language's page, through errors, check your answers and the
 * confirmation. On no page of the journey is there a word of English outside what is marked as
 * English (the site's header and footer, the words to say on the phone). Staff get one email,
 * in English, the language first. The words come from the form's own module, so the test
 * follows the translation as it changes.
 */
const mail = { waitFor: (text: string) => waitForMail(() => savedMail(TEST_RUN.mailDir), text) };
const REFERENCE = /RG-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/;
const ui = arabic.ui!;
const field = (name: string): Field => allFields(arabic).find((each) => each.name === name)!;
const label = (name: string) => String(field(name).label);
const option = (name: string, value: string) =>
  String((field(name) as ChoiceField).options.find((each) => each.value === value)!.label);

/**
 * Every word a person could meet on the page, seen or read out (hidden text, labels of
 * controls, the busy words of buttons, the title), except in parts marked as English.
 */
async function wordsOutsideEnglish(page: Page): Promise<string> {
  return page.evaluate(() => {
    const english = (element: Element | null) => Boolean(element?.closest('[lang^="en"]'));
    const parts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // An email address is an address, not wording (and is cut into parts where it may wrap).
      if (!parent || parent.closest('script, style, template, a[href^="mailto:"]') || english(parent)) continue;
      parts.push(node.textContent ?? '');
    }
    for (const element of document.body.querySelectorAll(
      '[aria-label], [title], [alt], [placeholder], [data-busy-label]',
    )) {
      if (english(element)) continue;
      for (const name of ['aria-label', 'title', 'alt', 'placeholder', 'data-busy-label'])
        parts.push(element.getAttribute(name) ?? '');
    }
    return parts.join(' ');
  });
}

/** English words on the page: any word in Latin letters but the partnership's name, the Shift key, addresses and references. */
async function expectNoEnglish(page: Page, state: string) {
  const text = (await wordsOutsideEnglish(page))
    .replace(/\S+@\S+/g, ' ')
    .replace(REFERENCE, ' ')
    .replace(/Restorative Gloucestershire/g, ' ');
  const latin = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => word !== 'Shift');
  expect(latin, state).toEqual([]);
}

async function expectTitle(page: Page, start: string) {
  await expect
    .poll(async () => (await page.content()).match(/<title>([^<]*)<\/title>/)?.[1] ?? '')
    .toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`call back in Arabic with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('asked, corrected, checked and sent in Arabic; staff get one email in English, the language first', async ({
      page,
    }) => {
      test.slow();
      const name = `ليلى ${javaScriptEnabled ? 'أ' : 'ب'} ${Date.now()}`;
      // One address a run: the site sends at most one confirmation to an address an hour.
      const address = `laila.${Date.now()}@example.org`;
      await page.goto('/languages/ar/');
      await page.getByRole('link', { name: arabic.title, exact: true }).click();
      await expect(page).toHaveURL(/\/languages\/ar\/call-back\/$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(page.getByRole('heading', { level: 1, name: arabic.title })).toBeVisible();
      await expectNoEnglish(page, 'empty');
      await expectAccessible(page, 'empty', !javaScriptEnabled);

      // Nothing given: the summary and each message, in Arabic, the title marked as an error.
      await page.getByRole('button', { name: ui.continueLabel, exact: true }).click();
      await expectTitle(page, `${ui.errorPrefix} `);
      const summary = page.getByRole('alert').filter({ hasText: ui.problemTitle });
      await expect(summary).toBeVisible();
      const nameRequired = String(field('name').messages.required);
      await expect(summary.getByRole('link', { name: nameRequired })).toBeVisible();
      await expect(page.locator('#field-name-error')).toHaveText(`${ui.errorPrefix} ${nameRequired}`);
      await expectNoEnglish(page, 'errors');
      await expectAccessible(page, 'errors', !javaScriptEnabled);
      // Every page of the journey says the translation awaits its check, without JavaScript too.
      await expect(page.locator('[data-translation-unchecked]')).toBeVisible();

      await page.getByLabel(label('name'), { exact: true }).fill(name);
      await page.getByLabel(option('language', 'ar'), { exact: true }).check();
      if (javaScriptEnabled) {
        await page.getByLabel(option('contactBy', 'email'), { exact: true }).check();
        await page.getByLabel(label('email'), { exact: true }).fill(address);
        // Whether a message may be left is a question for a phone only: an email is one.
        await expect(page.getByText(label('message'))).toBeHidden();
      } else {
        await page.getByLabel(option('contactBy', 'phone'), { exact: true }).check();
        // A number written wrongly first: the message says how to write it, in Arabic.
        await page.getByLabel(label('phone'), { exact: true }).fill('٠٧٧٠٠ abc');
        await page.getByLabel(option('message', 'no'), { exact: true }).check();
      }
      await page.getByLabel(option('times', 'evening'), { exact: true }).check();
      await page.getByRole('button', { name: ui.continueLabel, exact: true }).click();
      if (!javaScriptEnabled) {
        const format = String((field('phone').messages as { format: string }).format);
        await expect(page.getByRole('alert').getByRole('link', { name: format })).toBeVisible();
        await expect(page.getByLabel(label('name'), { exact: true })).toHaveValue(name);
        await expectNoEnglish(page, 'phone error');
        await page.getByLabel(label('phone'), { exact: true }).fill('07700 900 982');
        await page.getByRole('button', { name: ui.continueLabel, exact: true }).click();
      }

      await expect(page.getByRole('heading', { level: 1, name: ui.checkTitle })).toBeVisible();
      await expect(page.getByText(name)).toBeVisible();
      // Change buttons say what they change, in Arabic, to screen readers.
      await expect(page.getByRole('button', { name: `${ui.change} ${label('name')}`, exact: true })).toBeVisible();
      if (!javaScriptEnabled) {
        // Their number reads in its own order inside the right-to-left page.
        const number = page.locator('.summary-list__value bdi', { hasText: '07700 900 982' });
        expect(await number.evaluate((element) => element.matches(':dir(ltr)'))).toBe(true);
      }
      await expectNoEnglish(page, 'check answers');
      await expectAccessible(page, 'check answers', !javaScriptEnabled);

      await page.getByRole('button', { name: arabic.sendLabel, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: arabic.sentTitle })).toBeVisible();
      await expect(page).toHaveURL(/\/forms\/call-back-ar\/sent\/\?reference=RG-/);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      const reference = (await page.locator('[data-reference]').textContent())!;
      expect(reference).toMatch(REFERENCE);
      await expect(page.getByText(ui.danger)).toBeVisible();
      await expectNoEnglish(page, 'confirmation');
      await expectAccessible(page, 'confirmation', !javaScriptEnabled);

      // Stored and mailed once, to staff, in English, with the language before anything else.
      const staff = await mail.waitFor(`[${reference}] Call-back request in Arabic`);
      expect(staff.to).toEqual(['referrals@test.invalid']);
      const text = mimePart(staff.raw, 'text/plain').replace(/\r\n/g, '\n');
      expect(text).toContain(name);
      expect(text.indexOf('Language to speak:\n  Arabic')).toBeGreaterThan(-1);
      expect(text.indexOf('Language to speak')).toBeLessThan(text.indexOf(name));
      // Every word staff read is English: the Arabic is the person's own name only.
      expect(text.replace(name, '')).not.toMatch(/[\u0600-\u06FF]/);
      const forReference = () => savedMail(TEST_RUN.mailDir).filter((m) => decode(m.raw).includes(`[${reference}]`));
      expect(forReference()).toHaveLength(1);

      if (javaScriptEnabled) {
        // Email was their safe way: the confirmation, in Arabic.
        const toThem = () =>
          savedMail(TEST_RUN.mailDir).find((m) => m.to.includes(address) && decode(m.raw).includes(reference));
        await expect.poll(toThem).toBeTruthy();
        const confirmation = toThem()!;
        const body = mimePart(confirmation.raw, 'text/plain');
        expect(body).toContain(reference);
        expect(body).toContain(arabic.nextSteps[0] as string);
        expect(body.replace(/\S+@\S+/g, '').replace(REFERENCE, '')).not.toMatch(/\b(Thank|reference|contact)\b/i);
      }
    });
  });
}

test('the call-back page is reached in one step from the language page, and names itself in the language', async ({
  reader: page,
}) => {
  await page.goto('/languages/ar/call-back/');
  await expect(page.getByRole('link', { name: ui.continueLabel })).toHaveCount(0);
  await expect(page).toHaveTitle(new RegExp(`^${arabic.title}`));
  await expect(page.locator('[data-translation-unchecked]')).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('reopening the address the form was posted to (reload, history) brings back the form, in Arabic', async ({
    page,
  }) => {
    await page.goto('/languages/ar/call-back/');
    await page.getByRole('button', { name: ui.continueLabel, exact: true }).click();
    await expect(page).toHaveURL(/\/api\/forms\/call-back-ar$/);
    await page.goto(page.url());
    await expect(page).toHaveURL(/\/languages\/ar\/call-back\/$/);
    await expect(page.getByRole('heading', { level: 1, name: arabic.title })).toBeVisible();
  });
});
