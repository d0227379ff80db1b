import { expect, test } from 'vitest';
import {
  allFields,
  askedSections,
  clean,
  describeAnswer,
  errorTargetId,
  fieldsOf,
  hasOtherAnswers,
  normalisePostcode,
  optionsFor,
  orderedErrors,
  say,
  speakerFor,
  typedValues,
  validate,
  type Field,
  type FieldSource,
} from '../../src/forms/fields.ts';
import everyKind from '../fixtures/every-kind-form.ts';

/**
 * The checks every form shares, on a fixture form with one question of each kind: the same
 * checks run in the browser and in the function, so each boundary here is one a person meets.
 */
const FORM = everyKind;

const GOOD = { who: 'me', name: 'Alex', ways: ['phone'], agree: 'yes' };
const errorsFor = (answers: Record<string, unknown>) => {
  const result = validate(FORM, { ...GOOD, ...answers });
  return result.ok ? {} : result.errors;
};

test('the good answers pass, cleaned, in the form’s order, without what was not asked', () => {
  const result = validate(FORM, { agree: 'yes', ways: ['phone', 'phone'], name: '  Alex ', who: 'me', flat: 'F1' });
  expect(result).toEqual({ ok: true, values: { who: 'me', name: 'Alex', ways: ['phone'], agree: 'yes' } });
  expect(Object.keys(result.values)).toEqual(['who', 'name', 'ways', 'agree']);
});

test('an optional tick-box group left empty is not kept: the record holds only answers given', () => {
  const form: FieldSource = {
    sections: [
      {
        id: 'needs',
        heading: 'Needs',
        fields: [
          {
            kind: 'checkboxes',
            name: 'needs',
            label: 'Anything that would help',
            optional: true,
            options: [{ value: 'ramp', label: 'A ramp' }],
            messages: {},
          },
          {
            kind: 'text',
            name: 'name',
            label: 'Name',
            maxLength: 20,
            messages: { required: 'Enter a name', tooLong: 'Name is too long' },
          },
        ],
      },
    ],
  };
  expect(validate(form, { needs: [], name: 'Alex' })).toEqual({ ok: true, values: { name: 'Alex' } });
  expect(validate(form, { needs: ['ramp'], name: 'Alex' })).toEqual({
    ok: true,
    values: { needs: ['ramp'], name: 'Alex' },
  });
});

test('length limits: the limit itself is fine, one character over is not, counting characters not bytes', () => {
  expect(errorsFor({ name: 'Zoë😀x' })).toEqual({});
  expect(errorsFor({ name: 'Zoë😀xy' })).toEqual({ name: 'Name is too long' });
});

test.each([
  ['a@b.co', true],
  ['first.last+tag@sub.example.org', true],
  ['a@b', false],
  ['a@b.c', false],
  ['a..b@example.org', false],
  ['.a@example.org', false],
  ['a@-example.org', false],
  ['a@example-.org', false],
  ['a b@example.org', false],
  ['a@example.org\r\nBcc: x@y.z', false],
  [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.org`, true],
  [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.org`, false],
])('the email %s is %s', (email, accepted) => {
  const errors = errorsFor({ email });
  expect(errors.email === undefined, JSON.stringify(errors)).toBe(accepted);
  if (!accepted) expect(errors.email).toMatch(/^(Enter an email like name@example.com|Email is too long)$/);
});

test.each([
  ['01632 960 001', true],
  ['+44 (0)1632-960.001', true],
  ['0163296000', true],
  ['016329600', false],
  ['123456789012345', true],
  ['1234567890123456', false],
  ['01632 960 001 ext', false],
  ['++++++++++', false],
])('the phone number %s is %s', (phone, accepted) => {
  expect(errorsFor({ phone }).phone).toBe(accepted ? undefined : 'Enter a phone number like 01632 960 001');
});

test('postcodes are checked however they are typed, and written the Royal Mail way', () => {
  for (const typed of ['gl1 2ab', 'GL12AB', ' gl1  2ab ', 'Gl1 2aB']) {
    const result = validate(FORM, { ...GOOD, postcode: typed });
    expect(result.ok && result.values.postcode, typed).toBe('GL1 2AB');
  }
  expect(normalisePostcode('ec1a1bb')).toBe('EC1A 1BB');
  expect(normalisePostcode('m11ae')).toBe('M1 1AE');
  expect(normalisePostcode('not a postcode')).toBe('not a postcode');
  for (const typed of ['GL1', '12345', 'GL1 2A', 'GLL1 2AB'])
    expect(errorsFor({ postcode: typed }).postcode, typed).toBe('Enter a postcode like GL1 2AB');
});

test('choices: only what is offered, in the voice offered; an optional one may be left, a required one not', () => {
  expect(errorsFor({ ways: [] })).toEqual({ ways: 'Select how to reach you' });
  expect(errorsFor({ ways: undefined })).toEqual({ ways: 'Select how to reach you' });
  expect(errorsFor({ ways: ['phone', 'fax'] })).toEqual({ ways: 'Select how to reach you' });
  expect(errorsFor({ ways: 'phone' })).toEqual({});
  // "Through me" is for someone filling the form in for another person only.
  expect(errorsFor({ ways: ['through-me'] })).toEqual({ ways: 'Select how to reach you' });
  expect(errorsFor({ who: 'friend', name: 'Sam', ways: ['through-me'] })).toEqual({});
  expect(errorsFor({ colour: '' })).toEqual({});
  expect(errorsFor({ colour: 'red' })).toEqual({});
  // A choice with no message of its own names its question.
  expect(errorsFor({ colour: 'blue' })).toEqual({ colour: 'Select from the list for favourite colour' });
  expect(errorsFor({ who: 'stranger' })).toEqual({ who: 'Select who this is for' });
});

test('the confirm box: yes or a ticked box only; no, false or anything else asks again', () => {
  expect(errorsFor({ agree: true })).toEqual({});
  for (const agree of ['no', false, '', undefined, 'Yes', 'on'])
    expect(errorsFor({ agree }), String(agree)).toEqual({ agree: 'Tick to agree' });
});

test('a wrong type gets the question’s own message, or one that names the question', () => {
  expect(errorsFor({ name: 5 })).toEqual({ name: 'Enter your name' });
  expect(errorsFor({ name: ['Alex'] })).toEqual({ name: 'Enter your name' });
  expect(errorsFor({ ways: [1] })).toEqual({ ways: 'Select how to reach you' });
  expect(errorsFor({ email: { at: 'x' } })).toEqual({ email: 'Check email' });
  expect(errorsFor({ who: 'friend', name: 5 })).toEqual({ name: 'Enter their name' });
  expect(validate(FORM, null)).toEqual({ ok: false, errors: { form: 'Send the form’s answers' }, values: {} });
  expect(validate(FORM, [GOOD])).toMatchObject({ ok: false, errors: { form: 'Send the form’s answers' } });
  expect(validate(FORM, 'who=me')).toMatchObject({ ok: false, errors: { form: 'Send the form’s answers' } });
});

test('a section asked on a condition is required only when asked; a question within it on its own too', () => {
  expect(errorsFor({ ways: ['post'] })).toEqual({ address: 'Enter the address' });
  expect(errorsFor({ ways: ['post'], address: 'x'.repeat(21) })).toEqual({ address: 'Address is too long' });
  const result = validate(FORM, { ...GOOD, ways: ['post'], address: 'One Street\r\nTown', flat: 'F1' });
  expect(result).toMatchObject({ ok: true, values: { address: 'One Street\nTown' } });
  expect(result.values).not.toHaveProperty('flat');
  const red = validate(FORM, { ...GOOD, ways: ['post'], address: 'One Street', colour: 'red', flat: 'F1' });
  expect(red).toMatchObject({ ok: true, values: { flat: 'F1' } });
  expect(errorsFor({ ways: ['post'], address: 'One Street', colour: 'red', flat: 'Flat 12' })).toEqual({
    flat: 'Flat is too long',
  });
  expect(fieldsOf(FORM.sections).find((field) => field.name === 'flat')!.when).toEqual([
    { field: 'ways', oneOf: ['post'] },
    { field: 'colour', oneOf: ['red'] },
  ]);
});

test('what was typed is kept, as text, to show back after an error', () => {
  const result = validate(FORM, { who: 'me', name: 'Alexandra', ways: ['phone', 7], agree: true, email: 3 });
  expect(result.ok).toBe(false);
  expect(result.values).toEqual({ who: 'me', name: 'Alexandra', ways: ['phone'], agree: 'yes' });
  expect(typedValues(FORM, null)).toEqual({});
  expect(typedValues(FORM, 'text')).toEqual({});
});

test('single-line answers lose every line break and control; long answers keep their lines', () => {
  expect(clean('a\r\nb\u2028c\u2029d\u0085e\u0007f', false)).toBe('a b c d e f');
  expect(clean('a \u200B\u202Eb  ', false)).toBe('a b');
  expect(clean('e\u0301', false)).toBe('é');
  expect(clean('a\r\nb\rc\u2028d\u0085e\u0007f\tg', true)).toBe('a\nb\nc\nd\nefg');
  expect(clean('  \n  x  \n  ', true)).toBe('x');
});

test('who the questions speak to follows the audience answer; a form without one speaks to you', () => {
  expect(speakerFor(FORM, { who: 'friend' })).toEqual({ voice: 'other', audience: 'friend' });
  expect(speakerFor(FORM, { who: 'me' })).toEqual({ voice: 'self', audience: 'me' });
  expect(speakerFor(FORM, { who: '' })).toEqual({ voice: 'self', audience: undefined });
  expect(speakerFor(FORM, { who: ['friend'] })).toEqual({ voice: 'self', audience: undefined });
  expect(speakerFor({ sections: FORM.sections }, { who: 'friend' })).toEqual({ voice: 'self' });
  const words = { self: 'you', other: 'them', pro: 'your client' };
  expect(say(words, { voice: 'other', audience: 'pro' })).toBe('your client');
  expect(say(words, { voice: 'other', audience: 'friend' })).toBe('them');
  expect(say(words)).toBe('you');
  expect(say(undefined)).toBeUndefined();
  const ways = allFields(FORM).find((field) => field.name === 'ways') as Extract<Field, { kind: 'checkboxes' }>;
  expect(optionsFor(ways, { voice: 'self' }).map((option) => option.value)).toEqual(['phone', 'post']);
  expect(optionsFor(ways, { voice: 'other' }).map((option) => option.value)).toEqual(['phone', 'post', 'through-me']);
});

test('changing who a form is for keeps the other answers only when there are some', () => {
  expect(hasOtherAnswers(FORM, { who: 'me' })).toBe(false);
  expect(hasOtherAnswers(FORM, { who: 'me', name: '' })).toBe(false);
  expect(hasOtherAnswers(FORM, { who: 'me', ways: [] })).toBe(false);
  expect(hasOtherAnswers(FORM, { who: 'me', name: 'A' })).toBe(true);
  expect(hasOtherAnswers(FORM, { ways: ['phone'] })).toBe(true);
});

test('errors are listed in the order of the questions; each links to its input or first option', () => {
  expect(orderedErrors(FORM, { agree: 'c', name: 'b', who: 'a' })).toEqual([
    { field: 'who', message: 'a' },
    { field: 'name', message: 'b' },
    { field: 'agree', message: 'c' },
  ]);
  const byName = (name: string) => allFields(FORM).find((field) => field.name === name)!;
  expect(errorTargetId(byName('ways'))).toBe('field-ways-1');
  expect(errorTargetId(byName('colour'))).toBe('field-colour-1');
  expect(errorTargetId(byName('name'))).toBe('field-name');
});

test('answers in words: labels for choices, Yes or No for the box, "Not given" for nothing', () => {
  const byName = (name: string) => allFields(FORM).find((field) => field.name === name)!;
  expect(describeAnswer(byName('ways'), ['phone', 'through-me'], { voice: 'other' })).toBe('Phone, Through me');
  expect(describeAnswer(byName('ways'), ['unknown'])).toBe('unknown');
  expect(describeAnswer(byName('colour'), 'red')).toBe('Red');
  expect(describeAnswer(byName('agree'), 'yes')).toBe('Yes');
  expect(describeAnswer(byName('agree'), 'no')).toBe('No');
  expect(describeAnswer(byName('name'), 'Alex')).toBe('Alex');
  expect(describeAnswer(byName('name'), ['a', 'b'])).toBe('a, b');
  for (const nothing of [undefined, '', []]) expect(describeAnswer(byName('name'), nothing)).toBe('Not given');
});

test('check answers shows the sections and questions that were asked, the audience first', () => {
  const asked = (values: Record<string, string | string[]>) =>
    askedSections(FORM, values).map(({ section, fields }) => [section.id, fields.map((field) => field.name)]);
  expect(asked({ who: 'me', ways: ['phone'] })).toEqual([
    ['audience', ['who']],
    ['about', ['name', 'email', 'phone', 'postcode', 'ways', 'colour', 'agree']],
  ]);
  expect(asked({ who: 'pro', ways: ['phone'] })).toEqual([
    ['audience', ['who']],
    ['about', ['name', 'email', 'org', 'phone', 'postcode', 'ways', 'colour', 'agree']],
  ]);
  expect(asked({ who: 'me', ways: ['post'] })[2]).toEqual(['more', ['address']]);
  expect(asked({ who: 'me', ways: ['post'], colour: 'red' })[2]).toEqual(['more', ['address', 'flat']]);
  expect(askedSections({ sections: FORM.sections }, {})[0].section.id).toBe('about');
});

test('a wrong type is refused only where the question is asked; an empty answer may be null; true ticks only a box', () => {
  // A ticked box sent as JSON is `true`; for any other question `true` is no answer at all.
  expect(errorsFor({ name: true })).toEqual({ name: 'Enter your name' });
  // `false` leaves a box unticked, and is a wrong type for anything else, even an optional question.
  expect(errorsFor({ agree: false })).toEqual({ agree: 'Tick to agree' });
  expect(errorsFor({ email: false })).toEqual({ email: 'Check email' });
  // No answer sent as null is no answer: fine for an optional question.
  expect(errorsFor({ email: null, phone: null })).toEqual({});
  // A question not asked (the address is asked only for post) is passed by, whatever was sent.
  expect(errorsFor({ address: 5 })).toEqual({});
  expect(errorsFor({ ways: ['post'], address: 5 })).toEqual({ address: 'Enter the address' });
});

test('phone numbers and postcodes are checked whole, not just their ends', () => {
  expect(errorsFor({ phone: 'ext 01632 960 001' }).phone).toBe('Enter a phone number like 01632 960 001');
  expect(errorsFor({ postcode: 'GL1 2ABX' }).postcode).toBe('Enter a postcode like GL1 2AB');
  expect(errorsFor({ postcode: 'XGL1 2AB' }).postcode).toBe('Enter a postcode like GL1 2AB');
});

test('a form without an audience question: other answers are any answers; a section with nothing asked is left out', () => {
  const plain = {
    sections: [
      { id: 'a', heading: 'A', fields: [{ ...FORM.sections[0]!.fields[0]!, when: undefined }] },
      {
        id: 'b',
        heading: 'B',
        fields: [{ ...FORM.sections[0]!.fields[0]!, name: 'later', when: { field: 'name', oneOf: ['Zed'] } }],
      },
    ],
  };
  expect(hasOtherAnswers(plain, { name: 'Alex' })).toBe(true);
  expect(hasOtherAnswers(plain, { name: '' })).toBe(false);
  expect(askedSections(plain, { name: 'Alex' }).map(({ section }) => section.id)).toEqual(['a']);
  expect(askedSections(plain, { name: 'Zed' }).map(({ section }) => section.id)).toEqual(['a', 'b']);
});
