import { expect, test } from 'vitest';
import { isFilled } from '../../functions/intake/guard.ts';
import {
  html,
  isCrossSite,
  json,
  MAX_BODY_BYTES,
  readBody,
  redirect,
  RequestProblem,
  wantsJson,
} from '../../functions/intake/http.ts';
import { SITE_CSP } from '../../src/lib/security-headers.ts';

/**
 * Reading a form post and answering it: whatever arrives, a clear 4xx with words a person or
 * a developer can act on, and every answer with the same protective headers.
 */
const post = (body: BodyInit | null, type: string, headers: Record<string, string> = {}) =>
  new Request('https://site.example/api/forms/x', {
    method: 'POST',
    body,
    headers: { 'Content-Type': type, ...headers },
  });

async function problemOf(request: Request): Promise<[number, string]> {
  try {
    await readBody(request);
  } catch (error) {
    if (error instanceof RequestProblem) return [error.status, error.message];
    throw error;
  }
  throw new Error('no problem');
}

test('form data and JSON are read; the content type is matched whatever its case or parameters', async () => {
  expect(await readBody(post('a=1&b=2', 'Application/X-WWW-Form-URLencoded; charset=UTF-8'))).toEqual({
    body: { a: '1', b: '2' },
    isJson: false,
  });
  expect(await readBody(post('{"a":["x"]}', ' application/json ; charset=utf-8'))).toEqual({
    body: { a: ['x'] },
    isJson: true,
  });
  // A name sent more than once becomes a list, in order.
  expect((await readBody(post('a=1&a=2&a=3&b=', 'application/x-www-form-urlencoded'))).body).toEqual({
    a: ['1', '2', '3'],
    b: '',
  });
  expect((await readBody(post(null, 'application/x-www-form-urlencoded'))).body).toEqual({});
});

test('anything else is a 415, 413 or 400 that says what to send', async () => {
  expect(await problemOf(post('a=1', 'text/plain'))).toEqual([
    415,
    'Send the form as application/x-www-form-urlencoded or application/json',
  ]);
  expect(await problemOf(new Request('https://site.example/', { method: 'POST', body: 'a=1' }))).toEqual([
    415,
    'Send the form as application/x-www-form-urlencoded or application/json',
  ]);
  expect(await problemOf(post('{', 'application/json'))).toEqual([
    400,
    'The form could not be read: the JSON is not valid',
  ]);
  for (const body of ['[]', 'null', '"text"', '3'])
    expect(await problemOf(post(body, 'application/json')), body).toEqual([
      400,
      'The form could not be read: send a JSON object of answers',
    ]);
  expect(await problemOf(post(new Uint8Array([0x61, 0x3d, 0xff]), 'application/x-www-form-urlencoded'))).toEqual([
    400,
    'The form could not be read: it is not valid UTF-8 text',
  ]);
});

test('a body may be as large as the limit and no larger, whatever length it declares', async () => {
  const fits = `a=${'x'.repeat(MAX_BODY_BYTES - 2)}`;
  expect((await readBody(post(fits, 'application/x-www-form-urlencoded'))).body.a).toHaveLength(MAX_BODY_BYTES - 2);
  const tooMuch = `${fits}x`;
  expect(await problemOf(post(tooMuch, 'application/x-www-form-urlencoded'))).toEqual([
    413,
    'The form is too large to send',
  ]);
  // Declared exactly the limit: read.
  expect(
    (await readBody(post(fits, 'application/x-www-form-urlencoded', { 'Content-Length': String(MAX_BODY_BYTES) }))).body
      .a,
  ).toHaveLength(MAX_BODY_BYTES - 2);
  // Declared too large: refused before reading.
  expect(
    await problemOf(post('a=1', 'application/x-www-form-urlencoded', { 'Content-Length': String(MAX_BODY_BYTES + 1) })),
  ).toEqual([413, 'The form is too large to send']);
  // Declared small, sent large: the bytes count, not the header.
  const stream = new ReadableStream({
    start(controller) {
      for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(MAX_BODY_BYTES / 4)));
      controller.close();
    },
  });
  const lying = new Request('https://site.example/', {
    method: 'POST',
    body: stream,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': '10' },
    duplex: 'half',
  } as RequestInit);
  expect(await problemOf(lying)).toEqual([413, 'The form is too large to send']);
});

test('JSON is answered to a script, pages to a browser', () => {
  const asking = (accept?: string) =>
    new Request('https://site.example/', { headers: accept === undefined ? {} : { Accept: accept } });
  expect(wantsJson(asking('application/json'), false)).toBe(true);
  expect(wantsJson(asking('text/html,application/xhtml+xml'), false)).toBe(false);
  expect(wantsJson(asking(), false)).toBe(false);
  expect(wantsJson(asking(), true)).toBe(true);
  expect(wantsJson(asking('*/*'), true)).toBe(true);
  expect(wantsJson(asking('text/html'), true)).toBe(false);
  expect(wantsJson(asking('text/html, application/json'), false)).toBe(true);
});

test('a post from another site is refused; this site, its own address and a browser that cannot say are not', () => {
  const from = (headers: Record<string, string>) => new Request('https://site.example/api/forms/x', { headers });
  expect(isCrossSite(from({ 'Sec-Fetch-Site': 'same-origin' }), [])).toBe(false);
  expect(isCrossSite(from({ 'Sec-Fetch-Site': 'none' }), [])).toBe(false);
  expect(isCrossSite(from({ 'Sec-Fetch-Site': 'same-site' }), [])).toBe(true);
  expect(isCrossSite(from({ 'Sec-Fetch-Site': 'cross-site', Origin: 'https://site.example' }), [])).toBe(true);
  expect(isCrossSite(from({}), [])).toBe(false);
  expect(isCrossSite(from({ Origin: 'null' }), [])).toBe(false);
  expect(isCrossSite(from({ Origin: 'https://site.example' }), [])).toBe(false);
  expect(isCrossSite(from({ Origin: 'https://evil.example' }), [])).toBe(true);
  // With no Host header there is no host to add: an origin of "null" as a host is still another site.
  expect(isCrossSite(from({ Origin: 'http://null' }), [])).toBe(true);
  expect(isCrossSite(from({ Origin: 'https://www.site.example' }), ['https://www.site.example'])).toBe(false);
  // Behind a proxy the request's own URL is the proxy's: the Host the browser used counts.
  const proxied = (headers: Record<string, string>) => new Request('http://127.0.0.1:9999/api/forms/x', { headers });
  expect(isCrossSite(proxied({ Origin: 'https://site.example', Host: 'site.example' }), [])).toBe(false);
  expect(isCrossSite(proxied({ Origin: 'http://site.example', Host: 'site.example' }), [])).toBe(false);
  expect(
    isCrossSite(
      proxied({ Origin: 'https://site.example', Host: '127.0.0.1:9999', 'X-Forwarded-Host': 'site.example' }),
      [],
    ),
  ).toBe(false);
  expect(isCrossSite(proxied({ Origin: 'https://evil.example', Host: 'site.example' }), [])).toBe(true);
});

test('every answer carries the site’s policy and is never cached', async () => {
  for (const response of [json(422, { a: 1 }), html(200, '<p>x</p>'), redirect('/next/')]) {
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBe(SITE_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  }
  const data = json(422, { a: 1 }, { Allow: 'POST' });
  expect([data.status, data.headers.get('content-type'), data.headers.get('allow')]).toEqual([
    422,
    'application/json; charset=utf-8',
    'POST',
  ]);
  expect(await data.json()).toEqual({ a: 1 });
  const page = html(403, '<p>x</p>');
  expect([page.status, page.headers.get('content-type'), await page.text()]).toEqual([
    403,
    'text/html; charset=utf-8',
    '<p>x</p>',
  ]);
  const moved = redirect('/next/');
  expect([moved.status, moved.headers.get('location')]).toEqual([303, '/next/']);
});

test('the trap is filled by anything but blanks, in whatever shape it arrives', () => {
  for (const blank of [undefined, null, false, '', '   ', [], ['', ' '], [null, undefined, false]])
    expect(isFilled(blank), JSON.stringify(blank)).toBe(false);
  for (const filled of ['x', ' x ', 0, true, {}, ['', 'x'], [['']], [0]])
    expect(isFilled(filled), JSON.stringify(filled)).toBe(true);
});
