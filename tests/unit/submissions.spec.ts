import { expect, test } from 'vitest';
import { failureReason } from '../../functions/delivery/mail.ts';
import { backoffMs } from '../../functions/delivery/backoff.ts';
import { isCrossSite } from '../../functions/intake/http.ts';
import { alertEmail, personEmail, staffEmail } from '../../functions/delivery/messages.ts';
import { isReference, newReference, normaliseReference } from '../../functions/records/reference.ts';
import { newKeySpec, parseKeyring, seal, unseal } from '../../functions/records/seal.ts';
import { checkToken, issueToken } from '../../functions/intake/token.ts';
import referralForm from '../../functions/forms/referral.ts';
import volunteerApplicationForm from '../../functions/forms/volunteer-application.ts';

test('references are RG-XXXX-XXXX in Crockford base32 and do not repeat', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const reference = newReference();
    expect(isReference(reference), reference).toBe(true);
    expect(reference).not.toMatch(/[ILOU]/);
    seen.add(reference);
  }
  expect(seen.size).toBe(2000);
  expect(newReference(() => new Uint8Array(5))).toBe('RG-0000-0000');
  expect(newReference(() => new Uint8Array([255, 255, 255, 255, 255]))).toBe('RG-ZZZZ-ZZZZ');
});

test('a reference typed by a person is forgiven for case, spaces and look-alike letters', () => {
  expect(normaliseReference(' rg-7q2k-m9xd ')).toBe('RG-7Q2K-M9XD');
  expect(normaliseReference('RG-7Q2K-M9XO')).toBe('RG-7Q2K-M9X0');
  expect(normaliseReference('RG-7Q2K')).toBeUndefined();
});

test('sealed records open only with their key and their reference', () => {
  const keyring = parseKeyring(newKeySpec('a'));
  const sealed = seal(keyring, '{"name":"Zoë"}', 'RG-AAAA-BBBB');
  expect(JSON.stringify(sealed)).not.toContain('Zoë');
  expect(sealed.kid).toBe('a');
  expect(unseal(keyring, sealed, 'RG-AAAA-BBBB')).toBe('{"name":"Zoë"}');
  expect(() => unseal(keyring, sealed, 'RG-AAAA-CCCC')).toThrow();
  const otherKey = parseKeyring(newKeySpec('a'));
  expect(() => unseal(otherKey, sealed, 'RG-AAAA-BBBB')).toThrow();
  expect(() => unseal(parseKeyring(newKeySpec('b')), sealed, 'RG-AAAA-BBBB')).toThrow(/No key "a"/);
});

test('keys rotate: a new first key seals, old keys still open old records', () => {
  const oldSpec = newKeySpec('2025');
  const old = parseKeyring(oldSpec);
  const sealed = seal(old, 'old record', 'RG-1111-2222');
  const rotated = parseKeyring(`${newKeySpec('2026')},${oldSpec}`);
  expect(rotated.currentId).toBe('2026');
  expect(unseal(rotated, sealed, 'RG-1111-2222')).toBe('old record');
  expect(seal(rotated, 'new', 'RG-1111-3333').kid).toBe('2026');
  expect(() => parseKeyring('k1:tooshort')).toThrow(/32 bytes/);
});

test('check-answers tokens: too fast, forged, changed, expired and good, to the millisecond', () => {
  const secret = Buffer.from('secret');
  const issued = Date.parse('2026-11-21T10:00:00Z');
  const values = { fullName: 'Sam', contactMethods: ['phone', 'email'] };
  const token = issueToken(secret, 'referral', values, issued);
  const at = (now: number, v = values, form = 'referral', key = secret, t: unknown = token) =>
    checkToken(key, form, t, v, { now, minMs: 2000 }).state;
  expect(at(issued + 1999)).toBe('too-fast');
  expect(at(issued + 2000)).toBe('ok');
  expect(at(issued + 3000, { ...values, fullName: 'Sal' })).toBe('changed');
  expect(at(issued + 3000, { contactMethods: ['phone', 'email'], fullName: 'Sam' })).toBe('ok');
  expect(at(issued + 3000, { ...values, contactMethods: ['email', 'phone'] })).toBe('changed');
  expect(at(issued + 3000, values, 'volunteer-application')).toBe('invalid');
  expect(at(issued + 3000, values, 'referral', Buffer.from('other'))).toBe('invalid');
  expect(at(issued + 24 * 3600 * 1000 + 1)).toBe('expired');
  expect(at(issued, values, 'referral', secret, null)).toBe('missing');
  expect(at(issued, values, 'referral', secret, 'garbage')).toBe('invalid');
  expect(at(issued, values, 'referral', secret, `${issued}.x.y.z.w`)).toBe('invalid');
  // Two tokens for the same answers are different tokens, so each can be used once.
  expect(issueToken(secret, 'referral', values, issued)).not.toBe(token);
});

test('a token at its edges: a day old exactly is still good; any other shape, or a tampered part, is not', () => {
  const secret = Buffer.from('secret');
  const values = { fullName: 'Sam' };
  const issued = 1_800_000_000_000;
  const token = issueToken(secret, 'referral', values, issued);
  const check = (t: unknown, now = issued + 5000) => checkToken(secret, 'referral', t, values, { now, minMs: 2000 });
  const day = 24 * 3600 * 1000;
  expect(check(token, issued + day)).toEqual({ state: 'ok', id: token.split('.')[3] });
  expect(check(token, issued + day + 1)).toEqual({ state: 'expired' });
  expect(check('')).toEqual({ state: 'missing' });
  expect(check(42)).toEqual({ state: 'missing' });
  const [at, nonce, hash, signature] = token.split('.');
  expect(check(`${at}.${nonce}.${hash}`)).toEqual({ state: 'invalid' });
  // A leading zero is the same time and the same token: it is used up with it (its id is the signature).
  expect(check(`0${at}.${nonce}.${hash}.${signature}`)).toEqual({ state: 'ok', id: signature });
  expect(check(`${'0'.repeat(16 - at.length)}${at}.${nonce}.${hash}.${signature}`)).toEqual({ state: 'invalid' });
  expect(check(`1${at}.${nonce}.${hash}.${signature}`)).toEqual({ state: 'invalid' });
  expect(check(`${at}x.${nonce}.${hash}.${signature}`)).toEqual({ state: 'invalid' });
  expect(check(`${Number(at) + 1}.${nonce}.${hash}.${signature}`)).toEqual({ state: 'invalid' });
  expect(check(`${at}.${nonce}x.${hash}.${signature}`)).toEqual({ state: 'invalid' });
  expect(check(`${at}.${nonce}.${hash}.${signature}x`)).toEqual({ state: 'invalid' });
  expect(check(`${at}.${nonce}.${hash}.${signature.slice(0, -1)}A`)).toEqual(
    signature.endsWith('A') ? { state: 'ok', id: signature } : { state: 'invalid' },
  );
  // Tokens are told apart by their signature, which says nothing of the answers.
  const other = issueToken(secret, 'referral', values, issued);
  expect((check(other) as { id: string }).id).not.toBe((check(token) as { id: string }).id);
  expect(token).not.toContain('Sam');
});

test('retries back off from a minute to at most six hours', () => {
  expect(backoffMs(0)).toBe(60_000);
  expect(backoffMs(3, 1000)).toBe(4000);
  expect(backoffMs(1)).toBe(60_000);
  expect(backoffMs(2)).toBe(120_000);
  expect(backoffMs(5)).toBe(16 * 60_000);
  expect(backoffMs(30)).toBe(6 * 3600_000);
});

test('requests from other sites are recognised; a same-site post from an old browser is not refused', () => {
  const at = (headers: Record<string, string>) =>
    new Request('https://site.example/api/referral', { method: 'POST', headers });
  expect(isCrossSite(at({ 'sec-fetch-site': 'same-origin', origin: 'null' }), [])).toBe(false);
  expect(isCrossSite(at({ 'sec-fetch-site': 'cross-site' }), [])).toBe(true);
  expect(isCrossSite(at({ 'sec-fetch-site': 'same-site' }), [])).toBe(true);
  expect(isCrossSite(at({ 'sec-fetch-site': 'cross-site', origin: 'null' }), [])).toBe(true);
  expect(isCrossSite(at({ origin: 'https://site.example' }), [])).toBe(false);
  expect(isCrossSite(at({ origin: 'https://evil.example' }), [])).toBe(true);
  expect(isCrossSite(at({ origin: 'https://www.example.org' }), ['https://www.example.org'])).toBe(false);
  // Safari before 16.4 under no-referrer: "Origin: null" and nothing else. The send step
  // still needs a token issued for those exact answers.
  expect(isCrossSite(at({ origin: 'null' }), [])).toBe(false);
  expect(isCrossSite(at({}), [])).toBe(false);
});

test('delivery failures are named by what failed, never by a message that could hold an address', () => {
  const error = (fields: Record<string, unknown>) => Object.assign(new Error('to alex@example.org'), fields);
  expect(failureReason(error({ code: 'EAUTH', responseCode: 535 }))).toBe('smtp-authentication-failed');
  expect(failureReason(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' }))).toBe(
    'smtp-connection-refused',
  );
  expect(failureReason(error({ code: 'ETLS' }))).toBe('smtp-tls-failed');
  expect(failureReason(error({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550 }))).toBe(
    'smtp-recipient-rejected',
  );
  expect(failureReason(error({ code: 'ETIMEDOUT' }))).toBe('smtp-timeout');
  expect(failureReason(error({}))).not.toContain('@');
});

test('staff email: reference and form type in the subject, every answer escaped in HTML', () => {
  const values = {
    referralFor: 'harmed',
    fullName: '<b>Zoë</b> & "friends"',
    contactMethods: ['phone'],
    phone: '01632 960 001',
    leaveMessage: 'no',
    setting: 'crime',
    description: '<script>alert(1)</script>',
  };
  const mail = staffEmail(referralForm, 'RG-AAAA-BBBB', values, '2026-11-21T10:00:00Z', 'inbox@test.invalid');
  expect(mail.subject).toBe('[RG-AAAA-BBBB] New referral, from the person harmed');
  expect(mail.html).not.toContain('<script>');
  expect(mail.html).not.toContain('<b>Zoë');
  expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(mail.html).toContain('&lt;b&gt;Zoë&lt;/b&gt; &amp; &quot;friends&quot;');
  expect(mail.text).toContain('<b>Zoë</b> & "friends"');
  expect(mail.text).toContain('The person harmed, for themself');
});

test('volunteer email keeps equality answers apart; the person’s email holds nothing they told us', () => {
  const values = { fullName: 'Sam', motivation: 'Because I care', ethnicity: 'prefer-not-to-say' };
  const staff = staffEmail(volunteerApplicationForm, 'RG-AAAA-CCCC', values, '2026-11-21T10:00:00Z', 'v@test.invalid');
  expect(staff.text).toContain('Because I care');
  // Equality answers never travel with the application, not even at its end.
  expect(staff.text).not.toMatch(/ethnic|Prefer not to say/i);
  expect(staff.html).not.toMatch(/ethnic|Prefer not to say/i);
  const person = personEmail(volunteerApplicationForm, 'RG-AAAA-CCCC', 'sam@example.org', {
    phone: '01452 754542',
    email: 'x@y.z',
  });
  expect(person.text).toContain('RG-AAAA-CCCC');
  expect(person.text).not.toContain('Because I care');
  expect(person.subject).not.toContain('Sam');
  expect(alertEmail('RG-AAAA-DDDD', 'referral', 8, 'a@test.invalid').subject).toContain('RG-AAAA-DDDD');
});

test('staff read a referral made for someone else in their own words: whose details are whose', async () => {
  const values = {
    referralFor: 'professional',
    referrerName: 'Pat Officer',
    organisation: 'Probation',
    role: 'Officer',
    referrerPhone: '01632 960 002',
    referrerEmail: 'pat@example.org',
    referrerEmailConfirmation: 'no',
    fullName: 'Sam Person',
    personRole: 'harmed',
    contactMethods: ['phone'],
    phone: '07700 900 982',
    leaveMessage: 'no',
    setting: 'crime',
    supportNeeds: 'Step-free access',
    consentConfirmed: 'yes',
  };
  const mail = staffEmail(referralForm, 'RG-AAAA-EEEE', values, '2026-11-21T10:00:00Z', 'inbox@test.invalid');
  expect(mail.text).toContain('Referrer’s name:\n  Pat Officer');
  expect(mail.text).toContain('THE PERSON MAKING THE REFERRAL');
  expect(mail.text).toContain('Harmed or caused harm:\n  They were harmed');
  expect(mail.text).not.toMatch(/ABOUT YOU|Your name/);
  // Support to take part comes before everything else.
  expect(mail.text.indexOf('Step-free access')).toBeLessThan(mail.text.indexOf('Pat Officer'));
});
