import { afterEach, beforeEach, expect, test } from 'vitest';
import { inboxFor } from '../../functions/settings/config.ts';
import { confirmationAddress } from '../../functions/delivery/confirmation.ts';
import type { Mailer } from '../../functions/delivery/mail.ts';
import { sweep } from '../../functions/delivery/sweep.ts';
import { parseAnswers } from '../../functions/intake/validate.ts';
import { isEditablePath } from '../../scripts/lib/cms-local-backend.ts';
import referralForm from '../../functions/forms/referral.ts';
import { decode } from '../support/smtp.ts';
import { quietly } from '../support/logs.ts';
import { formRequest, REFERRAL_ANSWERS, startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * Promises that a one-line bug once broke without any test noticing (found by making the bug on
 * purpose, as `npm run mutation` does). Each test names the promise; each fails if it breaks.
 */
const HOUR = 60 * 60_000;

let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await startPipeline();
});
afterEach(async () => pipeline.stop());

const PROFESSIONAL_REFERRAL = {
  referralFor: 'professional',
  referrerName: 'Pat Officer',
  organisation: 'Gloucestershire Constabulary',
  role: 'Victim liaison officer',
  referrerPhone: '01632 960 100',
  referrerEmail: 'pat.officer@example.org',
  referrerEmailConfirmation: 'yes',
  fullName: 'Robin Referred',
  personRole: 'harmed',
  contactMethods: ['email'],
  email: 'robin.referred@example.org',
  leaveMessage: 'no',
  setting: 'crime',
  description: 'A burglary at their home.',
  consentConfirmed: 'yes',
};

/** Checks the answers, waits the minimum time on the pipeline's clock, and returns the send request's body. */
async function checked(answers: Record<string, unknown>) {
  const handle = pipeline.handler(referralForm);
  const check = await handle(formRequest(referralForm.endpoint, { ...answers, action: 'check' }));
  expect(check.status, await check.clone().text()).toBe(200);
  const { token } = (await check.json()) as { token: string };
  pipeline.advance(pipeline.config.minMsBeforeSend);
  return { handle, send: () => formRequest(referralForm.endpoint, { ...answers, action: 'send', token }) };
}

test('a professional’s referral confirms to the professional, never to the person referred', async () => {
  const { handle, send } = await checked(PROFESSIONAL_REFERRAL);
  const sent = await quietly(() => handle(send()));
  expect(sent.status).toBe(201);
  await quietly(() => pipeline.settle());
  const { reference } = (await sent.json()) as { reference: string };
  const confirmations = pipeline.mail.received.filter((mail) =>
    decode(mail.raw).includes(`Your reference number is ${reference}`),
  );
  expect(confirmations.map((mail) => mail.to)).toEqual([['pat.officer@example.org']]);
  expect(pipeline.mail.received.some((mail) => mail.to.includes('robin.referred@example.org'))).toBe(false);
});

test('a used token stays used for as long as it could be sent: a replay a day later stores nothing new', async () => {
  const { handle, send } = await checked(REFERRAL_ANSWERS);
  const first = await quietly(() => handle(send()));
  expect(first.status).toBe(201);
  const { reference } = (await first.json()) as { reference: string };
  await quietly(() => pipeline.settle());
  // Nearly the token's whole life later, after sweeps that purge old markers, it is replayed.
  for (let hour = 0; hour < 23; hour++) {
    pipeline.advance(HOUR);
    await quietly(() => sweep(pipeline.deps.outbox));
  }
  const replay = await quietly(() => handle(send()));
  expect(replay.status).toBe(201);
  expect(((await replay.json()) as { reference: string }).reference).toBe(reference);
  expect((await pipeline.deps.outbox.store.list()).blobs).toHaveLength(1);
});

test('a token is freed again when storing fails, so the same answers can still be sent', async () => {
  const { handle, send } = await checked(REFERRAL_ANSWERS);
  const store = pipeline.deps.outbox.store;
  const setJSON = store.setJSON.bind(store);
  store.setJSON = async () => {
    throw new Error('store down');
  };
  const failed = await quietly(() => handle(send()));
  expect(failed.status).toBe(503);
  store.setJSON = setJSON;
  const again = await quietly(() => handle(send()));
  expect(again.status, await again.clone().text()).toBe(201);
  expect((await store.list()).blobs).toHaveLength(1);
});

test('staff are alerted once about a referral that cannot be delivered, not at every failed try', async () => {
  const real = pipeline.deps.outbox.mailer;
  const refusingStaffMail: Mailer = {
    send: async (mail) => {
      if (mail.to === pipeline.config.referralInbox)
        throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
      return real.send(mail);
    },
  };
  pipeline.deps.outbox.mailer = refusingStaffMail;
  const { handle, send } = await checked(REFERRAL_ANSWERS);
  expect((await quietly(() => handle(send()))).status).toBe(201);
  await quietly(async () => {
    await pipeline.settle();
    for (let i = 0; i < pipeline.config.maxAttempts + 3; i++) {
      pipeline.advance(7 * HOUR);
      await sweep(pipeline.deps.outbox);
    }
  });
  const alerts = pipeline.mail.received.filter((mail) => mail.to.includes(pipeline.config.alertInbox));
  expect(alerts).toHaveLength(1);
});

test('a required group of tick boxes left empty is refused: a referral always says how to make contact', () => {
  const result = parseAnswers(referralForm, { ...REFERRAL_ANSWERS, contactMethods: [] });
  expect(result.ok).toBe(false);
  if (!result.ok) expect(Object.keys(result.errors)).toEqual(['contactMethods']);
  const none = parseAnswers(referralForm, { ...REFERRAL_ANSWERS, contactMethods: undefined });
  expect(none.ok).toBe(false);
});

test('a body that is not a set of named answers (a list, text, nothing) is refused as a whole, not read', () => {
  for (const body of [['Alex', 'Phone'], 'fullName=Alex', null, 42]) {
    expect(parseAnswers(referralForm, body), JSON.stringify(body)).toEqual({
      ok: false,
      errors: { form: 'Send the form’s answers' },
      values: {},
    });
  }
});

test('a box the person must tick is ticked only by "yes": "no" or anything else is refused', () => {
  for (const consentConfirmed of ['no', 'false', '', 'on?']) {
    const result = parseAnswers(referralForm, { ...PROFESSIONAL_REFERRAL, consentConfirmed });
    expect(result.ok, consentConfirmed).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toEqual(['consentConfirmed']);
  }
  expect(parseAnswers(referralForm, PROFESSIONAL_REFERRAL).ok).toBe(true);
});

test('a form’s submissions go to the inbox its own module names, not the referral inbox', () => {
  const config = { referralInbox: 'referrals@test.invalid', inboxes: { VOLUNTEER_INBOX: 'volunteers@test.invalid' } };
  expect(inboxFor(config, { inbox: 'VOLUNTEER_INBOX' })).toBe('volunteers@test.invalid');
  process.env.PROMISES_TEST_INBOX = 'own@test.invalid';
  try {
    expect(inboxFor(config, { inbox: 'PROMISES_TEST_INBOX' })).toBe('own@test.invalid');
  } finally {
    delete process.env.PROMISES_TEST_INBOX;
  }
  // Unset, the referral inbox, which is always set, receives it.
  expect(inboxFor(config, { inbox: 'UNSET_TEST_INBOX' })).toBe('referrals@test.invalid');
});

test('the local CMS may write inside content/ and public/uploads/, never beside them', () => {
  expect(isEditablePath('content/pages/home.md')).toBe(true);
  expect(isEditablePath('public/uploads/picture.jpg')).toBe(true);
  for (const outside of ['content-x/pages/home.md', 'contentx/a.md', 'public/uploads-old/a.jpg', 'content', 'content/'])
    expect(isEditablePath(outside), outside).toBe(false);
  expect(isEditablePath('content-x', 'folder')).toBe(false);
  expect(isEditablePath('content/pages', 'folder')).toBe(true);
});

test('a confirmation goes only where the first rule that applies says, and only with consent', () => {
  const rules = [
    { when: { field: 'for', oneOf: ['other'] }, address: 'theirEmail', consent: { field: 'confirm', value: 'yes' } },
    { when: { field: 'for', oneOf: ['self'] }, address: 'email' },
  ];
  const values = { theirEmail: 'referrer@example.org', email: 'person@example.org', confirm: 'yes' };
  expect(confirmationAddress(rules, { ...values, for: 'other' })).toBe('referrer@example.org');
  expect(confirmationAddress(rules, { ...values, for: 'self' })).toBe('person@example.org');
  // No rule applies: nobody is written to (and nothing fails).
  expect(confirmationAddress(rules, { ...values, for: 'someone' })).toBeUndefined();
  expect(confirmationAddress([], values)).toBeUndefined();
  // Consent must be the exact answer.
  expect(confirmationAddress(rules, { ...values, for: 'other', confirm: 'no' })).toBeUndefined();
  expect(confirmationAddress(rules, { theirEmail: 'referrer@example.org', for: 'other' })).toBeUndefined();
  // An address that is not one address is not used.
  expect(confirmationAddress(rules, { for: 'self', email: '' })).toBeUndefined();
  expect(confirmationAddress(rules, { for: 'self', email: ['a@example.org', 'b@example.org'] })).toBeUndefined();
  expect(confirmationAddress(rules, { for: 'self' })).toBeUndefined();
});
