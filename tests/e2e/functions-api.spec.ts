import { expect, test, type APIRequestContext } from '@playwright/test';

/**
 * What the form functions do with bad input: a clear 4xx with a message, never a 500,
 * never a crash. Requests go through the local Netlify emulation like a browser's would.
 */
const ENDPOINTS = ['/api/referral', '/api/volunteer-application'];
const JSON_HEADERS = { Accept: 'application/json' };

test.describe.configure({ mode: 'parallel' });

async function post(request: APIRequestContext, url: string, data: unknown, headers: Record<string, string> = {}) {
  return request.post(url, { data: data as object, headers: { ...JSON_HEADERS, ...headers } });
}

for (const endpoint of ENDPOINTS) {
  test(`${endpoint}: wrong methods get 405 with Allow`, async ({ request }) => {
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const response = await request.fetch(endpoint, { method, headers: JSON_HEADERS });
      expect(response.status(), method).toBe(405);
      expect(response.headers()['allow']).toBe('POST');
    }
  });

  test(`${endpoint}: other content types get 415`, async ({ request }) => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml']) {
      const response = await request.post(endpoint, {
        data: 'a=b',
        headers: { 'Content-Type': type, ...JSON_HEADERS },
      });
      expect(response.status(), type).toBe(415);
      expect((await response.json()).error).toMatch(/form-urlencoded|json/);
    }
  });

  test(`${endpoint}: bodies over 32 KB get 413`, async ({ request }) => {
    const huge = { fullName: 'x'.repeat(40 * 1024) };
    const response = await post(request, endpoint, huge);
    expect(response.status()).toBe(413);
    const form = await request.post(endpoint, {
      data: `fullName=${'y'.repeat(33 * 1024)}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...JSON_HEADERS },
    });
    expect(form.status()).toBe(413);
  });

  test(`${endpoint}: malformed bodies get 400 with a message`, async ({ request }) => {
    for (const body of ['{"fullName": ', 'null', '[1,2]', '"text"']) {
      const response = await request.post(endpoint, {
        data: body,
        headers: { 'Content-Type': 'application/json', ...JSON_HEADERS },
      });
      expect(response.status(), body).toBe(400);
      expect((await response.json()).error, body).toMatch(/could not be read/);
    }
    const badUtf8 = await request.post(endpoint, {
      data: Buffer.from([0x66, 0x3d, 0xff, 0xfe]),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...JSON_HEADERS },
    });
    // Netlify's local emulation re-encodes bodies before the function sees them, so this may
    // reach validation (422) rather than the UTF-8 check (400); either way a clear 4xx.
    expect([400, 422]).toContain(badUtf8.status());
  });

  test(`${endpoint}: missing fields and wrong types get 422 with a message per field`, async ({ request }) => {
    const empty = await post(request, endpoint, {});
    expect(empty.status()).toBe(422);
    const { errors } = await empty.json();
    expect(Object.keys(errors).length).toBeGreaterThan(3);
    for (const message of Object.values(errors)) expect(message).toMatch(/^(Enter|Select|Confirm|Tell)/);

    const wrongTypes = await post(request, endpoint, {
      fullName: { first: 'A' },
      email: 42,
      phone: ['01632 960 001'],
      referrerType: true,
      contactMethods: 'carrier pigeon',
      availability: [1, 2],
      over18: 'maybe',
    });
    expect(wrongTypes.status()).toBe(422);
    const body = await wrongTypes.json();
    expect(body.errors.fullName).toMatch(/full name/i);
  });

  test(`${endpoint}: requests from another site are refused`, async ({ request }) => {
    const crossSite = await post(request, endpoint, {}, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status()).toBe(403);
    const otherOrigin = await post(request, endpoint, {}, { Origin: 'https://evil.example' });
    expect(otherOrigin.status()).toBe(403);
  });
}

test('HTML, script and unicode in every field are kept as text and escaped everywhere', async ({ request }) => {
  const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  const answers = {
    referrerType: 'professional',
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
    interpreterLanguage: 'Cymraeg',
    referrerName: script,
    organisation: script,
    role: script,
    referrerPhone: '01632 960 004',
    referrerEmail: 'worker@example.org',
    consentConfirmed: 'yes',
    knownRisks: script,
  };
  const check = await post(request, '/api/referral', { ...answers, action: 'check' });
  expect(check.status()).toBe(200);
  const { values } = await check.json();
  expect(values.fullName).toBe(answers.fullName);

  // The no-JavaScript check-answers page shows the script as text, never as markup.
  const page = await request.post('/api/referral', {
    form: { ...answers, contactMethods: 'phone', action: 'check' },
    headers: { Accept: 'text/html' },
  });
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).not.toContain('<script>alert');
  expect(html).not.toContain('<img src=x');
  expect(html).toContain('&lt;script&gt;alert');
  expect(html).toContain('名前 🙂');
});

test('a confirmation page shows only a well-formed reference', async ({ request }) => {
  const good = await request.get('/refer/confirmation/?reference=RG-7Q2K-M9XD');
  expect(good.status()).toBe(200);
  expect(await good.text()).toContain('RG-7Q2K-M9XD');
  for (const bad of ['', 'RG-1234', '<script>', 'RG-IIII-OOOO-X']) {
    const response = await request.get(`/refer/confirmation/?reference=${encodeURIComponent(bad)}`);
    expect(response.status(), bad).toBe(404);
    expect(await response.text()).not.toContain('<script>');
  }
});

test('sending without checking first, or with a forged token, asks the person to check again', async ({ request }) => {
  const answers = {
    referrerType: 'harmed',
    fullName: 'No Token',
    contactMethods: ['phone'],
    phone: '01632 960 005',
    leaveMessage: 'no',
    setting: 'crime',
  };
  const noToken = await post(request, '/api/referral', { ...answers, action: 'send' });
  expect(noToken.status()).toBe(409);
  expect((await noToken.json()).error).toBe('Check your answers, then send them again.');
  const forged = await post(request, '/api/referral', { ...answers, action: 'send', token: '1700000000.forged' });
  expect(forged.status()).toBe(409);
});

test('a filled honeypot is answered like a success but nothing is stored', async ({ request }) => {
  const response = await post(request, '/api/referral', { website: 'http://spam.example', fullName: 'Bot' });
  expect(response.status()).toBe(201);
  expect((await response.json()).reference).toBe('RG-0000-0000');
});

test('the local server answers concurrent form posts without an error', async ({ request }) => {
  test.setTimeout(120_000);
  const responses = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      post(request, i % 2 ? '/api/referral' : '/api/volunteer-application', { fullName: `Concurrent ${i}` }),
    ),
  );
  expect(responses.map((r) => r.status())).toEqual(Array(6).fill(422));
});
