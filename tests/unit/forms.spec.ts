import { expect, test } from 'vitest';
import { parse, textOf } from '../support/dom.ts';
import type { FormDefinition } from '../../src/forms/definition.ts';
import {
  allFields,
  askedSections,
  isAsked,
  normalisePostcode,
  say,
  validate,
  type Speaker,
  type Words,
} from '../../src/forms/fields.ts';
import referralForm from '../../functions/forms/referral.ts';
import { FORM_MODULES, FORMS } from '../../src/forms/registry.ts';
import {
  renderAudienceQuestion,
  renderBeforeSend,
  renderCheckAnswers,
  renderConfirmation,
  renderErrorSummary,
  renderQuestions,
} from '../../src/forms/render.ts';
import volunteerApplicationForm from '../../functions/forms/volunteer-application.ts';
import feedbackForm from '../../functions/forms/feedback.ts';

const validReferral = {
  referralFor: 'harmed',
  fullName: '  Alex  ',
  contactMethods: ['phone'],
  phone: '01632 960 001',
  leaveMessage: 'no',
  setting: 'crime',
};

const professionalReferral = {
  referralFor: 'professional',
  referrerName: 'Pat Officer',
  organisation: 'Probation',
  role: 'Probation officer',
  referrerPhone: '01632 960 002',
  referrerEmail: 'pat@probation.example',
  referrerEmailConfirmation: 'yes',
  fullName: 'Sam Person',
  personRole: 'responsible',
  contactMethods: ['phone', 'email'],
  phone: '07700 900 982',
  email: 'sam@example.com',
  leaveMessage: 'no',
  setting: 'prison-probation',
  accessNeeds: ['interpreter', 'large-print'],
  interpreterLanguage: 'Polish',
  consentConfirmed: 'yes',
};

const speakers = (form: FormDefinition): Speaker[] =>
  form.audience
    ? form.audience.field.options.map((option) => ({
        audience: option.value,
        voice: form.audience!.others.includes(option.value) ? 'other' : 'self',
      }))
    : [{ voice: 'self' }];

test('each form page names, for its script to load, the module that asks that form’s questions', async () => {
  expect(Object.keys(FORM_MODULES).sort()).toEqual(Object.keys(FORMS).sort());
  for (const [id, module] of Object.entries(FORM_MODULES)) {
    expect(module, id).toMatch(/^[a-z-]+\/form(\.[a-z]+)?\.ts$/);
    const loaded = (await import(`../../src/forms/${module}`)) as { default: FormDefinition };
    expect(loaded.default.id, module).toBe(id);
  }
});

test('a valid referral is cleaned: trimmed, and answers to questions not asked are dropped', () => {
  const result = validate(referralForm, { ...validReferral, email: 'not asked', referrerName: 'not asked' });
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.values.fullName).toBe('Alex');
  expect(result.values.email).toBeUndefined();
  expect(result.values.referrerName).toBeUndefined();
});

test('conditional questions are required only when asked, in the words of who is answering', () => {
  const needsEmail = validate(referralForm, { ...validReferral, contactMethods: ['phone', 'email'] });
  expect(needsEmail.ok).toBe(false);
  if (!needsEmail.ok) expect(needsEmail.errors.email).toBe('Enter your email address');
  const professional = validate(referralForm, { ...validReferral, referralFor: 'professional' });
  expect(professional.ok).toBe(false);
  if (!professional.ok) {
    expect(Object.keys(professional.errors).sort()).toEqual(
      [
        'consentConfirmed',
        'organisation',
        'personRole',
        'referrerEmail',
        'referrerEmailConfirmation',
        'referrerName',
        'referrerPhone',
        'role',
      ].sort(),
    );
    expect(professional.errors.personRole).toBe('Select whether they were harmed or caused the harm');
  }
  const theirEmail = validate(referralForm, { ...professionalReferral, email: '' });
  expect(!theirEmail.ok && theirEmail.errors.email).toBe('Enter their email address');
  expect(validate(referralForm, professionalReferral).ok).toBe(true);
  const noLanguage = validate(referralForm, { ...professionalReferral, interpreterLanguage: '' });
  expect(!noLanguage.ok && noLanguage.errors.interpreterLanguage).toBe(
    'Enter the language the interpreter should speak',
  );
});

test('messages follow GOV.UK wording in every voice: say what to do, no "please", "valid" or "invalid"', () => {
  // The English forms (a form in another language is checked by its translator).
  for (const form of Object.values(FORMS).filter((each) => !each.ui)) {
    for (const speaker of speakers(form)) {
      for (const field of allFields(form)) {
        for (const words of Object.values(field.messages) as Words[]) {
          const message = say(words, speaker);
          expect(message, field.name).not.toMatch(/please|valid|oops/i);
          expect(message, field.name).toMatch(/^(Enter|Select|Confirm|Tell|.+ must be)/);
        }
      }
    }
  }
});

test('a referral for someone else never says “you” where it means the person referred', () => {
  const aboutThem = /\b(you|your|yours|yourself)\b/i;
  for (const speaker of speakers(referralForm).filter((s) => s.voice === 'other')) {
    const values = { ...professionalReferral, referralFor: speaker.audience! };
    // Every question about the person, the event and their needs, as shown and as checked.
    for (const section of referralForm.sections.filter((s) => s.id !== 'referrer')) {
      if (!isAsked({ when: section.when }, values)) continue;
      for (const words of [section.heading, ...(section.intro ?? [])])
        expect(say(words, speaker)).not.toMatch(aboutThem);
      for (const field of section.fields.filter((f) => isAsked(f, values))) {
        const texts: (Words | undefined)[] = [
          field.label,
          field.hint,
          field.summaryLabel,
          ...Object.values(field.messages),
        ];
        if (field.kind === 'radios' || field.kind === 'checkboxes') texts.push(...field.options.map((o) => o.label));
        for (const words of texts)
          expect(say(words, speaker) ?? '', `${speaker.audience} ${field.name}`).not.toMatch(aboutThem);
      }
    }
    for (const line of referralForm.nextSteps) {
      // "We may contact you first" is about the referrer: the rest is about the person referred.
      const aboutThePerson = say(line, speaker)
        .replace('We may contact you first if we need to check anything.', '')
        .replace('the person you referred', 'the person referred');
      expect(aboutThePerson).not.toMatch(aboutThem);
    }
    const html = renderQuestions(referralForm, { values: { referralFor: speaker.audience! } });
    expect(html).toContain('Their full name');
    expect(html).not.toContain('How can we contact you safely?');
    const check = renderCheckAnswers(referralForm, values, 'token');
    expect(check).toContain('Their name');
    expect(check).not.toContain('A trained facilitator will contact you,');
    expect(renderBeforeSend(referralForm, speaker)).toContain('will contact the person you referred');
    expect(renderConfirmation(referralForm, 'RG-0000-0000', { phone: '0', email: 'a@b.co' }, speaker)).toContain(
      'will contact the person you referred',
    );
  }
  const self = renderQuestions(referralForm, { values: { referralFor: 'harmed' } });
  expect(self).toContain('How can we contact you safely?');
  expect(self).not.toContain('Your organisation');
});

test('every answer to “Who is this referral for?” has its own page, and the question has no pre-ticked answer', () => {
  const audience = referralForm.audience!;
  expect(Object.keys(audience.paths).sort()).toEqual(audience.field.options.map((o) => o.value).sort());
  const page = parse(renderAudienceQuestion(referralForm));
  expect(textOf(page.querySelector('legend'))).toContain('Who is this referral for?');
  const radios = [...page.querySelectorAll('input[type="radio"]')];
  expect(radios.map((radio) => radio.getAttribute('value')).sort()).toEqual(Object.keys(audience.paths).sort());
  expect(page.querySelectorAll('input:checked, input[checked]')).toHaveLength(0);
  expect(page.querySelector('button[name="action"]')?.getAttribute('value')).toBe('choose');
});

test('every form that asks who it is for says what to do when nobody is chosen, and captions each answer’s page', () => {
  const asking = Object.values(FORMS).filter((form) => form.audience);
  expect(asking.map((form) => form.id)).toContain('referral');
  for (const { id, audience } of asking) {
    expect(say(audience!.field.messages.required)?.trim(), id).toBeTruthy();
    for (const answer of Object.keys(audience!.paths))
      expect(audience!.captions[answer]?.trim(), `${id}: ${answer}`).toBeTruthy();
  }
});

test('phone numbers and emails in any common format are accepted as typed; postcodes are written the UK way', () => {
  for (const phone of ['01632 960 001', '+44 (0)1632 960001', '07700-900-982']) {
    const result = validate(referralForm, { ...validReferral, phone });
    expect(result.ok, phone).toBe(true);
    if (result.ok) expect(result.values.phone).toBe(phone);
  }
  expect(validate(referralForm, { ...validReferral, phone: 'call me' }).ok).toBe(false);
  expect(normalisePostcode('gl1 2ab')).toBe('GL1 2AB');
  expect(normalisePostcode('GL12AB')).toBe('GL1 2AB');
  expect(normalisePostcode(' sw1a  1aa ')).toBe('SW1A 1AA');
  expect(normalisePostcode('GL1')).toBe('GL1');
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

test('a form that keeps answers gives personal fields their purpose; one that forgets them turns all of it off', () => {
  const volunteer = parse(renderQuestions(volunteerApplicationForm, { values: {} }));
  expect(volunteer.querySelector('form')?.hasAttribute('autocomplete')).toBe(false);
  expect(volunteer.querySelector('input[name="fullName"]')?.getAttribute('autocomplete')).toBe('name');
  expect(volunteer.querySelector('input[type="email"]')?.getAttribute('autocomplete')).toBe('email');
  for (const form of [referralForm, feedbackForm]) {
    const page = parse(renderQuestions(form, { values: { referralFor: 'harmed' } }));
    expect(page.querySelector('form')?.getAttribute('autocomplete'), form.id).toBe('off');
    for (const input of page.querySelectorAll('input[type="text"], input[type="email"], input[type="tel"]'))
      expect(input.getAttribute('autocomplete'), `${form.id} ${input.getAttribute('name')}`).toBe('off');
  }
});

test('nothing is pre-ticked, optional questions say so, and questions that depend on an answer say which', () => {
  const html = renderQuestions(referralForm, { values: { referralFor: 'harmed' } });
  const page = parse(html);
  expect(page.querySelectorAll('input[checked], option[selected]')).toHaveLength(0);
  expect(page.querySelector('form')?.hasAttribute('novalidate')).toBe(true);
  const description = page.querySelector('label[for="field-description"]');
  expect(textOf(description)).toBe('What happened, briefly (optional)');
  expect(textOf(description?.querySelector('.form-optional'))).toBe('(optional)');
  // The referral keeps no answers in the browser (forgetAnswers): not even the person's own name.
  expect(page.querySelector('form')?.getAttribute('autocomplete')).toBe('off');
  expect(page.querySelector('#field-fullName')?.getAttribute('autocomplete')).toBe('off');
  expect(page.querySelector('#field-phone')?.getAttribute('autocomplete')).toBe('off');
  expect(textOf(page.body)).toContain('Answer this only if you ticked “Phone” in “How can we contact you safely?”');
  // Someone referring another person is not offered their own details by the browser.
  const other = parse(renderQuestions(referralForm, { values: { referralFor: 'supporter' } }));
  const name = other.querySelector('input[name="fullName"]');
  expect(name?.getAttribute('autocomplete')).toBe('off');
  expect(name?.getAttribute('value') ?? '').toBe('');
});

test('the error summary links to each field and uses the inline words', () => {
  const result = validate(referralForm, {});
  if (result.ok) throw new Error('expected errors');
  const page = parse(renderQuestions(referralForm, result));
  const summary = parse(renderErrorSummary(referralForm, result.errors));
  expect(textOf(summary.querySelector('h2'))).toBe('There is a problem');
  const links = [...summary.querySelectorAll('a')];
  expect(links.map((link) => textOf(link))).toEqual(Object.values(result.errors));
  for (const link of links) {
    // Each link leads to a field that is on the page, whose inline message has the same words.
    const target = page.querySelector(link.getAttribute('href')!);
    expect(target, link.getAttribute('href')!).not.toBeNull();
  }
  expect(links.map((link) => link.getAttribute('href'))).toContain('#field-fullName');
  const inline = [...page.querySelectorAll('.form-error')].map((message) => textOf(message));
  for (const message of Object.values(result.errors)) expect(inline).toContain(`Error: ${message}`);
});

test('check answers escapes every answer and names each Change link', () => {
  const values = { ...validReferral, fullName: '<img src=x onerror=alert(1)>' };
  const page = parse(renderCheckAnswers(referralForm, values, 'token'));
  expect(page.querySelectorAll('img')).toHaveLength(0);
  expect(textOf(page.body)).toContain('<img src=x onerror=alert(1)>');
  const changes = [...page.querySelectorAll('button[name="change"], a')]
    .map((change) => textOf(change))
    .filter((text) => text.startsWith('Change'));
  expect(changes).toContain('Change your name');
  expect(changes).toContain('Change who the referral is for');
  expect(textOf(page.querySelector('button[name="action"][value="send"]'))).toBe('Send referral');
  expect(askedSections(referralForm, values)[0].fields[0].name).toBe('referralFor');
});

test('the buttons say what is happening while an answer is on its way, in a live region too', () => {
  const questions = parse(renderQuestions(referralForm, { values: { referralFor: 'harmed' } }));
  expect(questions.querySelector('[data-busy-label]')?.getAttribute('data-busy-label')).toBe('Checking your answers…');
  expect(questions.querySelector('[data-form-status]')?.getAttribute('role')).toBe('status');
  const check = parse(renderCheckAnswers(referralForm, validReferral, 't'));
  expect(check.querySelector('[data-busy-label]')?.getAttribute('data-busy-label')).toBe('Sending your referral…');
});
