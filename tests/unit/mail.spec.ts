import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createMailer,
  failureReason,
  mailDestination,
  MailNotConfiguredError,
  onThisMachine,
  type OutgoingMail,
} from '../../functions/delivery/mail.ts';
import type { PipelineConfig } from '../../functions/settings/config.ts';
import { TestMailServer } from '../support/smtp.ts';

/**
 * Sending mail as production sends it: to a real SMTP server on loopback, with TLS required for
 * any server that is not on this machine (127.0.0.2 stands for one: it is not in the list of
 * this machine's names); locally, as files only the owner can read; otherwise, not at all.
 */
const MAIL: OutgoingMail = {
  to: 'staff@test.invalid',
  subject: '[RG-AAAA-BBBB] New referral',
  text: 'Plain words',
  html: '<p>Plain words</p>',
  tag: 'RG-AAAA-BBBB-staff',
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rg-mail-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const configFor = (fields: Partial<PipelineConfig>) =>
  ({
    mailFrom: 'Website <website@test.invalid>',
    isLocal: false,
    mailDir: path.join(dir, 'none'),
    ...fields,
  }) as PipelineConfig;

test('a server on this machine gets the mail without TLS; one elsewhere only over TLS', async () => {
  const local = new TestMailServer();
  const remote = new TestMailServer(0, undefined, '127.0.0.2');
  await local.start();
  await remote.start();
  try {
    await createMailer(configFor({ smtpUrl: local.url })).send(MAIL);
    expect(local.received).toHaveLength(1);
    expect(local.received[0].to).toEqual(['staff@test.invalid']);
    expect(local.received[0].from).toBe('website@test.invalid');

    // The test servers offer no STARTTLS: a server that is not on this machine is refused.
    const refused = await createMailer(configFor({ smtpUrl: remote.url }))
      .send(MAIL)
      .catch((error: unknown) => error);
    expect(failureReason(refused)).toBe('smtp-tls-failed');
    expect(remote.received).toHaveLength(0);

    // On this machine, TLS can still be asked for.
    const asked = await createMailer(configFor({ smtpUrl: `${local.url}?tls=required` }))
      .send(MAIL)
      .catch((error: unknown) => error);
    expect(failureReason(asked)).toBe('smtp-tls-failed');
    expect(local.received).toHaveLength(1);
  } finally {
    await local.stop();
    await remote.stop();
  }
});

test('without SMTP, a local run writes each message as a file only its owner can read', async () => {
  const mailDir = path.join(dir, 'outbox', 'not-yet-made');
  await createMailer(configFor({ isLocal: true, mailDir })).send(MAIL);
  await createMailer(configFor({ isLocal: true, mailDir })).send({ ...MAIL, tag: 'RG-AAAA-BBBB-person' });
  const files = readdirSync(mailDir).sort();
  expect(files).toHaveLength(2);
  for (const file of files) {
    expect(file).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-RG-AAAA-BBBB-(staff|person)\.eml$/);
    expect(statSync(path.join(mailDir, file)).mode & 0o777).toBe(0o600);
  }
  const message = readFileSync(
    path.join(
      mailDir,
      files.find((f) => f.endsWith('staff.eml'))!,
    ),
    'utf8',
  );
  expect(message).toContain('To: staff@test.invalid');
  expect(message).toContain('Subject: [RG-AAAA-BBBB] New referral');
  expect(message).toContain('Plain words');
  expect(message).not.toContain('\r\n');
});

test('a local message dated to its day (an anonymous digest) is named and dated by that day, never by the moment', async () => {
  const mailDir = path.join(dir, 'dated');
  const day = new Date('2027-01-12T00:00:00.000Z');
  const mailer = createMailer(configFor({ isLocal: true, mailDir }));
  await mailer.send({ ...MAIL, tag: 'digest-feedback-2027-01-12', date: day });
  await mailer.send({ ...MAIL, tag: 'digest-feedback-2027-01-12', date: day });
  const files = readdirSync(mailDir);
  // Two of the same day never overwrite each other, and neither name says more than the day.
  expect(new Set(files).size).toBe(2);
  for (const file of files) {
    expect(file).toMatch(/^2027-01-12-[0-9a-f]{8}-digest-feedback-2027-01-12\.eml$/);
    expect(statSync(path.join(mailDir, file)).mtime.toISOString()).toBe(day.toISOString());
    expect(readFileSync(path.join(mailDir, file), 'utf8')).toMatch(/^Date: Tue, 12 Jan 2027 00:00:00 \+0000$/m);
  }
});

test('the machine’s own names count as on this machine (plain SMTP allowed); any other host does not', () => {
  for (const host of ['localhost', '127.0.0.1', new URL('smtp://[::1]:25').hostname])
    expect(onThisMachine(host)).toBe(true);
  for (const host of ['127.0.0.2', 'mail.example.org', '', 'localhost.example.org'])
    expect(onThisMachine(host)).toBe(false);
});

test('a deploy with no SMTP sends nothing, writes nothing and says why', async () => {
  const mailDir = path.join(dir, 'deployed');
  const error = await createMailer(configFor({ isLocal: false, mailDir }))
    .send(MAIL)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(MailNotConfiguredError);
  expect((error as Error).message).toBe('SMTP_URL is not set');
  expect(failureReason(error)).toBe('mail-not-configured');
  expect(() => readdirSync(mailDir)).toThrow();
});

test('the start-up lines say where mail goes, with the SMTP port it will use and no password', () => {
  expect(mailDestination({ smtpUrl: 'smtp://user:secret@mail.example.org:2525', isLocal: true, mailDir: '/x' })).toBe(
    'SMTP mail.example.org:2525',
  );
  expect(mailDestination({ smtpUrl: 'smtp://mail.example.org', isLocal: false, mailDir: '/x' })).toBe(
    'SMTP mail.example.org:587',
  );
  expect(mailDestination({ smtpUrl: 'smtps://mail.example.org', isLocal: false, mailDir: '/x' })).toBe(
    'SMTP mail.example.org:465',
  );
  expect(mailDestination({ smtpUrl: undefined, isLocal: true, mailDir: '/data/mail' })).toBe('files in /data/mail');
  expect(mailDestination({ smtpUrl: undefined, isLocal: false, mailDir: '/data/mail' })).toBe('not configured');
});

// Each failure by the one thing that marks it, so no rule leans on another.
const FAILURES: [string, Record<string, unknown>, string][] = [
  ['authentication, by code', { code: 'EAUTH' }, 'smtp-authentication-failed'],
  ['authentication, by 535', { responseCode: 535 }, 'smtp-authentication-failed'],
  ['authentication, by 534', { responseCode: 534 }, 'smtp-authentication-failed'],
  ['TLS', { code: 'ETLS' }, 'smtp-tls-failed'],
  ['TLS on the socket', { code: 'ESOCKET_TLS' }, 'smtp-tls-failed'],
  ['envelope', { code: 'EENVELOPE' }, 'smtp-recipient-rejected'],
  ['recipient refused for good', { command: 'RCPT TO', responseCode: 550 }, 'smtp-recipient-rejected'],
  ['recipient refused for good, at 500', { command: 'RCPT TO', responseCode: 500 }, 'smtp-recipient-rejected'],
  ['recipient refused for now', { command: 'RCPT TO', responseCode: 450 }, 'smtp-temporarily-refused'],
  ['timeout', { code: 'ETIMEDOUT' }, 'smtp-timeout'],
  ['host not found', { code: 'EDNS' }, 'smtp-host-not-found'],
  ['connection', { code: 'ECONNECTION' }, 'smtp-connection-failed'],
  ['socket', { code: 'ESOCKET' }, 'smtp-connection-failed'],
  ['connection refused, by code', { code: 'ECONNREFUSED' }, 'smtp-connection-failed'],
  ['message', { code: 'EMESSAGE' }, 'smtp-message-rejected'],
  ['message refused for good', { command: 'DATA', responseCode: 554 }, 'smtp-message-rejected'],
  ['message refused for good, at 500', { command: 'DATA', responseCode: 500 }, 'smtp-message-rejected'],
  ['refused for now, at 499', { command: 'DATA', responseCode: 499 }, 'smtp-temporarily-refused'],
  ['refused for now, at 400', { command: 'DATA', responseCode: 400 }, 'smtp-temporarily-refused'],
  ['a 3xx reply', { command: 'DATA', responseCode: 354 }, 'mail-error'],
  ['anything else', { code: 'EWHATEVER' }, 'mail-error'],
];

test.each(FAILURES)('a failure of %s is named as such, whatever its message says', (_, fields, reason) => {
  expect(failureReason(Object.assign(new Error('to alex@example.org'), fields))).toBe(reason);
});

test('a refused connection is named from the message when that is all there is; nothing is named by an address', () => {
  expect(failureReason(new Error('connect ECONNREFUSED 127.0.0.1:25'))).toBe('smtp-connection-refused');
  expect(failureReason(new MailNotConfiguredError('SMTP_URL is not set'))).toBe('mail-not-configured');
  expect(failureReason(undefined)).toBe('mail-error');
  expect(failureReason('a string')).toBe('mail-error');
  for (const [, fields] of FAILURES)
    expect(failureReason({ ...fields, message: 'alex@example.org' })).not.toContain('@');
});
