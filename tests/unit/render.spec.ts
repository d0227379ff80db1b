import { expect, test } from 'vitest';
import {
  confirmationQuery,
  escapeHtml,
  renderAudienceQuestion,
  renderBeforeSend,
  renderCheckAnswers,
  renderConfirmation,
  renderErrorSummary,
  renderQuestions,
  renderSent,
} from '../../src/forms/render.ts';
import { validate } from '../../src/forms/fields.ts';
import { ENGLISH_UI } from '../../src/forms/ui-english.ts';
import form from '../fixtures/every-kind-form.ts';
import { outline, parse, textOf } from '../support/dom.ts';

/**
 * The forms' HTML, as the browser script and the functions write it, read through a parsed
 * DOM on a fixture form with one question of each kind: what a person with a screen reader,
 * a keyboard or no JavaScript meets. Each rule is checked on every state the form has.
 */
const CONTACT = { phone: '01632 960 000', email: 'refer@test.invalid' };
const byId = (doc: Document, id: string) => doc.getElementById(id);

/** The rules every state of every form keeps (GOV.UK Design System, WCAG 2.2). */
function expectWellFormed(doc: Document) {
  const ids = [...doc.querySelectorAll('[id]')].map((element) => element.id);
  expect(ids.length, 'ids').toBe(new Set(ids).size);
  for (const element of doc.querySelectorAll('[aria-describedby]'))
    for (const id of element.getAttribute('aria-describedby')!.split(' '))
      expect(byId(doc, id), `described by #${id}`).not.toBeNull();
  for (const input of doc.querySelectorAll('input:not([type="hidden"]), textarea')) {
    const label = doc.querySelector(`label[for="${input.id}"]`);
    expect(textOf(label), `label for #${input.id}`).not.toBe('');
  }
  for (const link of doc.querySelectorAll('a[href^="#"]'))
    expect(byId(doc, link.getAttribute('href')!.slice(1)), link.getAttribute('href')!).not.toBeNull();
  for (const radio of doc.querySelectorAll('input[type="radio"], input[type="checkbox"]'))
    expect(radio.closest('fieldset') ?? radio.closest('.form-honeypot'), radio.id).not.toBeNull();
  for (const fieldset of doc.querySelectorAll('fieldset'))
    expect(textOf(fieldset.querySelector(':scope > legend')), fieldset.id).not.toBe('');
  expectNoStrayText(doc);
}

/** Every word is inside a paragraph, label, heading or the like: none loose between blocks. */
function expectNoStrayText(doc: Document) {
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent!.trim()) continue;
    expect(['BODY', 'UL', 'OL', 'FORM', 'SECTION', 'FIELDSET', 'DL'], JSON.stringify(node.textContent)).not.toContain(
      node.parentElement!.tagName,
    );
  }
}

test('the questions: each input labelled, typed and hinted as its kind needs; optional ones say so', () => {
  const doc = parse(renderQuestions(form, { values: { who: 'me' } }));
  expectWellFormed(doc);
  const root = doc.querySelector('form')!;
  expect(root.getAttribute('action')).toBe('/api/forms/every-kind');
  expect(root.getAttribute('method')).toBe('post');
  expect(root.hasAttribute('novalidate')).toBe(true);
  expect(root.getAttribute('data-step')).toBe('questions');
  expect(root.getAttribute('data-form')).toBe('every-kind');

  const name = byId(doc, 'field-name')!;
  expect(name.getAttribute('type')).toBe('text');
  expect(name.getAttribute('autocomplete')).toBe('off');
  expect(name.hasAttribute('aria-describedby')).toBe(false);
  expect(name.hasAttribute('aria-invalid')).toBe(false);
  expect(name.getAttribute('class')).toBe('form-input');
  expect(textOf(doc.querySelector('label[for="field-name"]'))).toBe('Your name');
  expect(byId(doc, 'field-email')!.getAttribute('type')).toBe('email');
  expect(textOf(doc.querySelector('label[for="field-email"]'))).toBe('Email (optional)');
  const phone = byId(doc, 'field-phone')!;
  expect(phone.getAttribute('type')).toBe('tel');
  expect(phone.getAttribute('inputmode')).toBe('tel');
  expect(phone.getAttribute('spellcheck')).toBe('false');
  expect(name.hasAttribute('spellcheck')).toBe(false);
  expect(name.hasAttribute('inputmode')).toBe(false);
  const postcode = byId(doc, 'field-postcode')!;
  expect(postcode.getAttribute('type')).toBe('text');
  expect(postcode.getAttribute('autocapitalize')).toBe('characters');
  expect(phone.hasAttribute('autocapitalize')).toBe(false);

  // Nothing is pre-ticked.
  expect(doc.querySelectorAll('input[checked]')).toHaveLength(0);
  expect(textOf(doc.querySelector('#group-ways legend'))).toBe('Ways to reach you');
  expect(textOf(doc.querySelector('#group-colour legend'))).toBe('Favourite colour (optional)');
  expect(doc.querySelector('#group-ways')!.tagName).toBe('FIELDSET');
  expect([...doc.querySelectorAll('#group-ways input')].map((input) => input.getAttribute('type'))).toEqual([
    'checkbox',
    'checkbox',
  ]);
  expect(doc.querySelector('#group-colour .choices')!.getAttribute('class')).toBe('choices choices--radio');
  // An option's hint is tied to it.
  expect(byId(doc, 'field-colour-1')!.getAttribute('aria-describedby')).toBe('field-colour-1-hint');
  expect(textOf(byId(doc, 'field-colour-1-hint'))).toBe('Like a post box');
  expect(byId(doc, 'field-ways-1')!.hasAttribute('aria-describedby')).toBe(false);
  const agree = byId(doc, 'field-agree')!;
  expect(agree.getAttribute('type')).toBe('checkbox');
  expect(agree.getAttribute('value')).toBe('yes');
  expect(textOf(doc.querySelector('label[for="field-agree"]'))).toBe('I agree');

  // Long answers say how long they may be, in the hint the box is described by.
  const address = byId(doc, 'field-address')!;
  expect(address.tagName).toBe('TEXTAREA');
  expect(address.getAttribute('rows')).toBe('4');
  expect(address.getAttribute('aria-describedby')).toBe('field-address-hint');
  expect(textOf(byId(doc, 'field-address-hint'))).toBe('Up to 20 characters.');

  // The send step: a button that says what it is doing, and a live region beside it.
  const button = doc.querySelector('button[type="submit"]')!;
  expect(button.getAttribute('name')).toBe('action');
  expect(button.getAttribute('value')).toBe('check');
  expect(button.getAttribute('data-busy-label')).toBe('Checking your answers…');
  expect(textOf(button)).toBe('Continue');
  expect(doc.querySelector('[data-form-status]')!.getAttribute('role')).toBe('status');
  expect(doc.querySelector('input[name="step"]')!.getAttribute('value')).toBe('check');
});

test('the honeypot is hidden from people, screen readers and the keyboard', () => {
  const doc = parse(renderQuestions(form));
  const trap = doc.querySelector('.form-honeypot')!;
  expect(trap.getAttribute('aria-hidden')).toBe('true');
  const input = trap.querySelector('input')!;
  expect(input.getAttribute('name')).toBe('website');
  expect(input.getAttribute('tabindex')).toBe('-1');
  expect(input.getAttribute('autocomplete')).toBe('off');
  expect(input.getAttribute('type')).toBe('text');
});

test('questions that depend on an answer say which, and carry it for the script', () => {
  const doc = parse(renderQuestions(form, { values: { who: 'me' } }));
  const more = byId(doc, 'section-more')!;
  expect(more.getAttribute('data-when-field')).toBe('ways');
  expect(more.getAttribute('data-when-values')).toBe('post');
  expect([...more.querySelectorAll('p')].map(textOf).slice(0, 2)).toEqual(['Where to write to.', 'Your address.']);
  const flat = byId(doc, 'group-flat')!;
  expect(flat.getAttribute('data-when-field')).toBe('colour');
  expect(flat.getAttribute('data-when-values')).toBe('red');
  expect(textOf(flat.querySelector('[data-when-note]'))).toBe(
    'Answer this only if you chose “Red” in “Favourite colour”.',
  );
  expect(byId(doc, 'group-address')!.hasAttribute('data-when-field')).toBe(false);
  expect(byId(doc, 'group-address')!.querySelector('[data-when-note]')).toBeNull();
});

test('the audience answer settles what is asked: hidden input, caption, a way to change it, words for them', () => {
  const me = parse(renderQuestions(form, { values: { who: 'me' } }));
  // A question only for professionals is not on the page at all for someone else.
  expect(byId(me, 'field-org')).toBeNull();

  const pro = parse(renderQuestions(form, { values: { who: 'pro' } }));
  expectWellFormed(pro);
  expect(pro.querySelector('input[type="hidden"][name="who"]')!.getAttribute('value')).toBe('pro');
  expect(textOf(pro.querySelector('.form-caption'))).toBe('For a client. Change who this answer is for');
  expect(pro.querySelector('.form-caption a')!.getAttribute('href')).toBe('/every-kind/');
  const org = byId(pro, 'field-org')!;
  expect(org.getAttribute('autocomplete')).toBe('organization');
  expect(org.getAttribute('class')).toBe('form-input form-input--long');
  // Settled by the page, so no condition for the script to watch.
  expect(byId(pro, 'group-org')!.hasAttribute('data-when-field')).toBe(false);
  expect(textOf(byId(pro, 'field-org-hint'))).toBe('Your organisation');
  expect(org.getAttribute('aria-describedby')).toBe('field-org-hint');
  expect(textOf(pro.querySelector('label[for="field-name"]'))).toBe('Their name');
  expect(pro.querySelectorAll('#group-ways input')).toHaveLength(3);

  // Without an audience answer the question is asked first, on the same page.
  const none = parse(renderQuestions(form));
  expectWellFormed(none);
  expect(none.querySelector('form fieldset')!.id).toBe('group-who');
  expect(none.querySelector('.form-caption')).toBeNull();
  expect(none.querySelectorAll('#group-who input[type="radio"]')).toHaveLength(3);
});

test('errors: a summary first, in the order of the questions, linking to each; the same words inline', () => {
  const result = validate(form, { who: 'me', name: 'Alexandra', ways: [], agree: 'no', colour: 'blue' });
  expect(result.ok).toBe(false);
  const errors = result.ok ? {} : result.errors;
  const doc = parse(renderQuestions(form, { values: result.values, errors }));
  expectWellFormed(doc);
  const summary = doc.querySelector('[data-error-summary]')!;
  expect(doc.querySelector('form')!.firstElementChild).toBe(summary);
  expect(summary.getAttribute('role')).toBe('alert');
  expect(summary.getAttribute('tabindex')).toBe('-1');
  expect(summary.hasAttribute('autofocus')).toBe(true);
  expect(summary.getAttribute('aria-labelledby')).toBe('error-summary-title');
  expect(textOf(byId(doc, 'error-summary-title'))).toBe('There is a problem');
  const links = [...summary.querySelectorAll('a')].map((a) => [a.getAttribute('href'), textOf(a)]);
  expect(links).toEqual([
    ['#field-name', 'Name is too long'],
    ['#field-ways-1', 'Select how to reach you'],
    ['#field-colour-1', 'Select from the list for favourite colour'],
    ['#field-agree', 'Tick to agree'],
  ]);
  for (const [href, words] of links) {
    const name = href!.replace(/^#field-/, '').replace(/-1$/, '');
    const group = byId(doc, `group-${name}`)!;
    expect(group.getAttribute('class')).toBe('form-group form-group--error');
    expect(textOf(byId(doc, `field-${name}-error`))).toBe(`Error: ${words}`);
  }
  const name = byId(doc, 'field-name')!;
  expect(name.getAttribute('aria-invalid')).toBe('true');
  expect(name.getAttribute('aria-describedby')).toBe('field-name-error');
  expect(name.getAttribute('class')).toBe('form-input form-input--error');
  expect(name.getAttribute('value')).toBe('Alexandra');
  expect(byId(doc, 'group-ways')!.getAttribute('aria-describedby')).toBe('field-ways-error');
  expect(byId(doc, 'group-email')!.getAttribute('class')).toBe('form-group');
  // What was answered stays answered.
  expect(byId(doc, 'field-agree')!.hasAttribute('checked')).toBe(false);
  const kept = parse(renderQuestions(form, { values: { who: 'me', ways: ['post'], agree: 'yes', address: 'A & B' } }));
  expect(byId(kept, 'field-ways-2')!.hasAttribute('checked')).toBe(true);
  expect(byId(kept, 'field-ways-1')!.hasAttribute('checked')).toBe(false);
  expect(byId(kept, 'field-agree')!.hasAttribute('checked')).toBe(true);
  // (linkedom leaves a textarea's text undecoded, so this reads the markup.)
  expect(byId(kept, 'field-address')!.innerHTML).toBe('A &amp; B');
  const textarea = parse(renderQuestions(form, { values: { who: 'me' }, errors: { address: 'Enter the address' } }));
  expect(byId(textarea, 'field-address')!.getAttribute('aria-describedby')).toBe(
    'field-address-hint field-address-error',
  );
  expect(byId(textarea, 'field-address')!.getAttribute('class')).toBe('form-textarea form-input--error');
  // An error for no question of the form links to the top of the form.
  const odd = parse(renderErrorSummary(form, { form: 'Send the form’s answers' }));
  expect(odd.querySelector('a')!.getAttribute('href')).toBe('#form-top');
});

test('changing an answer puts the cursor in that question', () => {
  const doc = parse(renderQuestions(form, { values: { who: 'me' }, focus: 'ways' }));
  expect([...doc.querySelectorAll('[autofocus]')].map((element) => element.id)).toEqual(['field-ways-1']);
  const text = parse(renderQuestions(form, { values: { who: 'me' }, focus: 'email' }));
  expect([...text.querySelectorAll('[autofocus]')].map((element) => element.id)).toEqual(['field-email']);
  expect(parse(renderQuestions(form, { focus: 'nothing' })).querySelectorAll('[autofocus]')).toHaveLength(0);
});

test('the audience step on its own keeps every other answer for when the person changes who it is for', () => {
  const doc = parse(renderAudienceQuestion(form, { values: { who: 'me', name: 'Alex', ways: ['phone', 'post'] } }));
  expectWellFormed(doc);
  expect(doc.querySelector('form')!.getAttribute('data-step')).toBe('audience');
  expect(byId(doc, 'field-who-1')!.hasAttribute('checked')).toBe(true);
  expect(
    [...doc.querySelectorAll('input[type="hidden"]')].map((input) => [
      input.getAttribute('name'),
      input.getAttribute('value'),
    ]),
  ).toEqual([
    ['name', 'Alex'],
    ['ways', 'phone'],
    ['ways', 'post'],
  ]);
  const button = doc.querySelector('button')!;
  expect([button.getAttribute('value'), button.getAttribute('data-busy-label')]).toEqual([
    'choose',
    'Opening the questions…',
  ]);
  const withError = parse(renderAudienceQuestion(form, { errors: { who: 'Select who this is for' } }));
  expect(textOf(withError.querySelector('[data-error-summary] a'))).toBe('Select who this is for');
  expect(renderAudienceQuestion({ ...form, audience: undefined })).toBe('');
});

test('check answers: each answer with a Change button named for it, every answer carried, the token, then send', () => {
  const values = {
    who: 'friend',
    name: 'Sam <b>',
    ways: ['post', 'through-me'],
    address: 'One St\nTown',
    agree: 'yes',
  };
  const doc = parse(renderCheckAnswers(form, values, 'the-token'));
  expectWellFormed(doc);
  expect(textOf(doc.querySelector('h1'))).toBe('Check your answers before sending');
  expect([...doc.querySelectorAll('h2')].map(textOf).slice(0, 3)).toEqual(['Who is this for?', 'About', 'More']);
  const rows = [...doc.querySelectorAll('.summary-list__row')].map((row) => [
    textOf(row.querySelector('dt')),
    // Each answer in its own direction: a phone number stays in order on a right-to-left page.
    row.querySelector('.summary-list__value > bdi')!.innerHTML,
    textOf(row.querySelector('button')),
    row.querySelector('button')!.getAttribute('value'),
  ]);
  expect(rows).toEqual([
    ['Who is this for?', 'A friend', 'Change who is this for?', 'who'],
    ['Their name', 'Sam &lt;b&gt;', 'Change their name', 'name'],
    ['Email', 'Not given', 'Change email', 'email'],
    ['Phone', 'Not given', 'Change phone', 'phone'],
    ['Postcode', 'Not given', 'Change postcode', 'postcode'],
    ['Ways to reach you', 'Post, Through me', 'Change ways to reach you', 'ways'],
    ['Favourite colour', 'Not given', 'Change favourite colour', 'colour'],
    ['Agree', 'Yes', 'Change agree', 'agree'],
    ['Address', 'One St<br>Town', 'Change address', 'address'],
  ]);
  for (const button of doc.querySelectorAll('.summary-list button')) {
    expect(button.getAttribute('name')).toBe('change');
    expect(button.hasAttribute('formnovalidate')).toBe(true);
  }
  expect(textOf(doc.querySelector('#section-more, dl + p, h2 + p'))).toBe('We write only in a plain envelope.');
  const hidden = [...doc.querySelectorAll('input[type="hidden"]')].map((input) => [
    input.getAttribute('name'),
    input.getAttribute('value'),
  ]);
  expect(hidden).toEqual([
    ['who', 'friend'],
    ['name', 'Sam <b>'],
    ['ways', 'post'],
    ['ways', 'through-me'],
    ['agree', 'yes'],
    ['address', 'One St\nTown'],
    ['token', 'the-token'],
  ]);
  const send = doc.querySelector('button[data-send-button]')!;
  expect([send.getAttribute('value'), textOf(send), send.getAttribute('data-busy-label')]).toEqual([
    'send',
    'Send answers',
    'Sending your answer…',
  ]);
  expect(doc.querySelector('.form-honeypot')).not.toBeNull();
  expect(textOf(doc.querySelector('ul'))).toBe('We reply to them.');
});

test('before sending: what happens next in the person’s voice, and how their information is used', () => {
  const doc = parse(renderBeforeSend(form));
  expect([...doc.querySelectorAll('h2')].map(textOf)).toEqual(['What happens next', 'How we use your information']);
  expect(textOf(doc.querySelector('li'))).toBe('We reply to you.');
  expect(textOf(doc.querySelector('p'))).toContain('We use what you tell us only to test the forms.');
  expect(doc.querySelector('p a')!.getAttribute('href')).toBe('/privacy/');
  // The privacy notice is in English: a link from a form in English needs no language named.
  expect(doc.querySelector('p a')!.hasAttribute('hreflang')).toBe(false);
  expect(textOf(parse(renderBeforeSend(form, { voice: 'other' })).querySelector('li'))).toBe('We reply to them.');
  // From a form in another language the link says the page it opens is in English.
  const polish = parse(renderBeforeSend({ ...form, ui: { ...ENGLISH_UI, lang: 'pl' } }));
  expect(polish.querySelector('a[href="/privacy/"]')!.getAttribute('hreflang')).toBe('en-GB');
});

test('the confirmation: the reference in a panel with no links, what happens next, where to read on, how to reach us', () => {
  const doc = parse(renderConfirmation({ ...form, safetyLines: true }, 'RG-AAAA-BBBB', CONTACT, { voice: 'other' }));
  const panel = doc.querySelector('.panel')!;
  expect(textOf(panel.querySelector('h1'))).toBe('Answers sent');
  expect(textOf(panel.querySelector('[data-reference]'))).toBe('RG-AAAA-BBBB');
  expect(panel.querySelectorAll('a')).toHaveLength(0);
  expect(textOf(doc.body)).toContain('Quote it if you contact us about your answer.');
  expect([...doc.querySelectorAll('h2')].map(textOf)).toEqual(['What happens next', 'If you need to contact us']);
  expect(textOf(doc.body)).toContain('We reply to them.');
  expect(doc.querySelector('ul a')!.getAttribute('href')).toBe('/read/');
  expect(textOf(doc.querySelector('ul a'))).toBe('Read this next');
  // A long address may wrap after its @ and before its dots, never mid-word first.
  const email = doc.querySelector('a[data-contact="referral-email"]')!;
  expect(textOf(email)).toBe('refer@test.invalid');
  expect(email.innerHTML).toBe('refer@<wbr>test<wbr>.invalid');
  expect(doc.querySelector('a[data-contact="phone"]')!.querySelectorAll('wbr')).toHaveLength(0);
  expect(textOf(doc.body)).toContain('If you are in danger now, call 999.');
  // Only a form with safety lines says it (a volunteer's or a booking's confirmation does not).
  expect(textOf(parse(renderConfirmation(form, 'RG-AAAA-BBBB', CONTACT)).body)).not.toContain('999');
  expect([...doc.querySelectorAll('a')].at(-1)!.getAttribute('href')).toBe('/');
  const plain = parse(renderConfirmation({ ...form, readNext: undefined }, 'RG-AAAA-BBBB', CONTACT));
  expect(plain.querySelector('ul')).toBeNull();
  expect(textOf(plain.body)).toContain('We reply to you.');
  expectNoStrayText(plain);
  // Several pages to read on: one link a list item, nothing between them.
  const readNext = [
    { href: '/one/', text: 'One' },
    { href: '/two/', text: 'Two' },
  ];
  const several = parse(renderConfirmation({ ...form, readNext }, 'RG-AAAA-BBBB', CONTACT));
  expect([...several.querySelectorAll('ul > li > a')].map((a) => a.getAttribute('href'))).toEqual(['/one/', '/two/']);
  expectNoStrayText(several);
});

test('once sent, Back finds the reference and a fresh start, not the answers ready to send again', () => {
  const doc = parse(renderSent(form, 'RG-AAAA-BBBB', '/forms/every-kind/sent/?reference=RG-AAAA-BBBB'));
  expect(textOf(doc.querySelector('h2'))).toBe('Your answer has been sent');
  expect(textOf(doc.querySelector('strong'))).toBe('RG-AAAA-BBBB');
  expect([...doc.querySelectorAll('a')].map((a) => [a.getAttribute('href'), textOf(a)])).toEqual([
    ['/forms/every-kind/sent/?reference=RG-AAAA-BBBB', 'See what happens next'],
    ['/every-kind/', 'Start a new answer'],
  ]);
  expect(confirmationQuery(form, 'RG-AAAA-BBBB', { who: 'friend' }, 'a-b_c')).toBe(
    '/forms/every-kind/sent/?reference=RG-AAAA-BBBB&proof=a-b_c&for=other',
  );
  expect(confirmationQuery(form, 'RG-AAAA-BBBB', { who: 'me' }, 'p&q')).toBe(
    '/forms/every-kind/sent/?reference=RG-AAAA-BBBB&proof=p%26q',
  );
});

test('a translation may put a sentence’s link before its reference: each still goes where it belongs', () => {
  const reordered = { ...form, ui: { ...ENGLISH_UI, sentReference: '{link}: {reference}.' } };
  const doc = parse(renderSent(reordered, 'RG-AAAA-BBBB', '/forms/every-kind/sent/?reference=RG-AAAA-BBBB'));
  const sentence = doc.querySelector('strong')!.parentElement!;
  expect(sentence.innerHTML).toBe(
    '<a href="/forms/every-kind/sent/?reference=RG-AAAA-BBBB">See what happens next</a>: ' +
      '<strong dir="ltr">RG-AAAA-BBBB</strong>.',
  );
});

test('every character that means something in HTML is escaped', () => {
  expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
  );
});

/**
 * Every state of the fixture form, outlined (tests/support/dom.ts): a change to what anyone
 * meets in the forms' HTML shows here as a changed snapshot, to be looked at and accepted
 * (`npx vitest run -u`) or fixed.
 */
test.each([
  ['the questions, for nobody yet', () => renderQuestions(form)],
  ['the questions, for a professional', () => renderQuestions(form, { values: { who: 'pro', colour: 'red' } })],
  [
    'the questions with errors',
    () =>
      renderQuestions(form, {
        values: { who: 'me', name: 'Alexandra', ways: ['post'] },
        errors: { name: 'Name is too long', address: 'Enter the address', agree: 'Tick to agree' },
      }),
  ],
  ['the audience question', () => renderAudienceQuestion(form, { values: { name: 'Alex' } })],
  [
    'check answers',
    () =>
      renderCheckAnswers(form, { who: 'friend', name: 'Sam', ways: ['post'], address: 'One St', agree: 'yes' }, 't'),
  ],
  ['the confirmation', () => renderConfirmation(form, 'RG-AAAA-BBBB', CONTACT, { voice: 'other' })],
  ['sent', () => renderSent(form, 'RG-AAAA-BBBB', '/forms/every-kind/sent/?reference=RG-AAAA-BBBB')],
])('%s, as read', (_, render) => {
  expect(outline(parse(render()).body)).toMatchSnapshot();
});

/** The fixture with a few more questions: conditions on two answers, on a typed answer, on the audience. */
const MORE = {
  ...form,
  nextSteps: ['We read it.', 'We reply.'],
  readNext: undefined,
  sections: [
    ...form.sections,
    {
      id: 'extra',
      heading: 'Extra',
      intro: [{ other: 'Only for someone else.' }],
      fields: [
        {
          kind: 'text',
          name: 'both',
          label: 'Both',
          optional: true,
          maxLength: 5,
          when: { field: 'ways', oneOf: ['phone', 'post'] },
          messages: {},
        },
        {
          kind: 'text',
          name: 'byName',
          label: 'By name',
          optional: true,
          maxLength: 5,
          when: { field: 'name', oneOf: ['Zed'] },
          messages: {},
        },
        {
          kind: 'text',
          name: 'twice',
          label: 'Twice',
          optional: true,
          maxLength: 5,
          when: [
            { field: 'name', oneOf: ['Zed'] },
            { field: 'ways', oneOf: ['post'] },
            { field: 'colour', oneOf: ['red'] },
          ],
          messages: {},
        },
        {
          kind: 'radios',
          name: 'pick',
          label: 'Pick',
          optional: true,
          when: { field: 'colour', oneOf: ['red'] },
          options: [{ value: 'a', label: 'A' }],
          messages: {},
        },
        {
          kind: 'textarea',
          name: 'story',
          label: 'Story',
          hint: 'Say a little.',
          optional: true,
          maxLength: 20,
          messages: {},
        },
      ],
    },
    {
      id: 'forPro',
      heading: 'For someone you work with',
      when: { field: 'who', oneOf: ['pro'] },
      fields: [{ kind: 'text', name: 'team', label: 'Team', optional: true, maxLength: 5, messages: {} }],
    },
    {
      id: 'nothingForMe',
      heading: 'Nothing for you',
      fields: [
        {
          kind: 'text',
          name: 'role',
          label: 'Role',
          optional: true,
          maxLength: 5,
          when: { field: 'who', oneOf: ['pro'] },
          messages: {},
        },
      ],
    },
  ],
} as unknown as typeof form;

test('a question on two answers names both; on a typed answer it carries the condition with no note; each note once', () => {
  const doc = parse(renderQuestions(MORE, { values: { who: 'me' } }));
  expectWellFormed(doc);
  const both = byId(doc, 'group-both')!;
  expect(both.getAttribute('data-when-values')).toBe('phone post');
  expect(textOf(both.querySelector('[data-when-note]'))).toBe(
    'Answer this only if you ticked “Phone” or “Post” in “Ways to reach you”.',
  );
  const byName = byId(doc, 'group-byName')!;
  expect(byName.getAttribute('data-when-field')).toBe('name');
  expect(byName.querySelector('[data-when-note]')).toBeNull();
  // Notes only for the answers chosen from a list, one after another.
  expect(textOf(byId(doc, 'group-twice')!.querySelector('[data-when-note]'))).toBe(
    'Answer this only if you ticked “Post” in “Ways to reach you”. Answer this only if you chose “Red” in “Favourite colour”.',
  );
  expect(byId(doc, 'group-pick')!.querySelectorAll('[data-when-note]')).toHaveLength(1);
  expect(doc.querySelectorAll('div.form-group[aria-describedby]')).toHaveLength(0);
  expect(textOf(byId(doc, 'field-story-hint'))).toBe('Say a little. Up to 20 characters.');
  // No paragraph without words for this reader.
  for (const p of byId(doc, 'section-extra')!.querySelectorAll(':scope > p')) expect(textOf(p)).not.toBe('');
  expect(byId(doc, 'section-extra')!.querySelectorAll(':scope > p')).toHaveLength(0);
});

test('a section settled by the audience answer is left out whole, and so is one with nothing left to ask', () => {
  const forMe = renderQuestions(MORE, { values: { who: 'me' } });
  expect(parse(forMe).getElementById('section-forPro')).toBeNull();
  expect(parse(forMe).getElementById('section-nothingForMe')).toBeNull();
  const forPro = parse(renderQuestions(MORE, { values: { who: 'pro' } }));
  expect(forPro.getElementById('section-forPro')).not.toBeNull();
  expect(forPro.getElementById('section-nothingForMe')).not.toBeNull();
  // Leaving them out leaves nothing in their place.
  const without = {
    ...MORE,
    sections: MORE.sections.filter((section) => !['forPro', 'nothingForMe'].includes(section.id)),
  };
  expect(forMe).toBe(renderQuestions(without, { values: { who: 'me' } }));
});

test('every form state closes its form, and a form with no audience question starts with its questions', () => {
  const noAudience = { ...MORE, audience: undefined } as typeof form;
  for (const html of [
    renderQuestions(MORE, { values: { who: 'me' } }),
    renderQuestions(noAudience),
    renderAudienceQuestion(MORE, { values: {} }),
    renderCheckAnswers(MORE, { who: 'me', name: 'Alex', ways: ['phone'], agree: 'yes' }, 'token'),
  ]) {
    expect(html.match(/<form\b/g)).toHaveLength(1);
    expect(html.trimEnd().endsWith('</form>'), html.slice(-40)).toBe(true);
  }
  expectWellFormed(parse(renderQuestions(noAudience)));
  // Two next steps, no reading list: nothing loose between them.
  expectNoStrayText(parse(renderConfirmation(MORE, 'RG-AAAA-BBBB', CONTACT)));
  expectNoStrayText(parse(renderBeforeSend(MORE)));
});
