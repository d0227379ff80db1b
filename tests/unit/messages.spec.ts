import { expect, test } from 'vitest';
import { defineServerForm, type ServerSettings } from '../../functions/forms/definition.ts';
import { alertEmail, personEmail, staffEmail } from '../../functions/delivery/messages.ts';
import everyKind from '../fixtures/every-kind-form.ts';
import { outline, parse, textOf } from '../support/dom.ts';

/**
 * The emails, on the fixture form: staff read every answer that was asked, in their own words,
 * with what they need first at the top; the person is told their reference and nothing they
 * told us; an alert names the record, never its content.
 */
const SETTINGS: ServerSettings = {
  inbox: 'EVERY_KIND_INBOX',
  staffSubject: 'New answer',
  staffNote: 'Handle with care.',
  staffWords: { name: 'Person’s name', more: 'Postal details' },
  highlights: ['agree', 'colour'],
  confirmation: [{ address: 'email' }],
  delivery: 'immediate',
};
const form = defineServerForm(everyKind, SETTINGS);
const VALUES = { who: 'friend', name: 'Sam <b>', ways: ['post'], address: 'One St\nTown', agree: 'yes' };
const AT = '2027-07-01T08:05:00.000Z';

test('staff get every answer asked, grouped as the form is, in their own words, what to act on first', () => {
  const mail = staffEmail(form, 'RG-AAAA-BBBB', VALUES, AT, 'staff@test.invalid');
  expect([mail.to, mail.subject, mail.tag]).toEqual([
    'staff@test.invalid',
    '[RG-AAAA-BBBB] New answer',
    'RG-AAAA-BBBB-every-kind',
  ]);
  expect(mail.text.split('\n\n')).toEqual([
    'New answer from the website. Reference RG-AAAA-BBBB, received 01/07/2027, 09:05:00.',
    'Handle with care.',
    'NEEDS TO TAKE PART\nAgree:\n  Yes',
    'WHO IS THIS FOR?\nWho is this for?:\n  A friend',
    [
      'ABOUT',
      'Person’s name:\n  Sam <b>',
      'Email:\n  Not given',
      'Phone:\n  Not given',
      'Postcode:\n  Not given',
      'Ways to reach you:\n  Post',
      'Favourite colour:\n  Not given',
      'Agree:\n  Yes',
    ].join('\n'),
    'POSTAL DETAILS\nAddress:\n  One St\n  Town',
  ]);
  const doc = parse(mail.html);
  expect([...doc.querySelectorAll('h2')].map(textOf)).toEqual([
    'Needs to take part',
    'Who is this for?',
    'About',
    'Postal details',
  ]);
  expect(textOf(doc.querySelector('strong'))).toBe('Handle with care.');
  const rows = [...doc.querySelectorAll('tr')].map((row) => [
    textOf(row.querySelector('th')),
    row.querySelector('td')!.innerHTML,
  ]);
  expect(rows).toContainEqual(['Person’s name', 'Sam &lt;b&gt;']);
  expect(rows).toContainEqual(['Address', 'One St<br>Town']);
  expect(mail.html).not.toContain('<b>');
});

test('nothing to highlight, no highlight; a form for the person themself uses the form’s own labels', () => {
  const mail = staffEmail(form, 'RG-AAAA-BBBB', { who: 'me', name: 'Alex', ways: ['phone'] }, AT, 'staff@test.invalid');
  expect(mail.text).not.toContain('NEEDS TO TAKE PART');
  expect(mail.text).toContain('Person’s name:\n  Alex');
  const plain = defineServerForm(everyKind, {
    ...SETTINGS,
    confirmation: [],
    staffWords: undefined,
    highlights: undefined,
  });
  const own = staffEmail(plain, 'RG-AAAA-BBBB', { who: 'me', name: 'Alex', ways: ['phone'] }, AT, 'x@test.invalid');
  expect(own.text).toContain('Your name:\n  Alex');
  expect(own.text).not.toContain('POSTAL');
});

test('an anonymous form tells staff the day, never the time', () => {
  const anonymous = defineServerForm(everyKind, { ...SETTINGS, confirmation: [], anonymous: true });
  const mail = staffEmail(anonymous, 'RG-AAAA-BBBB', VALUES, '2027-07-01T22:59:59.000Z', 'staff@test.invalid');
  expect(mail.text.split('\n\n')[0]).toBe('New answer from the website. Reference RG-AAAA-BBBB, received 1 July 2027.');
  expect(mail.text).not.toMatch(/\d\d:\d\d/);
  expect(mail.html).not.toMatch(/\d\d:\d\d/);
  // UK time: late on 1 July in London is already 2 July.
  expect(staffEmail(anonymous, 'RG-AAAA-BBBB', VALUES, '2027-07-01T23:30:00.000Z', 'x').text).toContain('2 July 2027');
});

test('equality answers never reach staff with the rest', () => {
  const separate = defineServerForm(
    {
      ...everyKind,
      sections: everyKind.sections.map((section) => ({
        ...section,
        fields: section.fields.map((field) => (field.name === 'colour' ? { ...field, separate: true } : field)),
      })),
    },
    { ...SETTINGS, confirmation: [], highlights: undefined },
  );
  const mail = staffEmail(separate, 'RG-AAAA-BBBB', { ...VALUES, colour: 'red' }, AT, 'x');
  expect(mail.text).not.toContain('Favourite colour');
  expect(mail.text).not.toContain('Red');
});

test('the person is told their reference, what happens next in their voice and how to reach us, nothing they told us', () => {
  const contact = { phone: '01632 960 000', email: 'refer@test.invalid' };
  const mail = personEmail(form, 'RG-AAAA-BBBB', 'sam@example.org', contact, VALUES);
  expect([mail.to, mail.subject, mail.tag]).toEqual([
    'sam@example.org',
    'Your reference RG-AAAA-BBBB: Restorative Gloucestershire',
    'RG-AAAA-BBBB-confirmation',
  ]);
  expect(mail.text.split('\n\n')).toEqual([
    'Thank you. We have received your answer.',
    'Your reference number is RG-AAAA-BBBB.',
    'We reply to them.',
    'If you need to contact us, phone 01632 960 000 or email refer@test.invalid and quote your reference.',
    'Restorative Gloucestershire',
  ]);
  expect([...parse(mail.html).querySelectorAll('p')].map(textOf)).toEqual(mail.text.split('\n\n'));
  for (const told of ['Sam', 'One St', 'Post']) expect(mail.text + mail.html).not.toContain(told);
  expect(personEmail(form, 'RG-AAAA-BBBB', 'a@b.co', contact).text).toContain('We reply to you.');
});

test('an alert names the record, its form and the attempts, and what to check', () => {
  const mail = alertEmail('RG-AAAA-BBBB', 'referral', 8, 'alerts@test.invalid');
  expect([mail.to, mail.subject, mail.tag]).toEqual([
    'alerts@test.invalid',
    '[RG-AAAA-BBBB] Alert: a website submission has not been delivered',
    'RG-AAAA-BBBB-alert',
  ]);
  expect(mail.text).toBe(
    'The website could not deliver submission RG-AAAA-BBBB (referral) after 8 attempts. It is kept, encrypted, and will keep being retried. Check the mail settings (SMTP_URL) and the function logs.',
  );
  expect(textOf(parse(mail.html).querySelector('p'))).toBe(mail.text);
});

test('the emails’ HTML, as read', () => {
  const contact = { phone: '01632 960 000', email: 'refer@test.invalid' };
  for (const mail of [
    staffEmail(form, 'RG-AAAA-BBBB', VALUES, AT, 'staff@test.invalid'),
    personEmail(form, 'RG-AAAA-BBBB', 'sam@example.org', contact, VALUES),
    alertEmail('RG-AAAA-BBBB', 'referral', 8, 'alerts@test.invalid'),
  ])
    expect(outline(parse(mail.html).body)).toMatchSnapshot();
});
