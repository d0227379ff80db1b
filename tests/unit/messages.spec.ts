import { expect, test } from 'vitest';
import { defineServerForm, type ServerSettings } from '../../functions/forms/definition.ts';
import { alertEmail, personEmail, staffAnswer, staffEmail, staffLabel } from '../../functions/delivery/messages.ts';
import { allFields, optionsFor, speakerFor } from '../../src/forms/fields.ts';
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
  actFirst: [{ heading: 'Needs to take part', fields: ['agree', 'colour'] }],
  subjectRoute: { field: 'who', words: { friend: 'for a friend' } },
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
    '[RG-AAAA-BBBB] New answer, for a friend',
    'RG-AAAA-BBBB-every-kind',
  ]);
  expect(mail.text.split('\n\n')).toEqual([
    'New answer from the website. Reference RG-AAAA-BBBB, received 1 July 2027 at 09:05.',
    'Handle with care.',
    // What to act on first, each answer once: listed here, left out of its own section.
    'NEEDS TO TAKE PART\nAgree:\n  Yes\nFavourite colour:\n  Not given',
    'WHO IS THIS FOR?\nWho is this for?:\n  A friend',
    [
      'ABOUT',
      'Person’s name:\n  Sam <b>',
      'Email:\n  Not given',
      'Phone:\n  Not given',
      'Postcode:\n  Not given',
      'Ways to reach you:\n  Post',
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

test('a section or a group to act on first with nothing asked in it is left out, never an empty heading', () => {
  const moved = defineServerForm(everyKind, {
    ...SETTINGS,
    // "More" holds the address (moved first) and a flat asked only for red: nothing is left in it.
    // The organisation is asked of professionals only, so its group has nothing to show here.
    actFirst: [
      { heading: 'Write first', fields: ['address'] },
      { heading: 'Their organisation', fields: ['org'] },
    ],
  });
  const mail = staffEmail(moved, 'RG-AAAA-BBBB', VALUES, AT, 'x');
  expect([...parse(mail.html).querySelectorAll('h2')].map(textOf)).toEqual([
    'Write first',
    'Who is this for?',
    'About',
  ]);
  expect(mail.text.split('\n\n').map((part) => part.split('\n')[0])).toEqual([
    'New answer from the website. Reference RG-AAAA-BBBB, received 1 July 2027 at 09:05.',
    'Handle with care.',
    'WRITE FIRST',
    'WHO IS THIS FOR?',
    'ABOUT',
  ]);
  // The HTML closes what it opens.
  expect(mail.html.match(/<div/g)?.length).toBe(mail.html.match(/<\/div>/g)?.length);
  expect(mail.html.endsWith('</table></div>')).toBe(true);
});

test('several choices read as a list in staff words; a choice question left empty reads “Not given”', () => {
  const worded = defineServerForm(everyKind, { ...SETTINGS, staffWords: { 'ways=post': 'By post' } });
  const ways = allFields(worded).find((field) => field.name === 'ways')!;
  const speaker = speakerFor(worded, VALUES);
  expect(staffAnswer(worded, ways, ['phone', 'post'], speaker)).toBe('Phone, By post');
  expect(staffAnswer(worded, ways, [], speaker)).toBe('Not given');
  expect(staffAnswer(worded, ways, undefined, speaker)).toBe('Not given');
});

test('a route not in the subject’s words, no route; a form for the person themself uses the form’s own labels', () => {
  const mail = staffEmail(form, 'RG-AAAA-BBBB', { who: 'me', name: 'Alex', ways: ['phone'] }, AT, 'staff@test.invalid');
  expect(mail.subject).toBe('[RG-AAAA-BBBB] New answer');
  expect(mail.text).toContain('Person’s name:\n  Alex');
  const plain = defineServerForm(everyKind, {
    ...SETTINGS,
    confirmation: [],
    staffWords: undefined,
    actFirst: undefined,
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
    { ...SETTINGS, confirmation: [], actFirst: undefined },
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
    'Your answer: reference RG-AAAA-BBBB',
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

test('a referral’s staff email starts with how to contact the person safely, then risks and needs, each once, in staff words', async () => {
  const { SERVER_FORMS } = await import('../../functions/forms/registry.ts');
  const referral = SERVER_FORMS.referral;
  const answers = {
    referralFor: 'professional',
    referrerName: 'Jo Officer',
    organisation: 'Probation',
    role: 'Probation officer',
    referrerEmail: 'jo@test.invalid',
    fullName: 'Alex Example',
    personRole: 'harmed',
    contactMethods: ['phone'],
    phone: '01632 960 001',
    safeTimes: 'Weekday mornings',
    leaveMessage: 'no',
    setting: 'crime',
    accessNeeds: ['interpreter'],
    interpreterLanguage: 'Polish',
    knownRisks: 'Lives with the person responsible.',
  };
  const mail = staffEmail(referral, 'RG-AAAA-BBBB', answers, AT, 'staff@test.invalid');
  expect(mail.subject).toBe('[RG-AAAA-BBBB] New referral, from a professional');
  const [intro, note, ...groups] = mail.text.split('\n\n');
  expect(intro).toMatch(/received 1 July 2027 at 09:05\.$/);
  expect(note).toBe(referral.staffNote);
  expect(groups.map((group) => group.split('\n')[0]).slice(0, 3)).toEqual([
    'CONTACTING THEM SAFELY',
    'KNOWN RISKS',
    'NEEDS TO TAKE PART',
  ]);
  expect(groups[0]).toContain('Can we leave a message:\n  No');
  expect(groups[0]).toContain('Safe times to contact:\n  Weekday mornings');
  // Each answer once, and never in the applicant's voice.
  expect(mail.text.match(/Polish/g)).toHaveLength(1);
  expect(mail.text.match(/Lives with the person responsible/g)).toHaveLength(1);
  expect(mail.text).not.toMatch(/^Your /m);
  const self = staffEmail(referral, 'RG-AAAA-BBBB', { ...answers, referralFor: 'harmed' }, AT, 'staff@test.invalid');
  expect(self.subject).toBe('[RG-AAAA-BBBB] New referral, from the person harmed');
  expect(self.text).not.toMatch(/^Your /m);
});

test('a booking enquiry’s confirmation names the course in its subject and first line', async () => {
  const { SERVER_FORMS } = await import('../../functions/forms/registry.ts');
  const contact = { phone: '01632 960 000', email: 'refer@test.invalid' };
  const event = 'Restorative practice for schools, Tuesday 2 March 2027, 9:30am to 4pm';
  const mail = personEmail(SERVER_FORMS['booking-enquiry'], 'RG-AAAA-BBBB', 'sam@example.org', contact, { event });
  expect(mail.subject).toBe(`Your enquiry for ${event}: reference RG-AAAA-BBBB`);
  expect(mail.text.split('\n\n')[0]).toBe(`Thank you. We have received your enquiry for ${event}.`);
  // Spaces around the course are not its name; a course of spaces alone is no course.
  const padded = personEmail(SERVER_FORMS['booking-enquiry'], 'RG-AAAA-BBBB', 'a@b.co', contact, {
    event: ` ${event} `,
  });
  expect(padded.subject).toBe(`Your enquiry for ${event}: reference RG-AAAA-BBBB`);
  const blank = personEmail(SERVER_FORMS['booking-enquiry'], 'RG-AAAA-BBBB', 'a@b.co', contact, { event: '   ' });
  expect(blank.subject).toBe('Your enquiry: reference RG-AAAA-BBBB');
  const referral = personEmail(SERVER_FORMS.referral, 'RG-AAAA-BBBB', 'sam@example.org', contact, {
    referralFor: 'harmed',
  });
  expect(referral.subject).toBe('Your referral: reference RG-AAAA-BBBB');
});

test('a professional’s confirmation carries their own case reference beside ours; without one, nothing', async () => {
  const { SERVER_FORMS } = await import('../../functions/forms/registry.ts');
  const contact = { phone: '01632 960 000', email: 'refer@test.invalid' };
  const values = { referralFor: 'professional', ownReference: ' CR/123/27 ' };
  const mail = personEmail(SERVER_FORMS.referral, 'RG-AAAA-BBBB', 'jo@test.invalid', contact, values);
  expect(mail.text.split('\n\n').slice(1, 3)).toEqual([
    'Your reference number is RG-AAAA-BBBB.',
    'Your own reference: CR/123/27.',
  ]);
  const without = personEmail(SERVER_FORMS.referral, 'RG-AAAA-BBBB', 'jo@test.invalid', contact, {
    referralFor: 'professional',
  });
  expect(without.text).not.toContain('Your own reference');
  const blank = personEmail(SERVER_FORMS.referral, 'RG-AAAA-BBBB', 'jo@test.invalid', contact, {
    referralFor: 'professional',
    ownReference: '   ',
  });
  expect(blank.text).not.toContain('Your own reference');
});

test('a confirmation in a right-to-left language is written right to left, its phone number and address kept in order', async () => {
  const { SERVER_FORMS } = await import('../../functions/forms/registry.ts');
  const contact = { phone: '01632 960 000', email: 'refer@test.invalid' };
  const arabic = SERVER_FORMS['call-back-ar']!;
  const mail = personEmail(arabic, 'RG-AAAA-BBBB', 'a@b.co', contact, { contactBy: 'email' });
  const box = parse(mail.html).querySelector('div')!;
  expect([box.getAttribute('lang'), box.getAttribute('dir')]).toEqual(['ar', 'rtl']);
  // Some mail programs ignore dir: the style says it too.
  expect(box.getAttribute('style')).toMatch(/direction:rtl$/);
  expect(mail.text).toContain('\u206601632 960 000\u2069');
  expect(mail.text).toContain('\u2066refer@test.invalid\u2069');
  const english = parse(personEmail(form, 'RG-AAAA-BBBB', 'a@b.co', contact).html).querySelector('div')!;
  expect(english.getAttribute('style')).not.toContain('direction');
});

test('staff read every question and every choice of every form in their own words, never “you”, “me” or “my”', async () => {
  const { SERVER_FORMS } = await import('../../functions/forms/registry.ts');
  const firstOrSecondPerson = /\b(you|your|yours|yourself|me|my|mine|myself|I)\b/i;
  const found: string[] = [];
  for (const form of Object.values(SERVER_FORMS)) {
    const voices = form.audience
      ? Object.keys(form.audience.paths).map((audience) => speakerFor(form, { [form.audience!.field.name]: audience }))
      : [speakerFor(form, {})];
    for (const speaker of voices)
      for (const field of allFields(form)) {
        if (field.separate) continue;
        const label = staffLabel(form, field, speaker);
        if (firstOrSecondPerson.test(label)) found.push(`${form.id}.${field.name}: ${label}`);
        if (field.kind !== 'radios' && field.kind !== 'checkboxes') continue;
        for (const option of optionsFor(field, speaker)) {
          const answer = staffAnswer(form, field, field.kind === 'checkboxes' ? [option.value] : option.value, speaker);
          if (firstOrSecondPerson.test(answer)) found.push(`${form.id}.${field.name}=${option.value}: ${answer}`);
        }
      }
  }
  expect([...new Set(found)]).toEqual([]);
});
