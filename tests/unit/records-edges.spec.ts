import { expect, test } from 'vitest';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { serveForms } from '../../functions/intake/routes.ts';
import { openRecord, RecordProblem } from '../../functions/records/open.ts';
import { isReference, normaliseReference } from '../../functions/records/reference.ts';
import { keptTime, ukDay } from '../../functions/records/day.ts';
import { newKeySpec, parseKeyring, seal } from '../../functions/records/seal.ts';
import type { PipelineConfig } from '../../functions/settings/config.ts';
import { loggedReference, logEvent } from '../../functions/settings/log.ts';
import { logsOf } from '../support/logs.ts';
import { proven } from '../support/proof.ts';

/** Records, keys, references and log lines at their edges: each refusal with its own reason. */
const keyring = parseKeyring(`${newKeySpec('k2')},${newKeySpec('k1')}`);
const deps = { config: { keyring } as PipelineConfig, forms: SERVER_FORMS };
const REFERENCE = 'RG-AAAA-BBBB';
const sealedText = (plain: string, keys = keyring, reference = REFERENCE) =>
  JSON.stringify(seal(keys, plain, reference));

function reasonOf(text: string, reference = REFERENCE): string {
  try {
    openRecord(deps, reference, text);
  } catch (error) {
    expect(error).toBeInstanceOf(RecordProblem);
    expect((error as Error).name).toBe('RecordProblem');
    return (error as RecordProblem).reason;
  }
  return 'opened';
}

test('a record opens only whole, with its key, under its own reference, for a form this site has', () => {
  const good = sealedText(JSON.stringify({ form: 'referral', values: { fullName: 'Sam' } }));
  expect(openRecord(deps, REFERENCE, good)).toEqual({ form: 'referral', values: { fullName: 'Sam' } });
  expect(reasonOf('not json')).toBe('corrupt-record');
  expect(reasonOf('null')).toBe('corrupt-record');
  expect(reasonOf('"text"')).toBe('corrupt-record');
  const fields = JSON.parse(good) as Record<string, unknown>;
  for (const missing of ['kid', 'iv', 'tag', 'data']) {
    expect(reasonOf(JSON.stringify({ ...fields, [missing]: undefined })), missing).toBe('corrupt-record');
    expect(reasonOf(JSON.stringify({ ...fields, [missing]: 7 })), missing).toBe('corrupt-record');
  }
  expect(reasonOf(JSON.stringify({ ...fields, kid: 'k9' }))).toBe('key-missing');
  expect(reasonOf(good, 'RG-AAAA-CCCC')).toBe('cannot-decrypt');
  expect(reasonOf(JSON.stringify({ ...fields, tag: Buffer.alloc(16).toString('base64') }))).toBe('cannot-decrypt');
  expect(reasonOf(sealedText('not json inside'))).toBe('corrupt-record');
  expect(reasonOf(sealedText('null'))).toBe('unknown-form');
  expect(reasonOf(sealedText('"referral"'))).toBe('unknown-form');
  expect(reasonOf(sealedText(JSON.stringify({ form: 'no-such-form' })))).toBe('unknown-form');
  expect(reasonOf(sealedText(JSON.stringify({ form: 'constructor' })))).toBe('unknown-form');
});

test('keys: a list of id:key, spaces and empty entries forgiven, the first sealing; anything else refused', () => {
  const [a, b] = [newKeySpec('new_key-1'), newKeySpec()];
  expect(b.startsWith('k1:')).toBe(true);
  const ring = parseKeyring(` ${a} , ,${b} `);
  expect(ring.currentId).toBe('new_key-1');
  expect([...ring.keys.keys()]).toEqual(['new_key-1', 'k1']);
  expect(parseKeyring(`${'x'.repeat(32)}:${Buffer.alloc(32).toString('base64')}`).currentId).toBe('x'.repeat(32));
  const refused = [
    '',
    ' , ',
    `${'x'.repeat(33)}:${Buffer.alloc(32).toString('base64')}`,
    `bad id:${Buffer.alloc(32).toString('base64')}`,
    `k1.:${Buffer.alloc(32).toString('base64')}`,
    `:${Buffer.alloc(32).toString('base64')}`,
    `k1:${Buffer.alloc(31).toString('base64')}`,
    `k1:${Buffer.alloc(33).toString('base64')}`,
    'k1',
  ];
  for (const spec of refused) expect(() => parseKeyring(spec), spec).toThrow(/SUBMISSION_KEYS/);
  // Each seal is fresh: the same words never look the same twice.
  expect(sealedText('same')).not.toBe(sealedText('same'));
  expect(JSON.parse(sealedText('x'))).toMatchObject({ v: 1, alg: 'A256GCM', kid: 'k2' });
});

test('a reference read out or typed is forgiven for any spacing and look-alike letters', () => {
  expect(normaliseReference('rg -  7q2k - m9xd')).toBe('RG-7Q2K-M9XD');
  expect(normaliseReference('RG-7Q2K-M9X\tD')).toBe('RG-7Q2K-M9XD');
  expect(normaliseReference('RG-7QIK-M9XL')).toBe('RG-7Q1K-M9X1');
  expect(normaliseReference('RG-7Q2K-M9XU')).toBeUndefined();
  expect(normaliseReference('')).toBeUndefined();
});

test('the log: one JSON line each, with the day only, errors as errors and the rest as information', async () => {
  const { lines, errors, outcomes } = await logsOf(async () => {
    logEvent({ outcome: 'stored', form: 'referral', count: 2 });
    logEvent({ outcome: 'delivery-failed', reason: 'smtp-timeout' }, 'error');
    logEvent({ outcome: 'sweep' }, 'info');
  });
  expect(outcomes).toEqual(['stored', 'delivery-failed', 'sweep']);
  expect(errors).toEqual(['delivery-failed']);
  expect(lines[0]).toEqual({
    at: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
    outcome: 'stored',
    form: 'referral',
    count: 2,
  });
  // An outcome at the wrong level, or one nobody could look up, fails the test that logs it.
  await expect(logsOf(async () => logEvent({ outcome: 'stored' }, 'error'))).rejects.toThrow(/logged as an error/);
  await expect(logsOf(async () => logEvent({ outcome: 'delivery-failed' }))).rejects.toThrow(/logged as information/);
  await expect(logsOf(async () => logEvent({ outcome: 'mystery' }))).rejects.toThrow(/nobody can look up/);
});

test('each form is found at its address with or without a slash; no form, no page', async () => {
  const secret = Buffer.alloc(32, 7);
  const serve = serveForms(SERVER_FORMS, () => ({ config: { tokenSecret: secret } }) as never);
  const missing = await serve(new Request('http://localhost/api/forms/nothing', { method: 'POST' }));
  expect(missing.status).toBe(404);
  expect(await missing.json()).toEqual({ error: 'There is no form at this address' });
  for (const address of ['/forms/referral/sent', '/forms/referral/sent/', '/forms/referral/sent//'])
    expect(
      (await serve(new Request(`http://localhost${address}?${proven(secret, 'referral', 'RG-7Q2K-M9XD')}`))).status,
      address,
    ).toBe(200);
});

test('a reference is the whole text, nothing before or after it', () => {
  expect(isReference('RG-7Q2K-M9XD')).toBe(true);
  expect(isReference('xRG-7Q2K-M9XD')).toBe(false);
  expect(isReference('RG-7Q2K-M9XDX')).toBe(false);
});

test('an anonymous form keeps only the UK day: half past eleven at night in July (UTC) is the next day in the UK', () => {
  const lateInJuly = Date.parse('2027-07-01T23:30:00Z');
  expect(ukDay(lateInJuly)).toBe('2027-07-02');
  expect(ukDay(Date.parse('2027-01-01T23:30:00Z'))).toBe('2027-01-01');
  expect(keptTime({ anonymous: true }, lateInJuly)).toBe(Date.parse('2027-07-02T00:00:00.000Z'));
  expect(keptTime({ anonymous: false }, lateInJuly)).toBe(lateInJuly);
});

test('log lines name a record by its reference, except for an anonymous form', () => {
  expect(loggedReference({}, 'RG-7Q2K-M9XD')).toBe('RG-7Q2K-M9XD');
  expect(loggedReference({ anonymous: false }, 'RG-7Q2K-M9XD')).toBe('RG-7Q2K-M9XD');
  expect(loggedReference({ anonymous: true }, 'RG-7Q2K-M9XD')).toBeUndefined();
});
