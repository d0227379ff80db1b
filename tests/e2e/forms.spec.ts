import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/axe.ts';
import { test } from '../support/e2e.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_RUN } from '../../playwright.config.ts';
import { decode, savedMail, waitForMail } from '../support/smtp.ts';

/**
 * Both forms end to end, as people use them: with JavaScript and without, through errors,
 * check your answers and confirmation, with delivery to the real SMTP server on loopback
 * that the test server runs (what it receives is saved under the run's folder). What
 * happens when mail is down, and every other rule of the pipeline, is tested in-process
 * (tests/unit/delivery.spec.ts).
 */
const mail = { waitFor: (text: string) => waitForMail(() => savedMail(TEST_RUN.mailDir), text) };

const REFERENCE = /RG-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/;

/** Reads <title> from the document, which works with JavaScript off too. */
async function expectTitle(page: Page, pattern: RegExp) {
  await expect.poll(async () => (await page.content()).match(/<title>([^<]*)<\/title>/)?.[1] ?? '').toMatch(pattern);
}

/** "Who is this referral for?", then on to the questions worded for the answer. */
async function chooseAudience(page: Page, answer: string) {
  await page.goto('/refer/');
  await page.getByLabel(answer).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Make a referral', exact: true })).toBeVisible();
  await expect(page.locator('#field-fullName')).toBeVisible();
}

async function fillReferral(page: Page, name: string) {
  await page.getByLabel('Your full name', { exact: true }).fill(name);
  await page.getByLabel('Phone', { exact: true }).check();
  await page.getByLabel('Your phone number', { exact: true }).fill('01632 960 001');
  await page.getByRole('group', { name: 'Can we leave you a message?' }).getByLabel('No').check();
  await page.getByLabel('A crime').check();
  await page.getByLabel('What happened, briefly (optional)').fill('Someone broke into my shed.\nThey took my bike.');
}

async function expectErrorsShown(page: Page) {
  await expectTitle(page, /^Error: /);
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter your full name' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Select what it is about' })).toBeVisible();
  // The inline message uses exactly the same words as the summary.
  await expect(page.locator('#field-fullName-error')).toHaveText('Error: Enter your full name');
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`referral with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('who it is for, then errors that keep what was typed', async ({ page }) => {
      // Four axe scans and, without JavaScript, five round trips: on a busy two-core machine
      // that can pass 30 s without anything being wrong.
      test.slow();
      const name = `Alex Test ${javaScriptEnabled ? 'On' : 'Off'} ${Date.now()}`;
      await page.goto('/refer/');
      await expectAccessible(page, 'who is it for', !javaScriptEnabled);
      for (const box of await page.locator('input[type=checkbox], input[type=radio]').all()) {
        await expect(box).not.toBeChecked();
      }
      await page.getByRole('button', { name: 'Continue' }).click();
      await expectTitle(page, /^Error: /);
      await expect(page.getByRole('link', { name: 'Select who this referral is for' })).toBeVisible();
      await expectAccessible(page, 'who is it for, error', !javaScriptEnabled);
      await page.getByLabel('Me: I was harmed').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page).toHaveURL(/\/refer\/i-was-harmed\/$/);
      await expect(page.getByText('For yourself, as someone who was harmed')).toBeVisible();
      await expectAccessible(page, 'empty', !javaScriptEnabled);
      await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();

      await page.getByRole('button', { name: 'Continue' }).click();
      await expectErrorsShown(page);
      if (javaScriptEnabled)
        await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();
      await expectAccessible(page, 'errors', !javaScriptEnabled);

      // What was typed is kept after an error.
      await page.getByLabel('Your full name', { exact: true }).fill(name);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByLabel('Your full name', { exact: true })).toHaveValue(name);
    });

    test('check answers, change, send, confirmation and Back', async ({ page }) => {
      const name = `Alex Sent ${javaScriptEnabled ? 'On' : 'Off'} ${Date.now()}`;
      await chooseAudience(page, 'Me: I was harmed');
      await fillReferral(page, name);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
      await expectTitle(page, /^Check your answers/);
      await expect(page.getByText(name)).toBeVisible();
      await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();
      await expect(page.locator('main').getByRole('link', { name: 'privacy notice', exact: true })).toHaveAttribute(
        'href',
        '/privacy/',
      );
      await expectAccessible(page, 'check answers', !javaScriptEnabled);

      await page.getByRole('button', { name: 'Change your name' }).click();
      await expect(page.getByLabel('Your full name', { exact: true })).toBeFocused();
      await expect(page.getByLabel('Your full name', { exact: true })).toHaveValue(name);
      const changed = `${name} Changed`;
      await page.getByLabel('Your full name', { exact: true }).fill(changed);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByText(changed)).toBeVisible();

      await page.getByRole('button', { name: 'Send referral' }).click();
      await expect(page.getByRole('heading', { name: 'Referral sent' })).toBeVisible();
      await expect(page).toHaveURL(/\/forms\/referral\/sent\/\?reference=RG-/);
      const reference = (await page.locator('[data-reference]').textContent())!;
      expect(reference).toMatch(REFERENCE);
      await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();
      await expect(page.getByText('Keep a record of your reference number')).toBeVisible();
      await expect(page.getByText('A trained facilitator will contact you,')).toBeVisible();
      await expectAccessible(page, 'confirmation', !javaScriptEnabled);

      const message = await mail.waitFor(reference);
      const text = decode(message.raw);
      expect(message.to).toEqual(['referrals@test.invalid']);
      expect(text).toContain(changed);
      expect(text).toMatch(new RegExp(`Subject: \\[${reference}\\] New referral`));
      expect(text.match(/^Subject: .*$/m)![0]).not.toContain('Alex');

      // Back from the confirmation: a page that makes sense, never the browser's "resubmit" error,
      // and sending again from it gives the same referral, not a second one.
      await page.goBack();
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      if (javaScriptEnabled) {
        // The confirmation took the place of check your answers: Back is the questions page,
        // loaded afresh and empty, ready for a new referral (nothing typed is shown again).
        await expect(page).toHaveURL(/\/refer\/i-was-harmed\/$/);
        const nameBox = page.getByLabel('Your full name', { exact: true });
        await expect(nameBox).toBeVisible();
        await expect(nameBox).toHaveValue('');
        await expect(page.getByText(changed)).toHaveCount(0);
      } else {
        await expect(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
        // Further back, through the questions the Change button showed: still pages, never an error.
        await page.goBack();
        await expect(page.getByLabel('Your full name', { exact: true })).toBeVisible();
        await page.goForward();
        await page.getByRole('button', { name: 'Send referral' }).click();
        await expect(page.locator('[data-reference]')).toHaveText(reference);
      }
    });
  });
}

test('a referral made for someone else is worded for them, from the questions to the confirmation', async ({
  page,
}) => {
  await chooseAudience(page, 'Someone I work with, as a professional');
  await expect(page).toHaveURL(/\/refer\/as-a-professional\/$/);
  const main = page.locator('main');
  await page.getByLabel('Your full name', { exact: true }).fill('Pat Officer');
  await page.getByLabel('Your organisation').fill('Probation service');
  await page.getByLabel('Your role').fill('Probation officer');
  await page.getByLabel('Your phone number').fill('01632 960 002');
  await page.getByLabel('Your email address').fill('pat.officer@example.org');
  await page
    .getByRole('group', { name: 'Can we email you a confirmation with the reference number?' })
    .getByLabel('No')
    .check();
  await page.getByLabel('Their full name').fill('Sam Referred');
  await page.getByLabel('They caused harm').check();
  await page.getByRole('group', { name: 'How can we contact them safely?' }).getByLabel('Phone').check();
  await page.getByLabel('Their phone number').fill('07700 900 982');
  await page.getByRole('group', { name: 'Can we leave them a message?' }).getByLabel('Yes').check();
  await page.getByLabel('Someone in prison or on probation').check();
  await page.getByLabel('An interpreter', { exact: true }).check();
  await page.getByLabel('Which language?').fill('Polish');
  await page.getByLabel('The person has agreed to this referral and to us contacting them').check();
  // Nothing asked about the person referred says "you".
  for (const id of ['section-person', 'section-what-happened', 'section-support', 'section-agreement']) {
    const words = await main.locator(`#${id}`).innerText();
    expect(words, id).not.toMatch(/\b(you|your)\b/i);
  }
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
  await expect(main.getByText('Their name', { exact: true })).toBeVisible();
  await expect(main.locator('form').getByText('will contact the person you referred')).toBeVisible();
  await expect(main.getByText('A trained facilitator will contact you,')).toHaveCount(0);
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page.getByRole('heading', { name: 'Referral sent' })).toBeVisible();
  await expect(main.getByText('will contact the person you referred')).toBeVisible();
  await expect(main.getByText('A trained facilitator will contact you,')).toHaveCount(0);
  // The easy read page and the steps, with what the person chooses at each, are a click away.
  await expect(main.getByRole('link', { name: 'Restorative justice in easy read' })).toHaveAttribute(
    'href',
    '/restorative-processes/easy-read/',
  );
  await expect(main.getByRole('link', { name: /What happens next, step by step/ })).toHaveAttribute(
    'href',
    '/restorative-processes/how-it-works/',
  );
  const reference = (await page.locator('[data-reference]').textContent())!;
  const text = decode((await mail.waitFor(reference)).raw);
  // Access needs come first in the staff email, before the details.
  expect(text.indexOf('Polish')).toBeGreaterThan(0);
  expect(text.indexOf('NEEDS TO TAKE PART')).toBeLessThan(text.indexOf('THE PERSON MAKING THE REFERRAL'));
});

test('while an answer is on its way the button and a live region say so, and the old errors go', async ({ page }) => {
  await chooseAudience(page, 'Me: I was harmed');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await fillReferral(page, `Waiting Person ${Date.now()}`);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/forms/referral', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Checking your answers…' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Checking your answers…' })).toBeAttached();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toHaveCount(0);
  release();
  await expect(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
  let releaseSend!: () => void;
  const heldSend = new Promise<void>((resolve) => (releaseSend = resolve));
  await page.unroute('**/api/forms/referral');
  await page.route('**/api/forms/referral', async (route) => {
    await heldSend;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page.getByRole('button', { name: 'Sending your referral…' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Sending your referral…' })).toBeAttached();
  releaseSend();
  await expect(page.getByRole('heading', { name: 'Referral sent' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('each question that depends on an earlier answer says when to answer it', async ({ page }) => {
    await chooseAudience(page, 'Me: I was harmed');
    const phone = page.locator('#group-phone');
    await expect(phone).toBeVisible();
    await expect(
      phone.getByText('Answer this only if you ticked “Phone” in “How can we contact you safely?”'),
    ).toBeVisible();
    await expect(
      page.locator('#group-interpreterLanguage').getByText(/Answer this only if you ticked “An interpreter”/),
    ).toBeVisible();
  });
});

test('with JavaScript, Back from check your answers returns to the questions with every answer kept', async ({
  page,
}) => {
  const name = `Back Again ${Date.now()}`;
  await chooseAudience(page, 'Me: I was harmed');
  await fillReferral(page, name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Your full name', { exact: true })).toHaveValue(name);
  await expect(page.getByLabel('Your phone number', { exact: true })).toHaveValue('01632 960 001');
  await expect(page).toHaveURL(/\/refer\/i-was-harmed\/$/);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(name)).toBeVisible();
});

for (const parentKnows of ['No', undefined]) {
  test(`a referral for someone under 18 asks whether a parent or carer knows, and goes on when the answer is ${parentKnows ?? 'left out'}`, async ({
    page,
  }) => {
    const name = `Young Person ${parentKnows ?? 'Unanswered'} ${Date.now()}`;
    await chooseAudience(page, 'Me: I was harmed');
    const parentQuestion = page.getByRole('group', { name: 'Does a parent or carer know about this referral?' });
    await expect(parentQuestion).toBeHidden();
    await page.getByRole('group', { name: 'How old are you?' }).getByLabel('Under 18').check();
    await expect(parentQuestion).toBeVisible();
    if (parentKnows) await parentQuestion.getByLabel(parentKnows, { exact: true }).check();
    await page
      .getByRole('group', { name: 'Do you live in Gloucestershire, or did it happen here?' })
      .getByLabel('Yes')
      .check();
    await fillReferral(page, name);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: /Check your answers/ })).toBeVisible();
    await expect(page.getByText('Under 18')).toBeVisible();
    await page.getByRole('button', { name: 'Send referral' }).click();
    await expect(page.getByRole('heading', { name: 'Referral sent' })).toBeVisible();
    const reference = (await page.locator('[data-reference]').textContent())!;
    // Staff read how to contact safely first, then the rest, the age among it.
    const staff = decode((await mail.waitFor(reference)).raw);
    expect(staff.indexOf('CONTACTING THEM SAFELY')).toBeGreaterThan(-1);
    expect(staff.indexOf('CONTACTING THEM SAFELY')).toBeLessThan(staff.indexOf('Under 18'));
    expect(staff).toMatch(new RegExp(`A parent or carer knows:\\r?\\n\\s+${parentKnows ?? 'Not given'}`));
  });
}

test('a long answer counts its characters as they are typed, and says when there are too many', async ({ page }) => {
  await chooseAudience(page, 'Me: I was harmed');
  const box = page.getByLabel('What happened, briefly (optional)');
  const group = page.locator('#group-description');
  await expect(group.getByText('1,000 characters remaining')).toBeVisible();
  await box.fill('a'.repeat(990));
  await expect(group.getByText('10 characters remaining')).toBeVisible();
  await box.fill('a'.repeat(1003));
  await expect(group.getByText('3 characters too many')).toBeVisible();
  // Said to screen readers once typing pauses, in the same words.
  await expect(group.locator('[aria-live="polite"]')).toHaveText('3 characters too many');
});

test('a double click on Send referral sends one referral', async ({ page }) => {
  const name = `Double Click ${Date.now()}`;
  await chooseAudience(page, 'Me: I was harmed');
  await fillReferral(page, name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Send referral' })).toBeVisible();
  const sends: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/forms/referral') && request.postData()?.includes('"send"'))
      sends.push(request.url());
  });
  await page.getByRole('button', { name: 'Send referral' }).dblclick();
  await expect(page.getByRole('heading', { name: 'Referral sent' })).toBeVisible();
  expect(sends).toHaveLength(1);
});

for (const javaScriptEnabled of [true, false]) {
  test(`volunteer application with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
    browser,
    extraHTTPHeaders,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders });
    const page = await context.newPage();
    const name = `Vol Unteer ${javaScriptEnabled ? 'On' : 'Off'} ${Date.now()}`;
    // One address per test: the site sends at most one confirmation to an address an hour.
    const address = `vol.unteer.${javaScriptEnabled ? 'on' : 'off'}@example.org`;
    await page.goto('/volunteer/apply/');
    await page.getByText('Before you apply: what the role asks of you and the training dates').click();
    await expect(page.getByText('We will require a current background check')).toBeVisible();
    await expect(page.getByText('Not all applications are accepted').first()).toBeVisible();
    await expect(page.getByRole('table', { name: 'Core training dates' })).toBeVisible();
    await expectAccessible(page, 'empty', !javaScriptEnabled);

    await page.getByRole('button', { name: 'Continue' }).click();
    await expectTitle(page, /^Error: /);
    await expect(page.getByRole('link', { name: 'Confirm that you are 18 or over' })).toBeVisible();
    await expectAccessible(page, 'errors', !javaScriptEnabled);

    await page.getByLabel('Full name', { exact: true }).fill(name);
    await page.getByLabel('Email address', { exact: true }).fill(address);
    await page.getByLabel('Phone number', { exact: true }).fill('07700 900 982');
    await page.getByLabel('Postcode').fill('XYZ 123');
    await page.getByLabel('I am 18 or over').check();
    await page.getByLabel('Weekday evenings').check();
    await page.getByRole('group', { name: 'Can you attend all the core training dates?' }).getByLabel('Yes').check();
    await page.getByLabel('I can commit to volunteering for one year after my training').check();
    await page.getByLabel('If I am offered a place, I agree to a background check').check();
    await page.getByLabel('Willing to learn').check();
    await page.getByLabel('Tell us about any relevant experience').fill('Listening service volunteer.');
    await page.getByLabel('Why do you want to volunteer with us?').fill('To help people.');
    await page.getByLabel('I agree to Restorative Gloucestershire using my information').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('link', { name: 'Enter a full UK postcode, like GL1 2AB' })).toBeVisible();
    await expect(page.getByLabel('Full name', { exact: true })).toHaveValue(name);

    // Typed any way, a postcode is written the UK way.
    await page.getByLabel('Postcode').fill('gl12ab');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await expect(page.getByText('GL1 2AB', { exact: true })).toBeVisible();
    await expectAccessible(page, 'check answers', !javaScriptEnabled);
    await page.getByRole('button', { name: 'Send application' }).click();
    await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
    const reference = (await page.locator('[data-reference]').textContent())!;
    expect(reference).toMatch(REFERENCE);
    await expectAccessible(page, 'confirmation', !javaScriptEnabled);

    const staff = await mail.waitFor(`[${reference}] New volunteer application`);
    expect(staff.to).toEqual(['volunteers@test.invalid']);
    expect(decode(staff.raw)).toContain(name);
    const confirmation = await mail.waitFor(`Your reference number is ${reference}`);
    expect(confirmation.to).toEqual([address]);
    expect(decode(confirmation.raw)).not.toContain('To help people');
    await context.close();
  });
}

test('the server log holds the reference of a referral, and none of its answers', async ({ page }) => {
  const name = `Logged Person ${Date.now()}`;
  await chooseAudience(page, 'Me: I was harmed');
  await fillReferral(page, name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page.getByRole('heading', { name: 'Referral sent' })).toBeVisible();
  const reference = (await page.locator('[data-reference]').textContent())!;
  await mail.waitFor(reference);

  const log = readFileSync(TEST_RUN.serverLog, 'utf8');
  expect(log).toContain(reference);
  expect(log).not.toContain(name);
  expect(log).not.toContain('01632 960 001');
  expect(log).not.toContain('broke into my shed');
});

/** Presses Tab until the element has focus, as a keyboard user would; fails if it is never reached. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 200; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the element');
}

const keyboard = (page: Page) => ({
  type: async (label: string, text: string) => {
    await tabTo(page, page.getByLabel(label, { exact: true }));
    await page.keyboard.type(text);
  },
  tick: async (label: string) => {
    await tabTo(page, page.getByLabel(label, { exact: true }));
    await page.keyboard.press('Space');
  },
  /** Tab reaches a radio group at its first option; the arrow keys move to and select the others. */
  choose: async (group: string, option: string) => {
    const radios = page.getByRole('group', { name: group }).getByRole('radio');
    const labels = await radios.evaluateAll((inputs) =>
      inputs.map((input) => (input as HTMLInputElement).labels?.[0]?.textContent?.trim()),
    );
    await tabTo(page, radios.first());
    const index = labels.indexOf(option);
    if (index === 0) await page.keyboard.press('Space');
    for (let step = 0; step < index; step++) await page.keyboard.press('ArrowDown');
    await expect(radios.nth(index)).toBeChecked();
  },
  press: async (button: string) => {
    await tabTo(page, page.getByRole('button', { name: button, exact: true }));
    await page.keyboard.press('Enter');
  },
});

test('a referral can be made with the keyboard alone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  const keys = keyboard(page);
  await page.goto('/refer/');
  await keys.choose('Who is this referral for?', 'Me: I caused harm and want to put it right');
  await keys.press('Continue');
  await expect(page).toHaveURL(/\/refer\/i-caused-harm\/$/);
  await keys.type('Your full name', `Keyboard Person ${Date.now()}`);
  await keys.tick('Email');
  await keys.type('Your email address', 'keyboard.person@example.org');
  await keys.choose('Can we leave you a message?', 'No');
  await keys.choose('Can we email you a confirmation with the reference number?', 'No');
  await keys.choose('What is it about?', 'Neighbours or the community');
  await keys.press('Continue');
  await expect(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeFocused();
  await keys.press('Send referral');
  await expect(page.getByRole('heading', { name: 'Referral sent' })).toBeVisible();
});

test('a volunteer application can be made with the keyboard alone', async ({ page }) => {
  const keys = keyboard(page);
  await page.goto('/volunteer/apply/');
  await keys.type('Full name', `Keyboard Volunteer ${Date.now()}`);
  await keys.type('Email address', 'keyboard.volunteer@example.org');
  await keys.type('Phone number', '07700 900 983');
  await keys.type('Postcode', 'gl50 1aa');
  await keys.tick('I am 18 or over');
  await keys.tick('Weekends');
  await keys.choose('Can you attend all the core training dates?', 'Yes');
  await keys.tick('I can commit to volunteering for one year after my training');
  await keys.tick('If I am offered a place, I agree to a background check');
  await keys.choose('How comfortable are you using IT?', 'Confident');
  await keys.type('Tell us about any relevant experience', 'Peer mentor.');
  await keys.type('Why do you want to volunteer with us?', 'To help.');
  await keys.tick('I agree to Restorative Gloucestershire using my information to consider my application');
  await keys.choose('Your age group (optional)', 'Prefer not to say');
  await keys.press('Continue');
  await expect(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeFocused();
  await expect(page.getByText('GL50 1AA', { exact: true })).toBeVisible();
  await keys.press('Send application');
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
});

test.describe('feedback without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('is sent with no name or contact details, and waits for the daily digest, dated to its day only', async ({
    page,
  }) => {
    await page.goto('/feedback/');
    await expect(page.getByRole('link', { name: 'how to complain' }).first()).toHaveAttribute(
      'href',
      '/restorative-processes/how-to-complain/',
    );
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('link', { name: 'Select how you found taking part' })).toBeVisible();
    await page.getByLabel('Good', { exact: true }).check();
    const words = `The facilitator listened ${Date.now()}`;
    await page.getByLabel('What helped? (optional)').fill(words);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await expect(page.getByRole('heading', { name: 'Feedback sent' })).toBeVisible();
    const reference = (await page.locator('[data-reference]').textContent())!;
    // Kept, sealed, for the next digest (tests/unit/digest.spec.ts sends it): its metadata says
    // it waits, and holds its day, not its time.
    const metadataFile = readdirSync(path.join(TEST_RUN.dataDir, 'blobs', 'metadata'), {
      recursive: true,
      encoding: 'utf8',
    })
      .map((name) => path.join(TEST_RUN.dataDir, 'blobs', 'metadata', name))
      .find((file) => path.basename(file) === reference);
    expect(metadataFile, reference).toBeTruthy();
    const metadata = JSON.parse(readFileSync(metadataFile!, 'utf8')) as Record<string, unknown>;
    expect(metadata).toMatchObject({ form: 'feedback', status: 'pending' });
    expect(String(metadata.receivedAt)).toMatch(/T00:00:00\.000Z$/);
    expect(savedMail(TEST_RUN.mailDir).filter((m) => decode(m.raw).includes(words))).toEqual([]);
  });
});
