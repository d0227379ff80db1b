import { expect, test } from '@playwright/test';
import { allFields, validate } from '../../src/forms/fields.ts';
import { referralForm } from '../../src/forms/referral.ts';
import { escapeHtml, renderCheckAnswers, renderErrorSummary, renderQuestions } from '../../src/forms/render.ts';
import { volunteerApplicationForm } from '../../src/forms/volunteer-application.ts';

const validReferral = {
  referrerType: 'harmed',
  fullName: '  Alex  ',
  contactMethods: ['phone'],
  phone: '01632 960 001',
  leaveMessage: 'no',
  setting: 'crime',
};

test('a valid referral is cleaned: trimmed, and answers to questions not asked are dropped', () => {
  const result = validate(referralForm, { ...validReferral, email: 'not asked', referrerName: 'not asked' });
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.values.fullName).toBe('Alex');
  expect(result.values.email).toBeUndefined();
  expect(result.values.referrerName).toBeUndefined();
});

test('conditional questions are required only when asked', () => {
  const needsEmail = validate(referralForm, { ...validReferral, contactMethods: ['phone', 'email'] });
  expect(needsEmail.ok).toBe(false);
  if (!needsEmail.ok) expect(needsEmail.errors.email).toBe('Enter an email address');
  const professional = validate(referralForm, { ...validReferral, referrerType: 'professional' });
  expect(professional.ok).toBe(false);
  if (!professional.ok) {
    expect(Object.keys(professional.errors).sort()).toEqual(
      ['consentConfirmed', 'organisation', 'referrerEmail', 'referrerName', 'referrerPhone', 'role'].sort(),
    );
  }
});

test('messages follow GOV.UK wording: say what to do, no "please", "valid" or "invalid"', () => {
  for (const form of [referralForm, volunteerApplicationForm]) {
    for (const field of allFields(form)) {
      for (const message of Object.values(field.messages)) {
        expect(message, field.name).not.toMatch(/please|valid|oops/i);
        expect(message, field.name).toMatch(/^(Enter|Select|Confirm|Tell|.+ must be)/);
      }
    }
  }
});

test('phone numbers, emails and postcodes in any common format are accepted, and never reformatted', () => {
  for (const phone of ['01632 960 001', '+44 (0)1632 960001', '07700-900-982']) {
    const result = validate(referralForm, { ...validReferral, phone });
    expect(result.ok, phone).toBe(true);
    if (result.ok) expect(result.values.phone).toBe(phone);
  }
  expect(validate(referralForm, { ...validReferral, phone: 'call me' }).ok).toBe(false);
  const volunteer = (postcode: string, email = 'a@b.co') =>
    validate(volunteerApplicationForm, { postcode, email }) as { ok: false; errors: Record<string, string> };
  expect(volunteer('gl1 2ab').errors.postcode).toBeUndefined();
  expect(volunteer('GL12AB').errors.postcode).toBeUndefined();
  expect(volunteer('GL1').errors.postcode).toBe('Enter a full UK postcode, like GL1 2AB');
  expect(volunteer('GL1 2AB', 'no-at-sign').errors.email).toBe(
    'Enter an email address in the correct format, like name@example.com',
  );
});

test('length limits count characters, not bytes, and give the limit', () => {
  const ok = validate(referralForm, { ...validReferral, description: '🙂'.repeat(1000) });
  expect(ok.ok).toBe(true);
  const long = validate(referralForm, { ...validReferral, description: 'a'.repeat(1001) });
  expect(long.ok).toBe(false);
  if (!long.ok) expect(long.errors.description).toBe('What happened must be 1,000 characters or fewer');
});

test('nothing is pre-ticked and optional questions say so', () => {
  const html = renderQuestions(referralForm);
  expect(html).not.toContain(' checked');
  expect(html).toContain('novalidate');
  expect(html).toContain('What happened, briefly <span class="form-optional">(optional)</span>');
  expect(html).toMatch(/autocomplete="name"/);
  expect(html).toMatch(/autocomplete="tel"/);
});

test('the error summary links to each field and uses the inline words', () => {
  const result = validate(referralForm, {});
  if (result.ok) throw new Error('expected errors');
  const html = renderQuestions(referralForm, result);
  const summary = renderErrorSummary(referralForm, result.errors);
  expect(summary).toContain('There is a problem');
  expect(summary).toContain('href="#field-referrerType-1"');
  expect(summary).toContain('href="#field-fullName"');
  for (const message of Object.values(result.errors)) {
    expect(html).toContain(`<span class="visually-hidden">Error:</span> ${escapeHtml(message)}`);
  }
});

test('check answers escapes every answer and names each Change link', () => {
  const values = { ...validReferral, fullName: '<img src=x onerror=alert(1)>' };
  const html = renderCheckAnswers(referralForm, values, 'token');
  expect(html).not.toContain('<img src=x');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).toContain('Change<span class="visually-hidden"> name</span>');
  expect(html).toContain('>Send referral</button>');
});
