import { beforeAll, afterAll, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import referralForm from '../../functions/forms/referral.ts';
import volunteerApplicationForm from '../../functions/forms/volunteer-application.ts';
import { BASE_SECURITY_HEADERS } from '../../src/lib/security-headers.ts';
import { isReference } from '../../functions/records/reference.ts';
import { createConfirmationHandler } from '../../functions/intake/confirmation-page.ts';
import { proven } from '../support/proof.ts';
import { logsOf } from '../support/logs.ts';
import { formRequest, REFERRAL_ANSWERS, startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * What the form functions answer to bad input, called as Netlify calls them (a Request in,
 * a Response out) against a real Blobs store: a clear 4xx with a message, never a 5xx,
 * never a crash, and every answer with the site's security headers.
 */
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => pipeline.stop());

const FORMS = [referralForm, volunteerApplicationForm];

function expectSecurityHeaders(response: Response) {
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
  expect(response.headers.get('cache-control')).toBe('no-store');
}

async function storedRecords(): Promise<string[]> {
  const { blobs } = await pipeline.deps.outbox.store.list();
  return blobs.map((blob) => blob.key);
}

for (const form of FORMS) {
  test(`${form.endpoint}: wrong methods get 405 with Allow`, async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await pipeline.handler(form)(formRequest(form.endpoint, '', { method }));
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expectSecurityHeaders(response);
    }
  });

  test(`${form.endpoint}: other content types get 415`, async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml', '']) {
      const response = await pipeline.handler(form)(
        formRequest(form.endpoint, 'a=b', { headers: { 'Content-Type': type } }),
      );
      expect(response.status, type).toBe(415);
      expect(((await response.json()) as { error: string }).error).toMatch(/form-urlencoded|json/);
    }
  });

  test(`${form.endpoint}: bodies over 32 KB get 413, whatever length they declare`, async () => {
    const handle = pipeline.handler(form);
    const json = await handle(formRequest(form.endpoint, { fullName: 'x'.repeat(40 * 1024) }));
    expect(json.status).toBe(413);
    expect(((await json.json()) as { error: string }).error).toBe('The form is too large to send');
    const urlencoded = await handle(formRequest(form.endpoint, `fullName=${'y'.repeat(33 * 1024)}`, { form: true }));
    expect(urlencoded.status).toBe(413);
    // Without JavaScript: a page to act on, with the phone number, never raw JSON.
    expect(urlencoded.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await urlencoded.text();
    expect(page).toContain('<title>Error: sorry, there is a problem');
    expect(page).toMatch(
      /The form is too large to send\. Nothing was sent\..*make your longest answers shorter.*phone us on 0/s,
    );
    const understated = await handle(
      formRequest(form.endpoint, `fullName=${'z'.repeat(33 * 1024)}`, { headers: { 'Content-Length': '10' } }),
    );
    expect(understated.status).toBe(413);
  });

  test(`${form.endpoint}: malformed bodies get 400 with a message`, async () => {
    const handle = pipeline.handler(form);
    for (const body of ['{"fullName": ', 'null', '[1,2]', '"text"']) {
      const response = await handle(formRequest(form.endpoint, body));
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as { error: string }).error, body).toMatch(/could not be read/);
    }
    const badUtf8 = new Request(new URL(form.endpoint, 'http://localhost'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: Buffer.from([0x66, 0x3d, 0xff, 0xfe]),
    });
    const response = await handle(badUtf8);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/UTF-8/);
  });

  test(`${form.endpoint}: missing fields and wrong types get 422 with a message per field`, async () => {
    const handle = pipeline.handler(form);
    const empty = await handle(formRequest(form.endpoint, {}));
    expect(empty.status).toBe(422);
    const { errors } = (await empty.json()) as { errors: Record<string, string> };
    expect(Object.keys(errors).length).toBeGreaterThan(3);
    for (const message of Object.values(errors)) expect(message).toMatch(/^(Enter|Select|Confirm|Tell)/);

    const wrongTypes = await handle(
      formRequest(form.endpoint, {
        fullName: { first: 'A' },
        email: 42,
        phone: ['01632 960 001'],
        referralFor: true,
        contactMethods: 'carrier pigeon',
        availability: [1, 2],
        over18: 'maybe',
      }),
    );
    expect(wrongTypes.status).toBe(422);
    expect(((await wrongTypes.json()) as { errors: Record<string, string> }).errors.fullName).toMatch(/full name/i);
  });

  test(`${form.endpoint}: requests from another site are refused`, async () => {
    const handle = pipeline.handler(form);
    const crossSite = await handle(formRequest(form.endpoint, {}, { headers: { 'Sec-Fetch-Site': 'cross-site' } }));
    expect(crossSite.status).toBe(403);
    const otherOrigin = await handle(formRequest(form.endpoint, {}, { headers: { Origin: 'https://evil.example' } }));
    expect(otherOrigin.status).toBe(403);
    expectSecurityHeaders(otherOrigin);
  });
}

test('HTML, script and unicode in every field are kept as text and escaped everywhere', async () => {
  const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  const answers = {
    referralFor: 'professional',
    fullName: `Zoë ${script} 名前 🙂`,
    contactMethods: ['phone', 'email'],
    phone: '+44 1632 960 003',
    email: 'zoe@example.org',
    emailConfirmation: 'no',
    safeTimes: script,
    leaveMessage: 'yes',
    setting: 'other',
    description: `${script}\nSecond line`,
    reportedToPolice: 'not-sure',
    crimeReference: script.slice(0, 50),
    supportNeeds: script,
    accessNeeds: ['interpreter'],
    interpreterLanguage: 'Cymraeg',
    personRole: 'harmed',
    relationship: script,
    referrerEmailConfirmation: 'no',
    referrerName: script,
    organisation: script,
    role: script,
    referrerPhone: '01632 960 004',
    referrerEmail: 'worker@example.org',
    consentConfirmed: 'yes',
    knownRisks: script,
  };
  const handle = pipeline.handler(referralForm);
  const check = await handle(formRequest('/api/referral', { ...answers, action: 'check' }));
  expect(check.status).toBe(200);
  expect(((await check.json()) as { values: Record<string, string> }).values.fullName).toBe(answers.fullName);

  // The no-JavaScript check-answers page shows the script as text, never as markup.
  const page = await handle(
    formRequest('/api/referral', { ...answers, contactMethods: 'phone', action: 'check' }, { form: true }),
  );
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).not.toContain('<script>alert');
  expect(html).not.toContain('<img src=x');
  expect(html).toContain('&lt;script&gt;alert');
  expect(html).toContain('名前 🙂');

  // And in the email staff receive.
  const { checkThenSend } = await import('../support/pipeline.ts');
  const { mimePart } = await import('../support/smtp.ts');
  const sent = await checkThenSend(pipeline, referralForm, answers);
  const { reference } = (await sent.json()) as { reference: string };
  await pipeline.settle();
  const mail = await pipeline.mail.waitFor(`[${reference}]`);
  const htmlPart = mimePart(mail.raw, 'text/html');
  expect(htmlPart).toContain('名前 🙂');
  expect(htmlPart).toContain('&lt;script&gt;');
  expect(htmlPart).not.toContain('<script>');
  expect(htmlPart).not.toContain('<img src=x');
});

test('invisible and line-breaking characters never reach a single-line answer or an address', async () => {
  const handle = pipeline.handler(referralForm);
  const sneaky = 'Alex\u0085Bcc: x@evil.example\u202Eevil\u200B\u2028Subject: hi';
  const check = await handle(
    formRequest('/api/referral', {
      ...REFERRAL_ANSWERS,
      fullName: sneaky,
      contactMethods: ['email'],
      email: 'alex@example.org\u0085',
      emailConfirmation: 'no',
      action: 'check',
    }),
  );
  expect(check.status).toBe(200);
  const { values } = (await check.json()) as { values: Record<string, string> };
  expect(values.fullName).toBe('Alex Bcc: x@evil.exampleevil Subject: hi');
  expect(values.fullName).not.toMatch(/[\u0085\u2028\u2029\u200B\u202E\n\r]/);
  expect(values.email).toBe('alex@example.org');

  for (const email of ['a@b', 'alex@example.org\nBcc: x@y.z', 'zoë@example.org', 'a b@example.org', 'a@@b.org']) {
    const response = await handle(
      formRequest('/api/referral', { ...REFERRAL_ANSWERS, contactMethods: ['email'], email, action: 'check' }),
    );
    expect(response.status, email).toBe(422);
    expect(((await response.json()) as { errors: Record<string, string> }).errors.email, email).toBeTruthy();
  }
});

test('sending without checking first, or with a forged token, asks the person to check again', async () => {
  const handle = pipeline.handler(referralForm);
  const before = await storedRecords();
  const noToken = await handle(formRequest('/api/referral', { ...REFERRAL_ANSWERS, action: 'send' }));
  expect(noToken.status).toBe(409);
  const body = (await noToken.json()) as { error: string; token: string };
  expect(body.error).toBe('Check your answers, then send them again.');
  expect(body.token).toBeTruthy();
  const forged = await handle(
    formRequest('/api/referral', { ...REFERRAL_ANSWERS, action: 'send', token: '1700000000000.n.h.forged' }),
  );
  expect(forged.status).toBe(409);
  expect(await storedRecords()).toEqual(before);
});

test('a filled honeypot goes through every step as a person does, then is answered like a success: nothing stored or sent', async () => {
  const handle = pipeline.handler(referralForm);
  const before = await storedRecords();
  const mailBefore = pipeline.mail.received.length;
  const references = new Set<string>();
  /** Check, wait, send, as the page does; the answers as a person's, plus the hidden box. */
  const checkThenSendTrapped = async (answers: Record<string, unknown>) => {
    const check = await handle(formRequest('/api/referral', { ...answers, action: 'check' }));
    expect(check.status).toBe(200);
    const { token } = (await check.json()) as { token: string };
    // A send with no token, or too soon, is refused as anyone's would be.
    expect((await handle(formRequest('/api/referral', { ...answers, action: 'send' }))).status).toBe(409);
    pipeline.advance(pipeline.config.minMsBeforeSend);
    return handle(formRequest('/api/referral', { ...answers, action: 'send', token }));
  };
  const { lines } = await logsOf(async () => {
    for (const website of ['http://spam.example', ['', 'http://spam.example']]) {
      const response = await checkThenSendTrapped({ ...REFERRAL_ANSWERS, website, fullName: 'Bot' });
      expect(response.status).toBe(201);
      // Shaped as a real send's answer, with a reference like any other, never the same twice.
      const answer = (await response.json()) as { reference: string; confirmationUrl: string };
      expect(Object.keys(answer).sort()).toEqual(['confirmationUrl', 'reference']);
      expect(isReference(answer.reference), answer.reference).toBe(true);
      expect(answer.confirmationUrl).toBe(
        `/forms/referral/sent/?${proven(pipeline.config.tokenSecret, 'referral', answer.reference)}`,
      );
      // Its confirmation page shows it as it would a real one's.
      const page = await createConfirmationHandler(
        referralForm,
        () => pipeline.deps,
      )(new Request(`http://localhost${answer.confirmationUrl}`));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(answer.reference);
      references.add(answer.reference);
    }
    // Nested as deep as 32 KB allows: answered as any incomplete answers are, and no stack overflow.
    const deep = `{"website":${'['.repeat(9000)}"x"${']'.repeat(9000)},"fullName":"Bot"}`;
    expect((await handle(formRequest('/api/referral', deep))).status).toBe(422);
    // Sent twice in a plain form post, the hidden field arrives as a list: still a trap.
    const asForm = await handle(
      formRequest('/api/referral', 'website=&website=http%3A%2F%2Fspam.example&fullName=Bot', { form: true }),
    );
    expect(asForm.status).toBe(422);
    await pipeline.settle();
  });
  expect(references.size).toBe(2);
  expect(references.has('RG-0000-0000')).toBe(false);
  expect(lines.filter((line) => line.outcome === 'honeypot')).toHaveLength(2);
  expect(await storedRecords()).toEqual(before);
  expect(pipeline.mail.received.length).toBe(mailBefore);
});

test('a confirmation page shows only a well-formed reference, with its proof', async () => {
  const confirm = createConfirmationHandler(referralForm, () => pipeline.deps);
  const good = await confirm(
    new Request(
      `http://localhost/refer/confirmation/?${proven(pipeline.config.tokenSecret, 'referral', 'RG-7Q2K-M9XD')}`,
    ),
  );
  expect(good.status).toBe(200);
  expect(await good.text()).toContain('RG-7Q2K-M9XD');
  for (const bad of ['', 'RG-1234', '<script>', 'RG-IIII-OOOO-X']) {
    const response = await confirm(
      new Request(`http://localhost/refer/confirmation/?reference=${encodeURIComponent(bad)}`),
    );
    expect(response.status, bad).toBe(404);
    expect(await response.text()).not.toContain('<script>');
  }
});

test('many sends at once are all stored, each under its own reference', async () => {
  const handle = pipeline.handler(referralForm);
  const checks = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      handle(formRequest('/api/referral', { ...REFERRAL_ANSWERS, fullName: `Person ${i}`, action: 'check' })),
    ),
  );
  const tokens = await Promise.all(checks.map(async (r) => ((await r.json()) as { token: string }).token));
  pipeline.advance(pipeline.config.minMsBeforeSend);
  const sends = await Promise.all(
    tokens.map((token, i) =>
      handle(formRequest('/api/referral', { ...REFERRAL_ANSWERS, fullName: `Person ${i}`, action: 'send', token })),
    ),
  );
  expect(sends.map((r) => r.status)).toEqual(Array(12).fill(201));
  const references = await Promise.all(sends.map(async (r) => ((await r.json()) as { reference: string }).reference));
  expect(new Set(references).size).toBe(12);
  for (const reference of references) expect(await storedRecords()).toContain(reference);
});

test('a stored record is sealed: its file holds no answer, and another key cannot open it', async () => {
  const { checkThenSend } = await import('../support/pipeline.ts');
  const { openRecord, RecordProblem } = await import('../../functions/records/open.ts');
  const { newKeySpec, parseKeyring } = await import('../../functions/records/seal.ts');
  const marker = `Secret Person ${Date.now()}`;
  const sent = await checkThenSend(pipeline, referralForm, { ...REFERRAL_ANSWERS, fullName: marker });
  const { reference } = (await sent.json()) as { reference: string };
  await pipeline.settle();

  const files = readdirSync(pipeline.blobsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(`${entry.parentPath}/${entry.name}`, 'utf8'));
  expect(files.some((content) => content.includes('A256GCM'))).toBe(true);
  for (const content of files) {
    expect(content).not.toContain(marker);
    expect(content).not.toContain('01632 960 001');
  }
  const text = (await pipeline.deps.outbox.store.get(reference, { type: 'text' }))!;
  // With the right key it opens; with a different key of the same name it does not.
  expect(openRecord(pipeline.deps.outbox, reference, text).values.fullName).toBe(marker);
  const otherKey = { ...pipeline.config, keyring: parseKeyring(newKeySpec('test')) };
  expect(() => openRecord({ ...pipeline.deps.outbox, config: otherKey }, reference, text)).toThrow(RecordProblem);
});
