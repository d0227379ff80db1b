import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadFunctions, type FunctionsRuntime } from '../../scripts/lib/functions-runtime.ts';
import { startLocalBlobs, type LocalBlobs } from '../../scripts/lib/local-blobs.ts';
import { clientAddress, createRateLimiter } from '../../scripts/lib/rate-limit.ts';
import { quietly } from '../support/logs.ts';
import { postedLanguage, tooMany } from '../../functions/intake/too-many.ts';
import { FORMS } from '../../src/forms/registry.ts';
import { ENGLISH_UI, fill, keepLtr } from '../../src/forms/ui.ts';
import { contactFacts } from '../../functions/settings/config.ts';
import { parse, textOf } from '../support/dom.ts';

/**
 * The local runtime applies each function's own exported `config.rateLimit`, as Netlify does:
 * no second copy of the numbers. Over the forms' limit a post is rewritten to a calm page.
 */
let runtime: FunctionsRuntime;
let blobs: LocalBlobs;
let dir: string;
const saved = { ...process.env };
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rg-rate-'));
  process.env.DATA_DIR = dir;
  blobs = await startLocalBlobs(dir);
  runtime = await loadFunctions(path.resolve('functions'));
});
afterAll(async () => {
  process.env = saved;
  await blobs.stop();
  rmSync(dir, { recursive: true, force: true });
});

const post = (form: boolean) =>
  new Request('http://localhost:4321/api/forms/feedback', {
    method: 'POST',
    headers: form
      ? { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' }
      : { 'content-type': 'application/json', accept: 'application/json', 'sec-fetch-site': 'same-origin' },
    body: form ? 'action=check' : '{"action":"check"}',
  });

test('the forms function’s own limit: 20 a minute from one address, then a calm page with the phone number', async () => {
  const { config } = (await import('../../functions/forms.mts')) as { config: { rateLimit: { windowLimit: number } } };
  const fn = runtime.match('/api/forms/feedback', 'POST')!;
  const statuses = await quietly(async () => {
    const seen: number[] = [];
    for (let i = 0; i < config.rateLimit.windowLimit; i++)
      seen.push((await runtime.invoke(fn, post(i % 2 === 0), '10.0.0.1')).status);
    return seen;
  });
  expect(statuses).toEqual(Array(20).fill(422));
  const page = await runtime.invoke(fn, post(true), '10.0.0.1');
  expect(page.status).toBe(429);
  expect(page.headers.get('retry-after')).toBe('60');
  const text = await page.text();
  expect(text).toContain('<title>Not sent: please wait a minute');
  expect(text).toMatch(/nothing was saved.*phone us on 0/);
  const asJson = await runtime.invoke(fn, post(false), '10.0.0.1');
  expect(asJson.status).toBe(429);
  expect(((await asJson.json()) as { error: string }).error).toMatch(/Wait a minute/);
  expect(asJson.headers.get('retry-after')).toBe('60');
  // A confirmation page opened over the limit says to wait, never that anything was lost.
  const sentPage = runtime.match('/forms/referral/sent/', 'GET')!;
  const opened = await runtime.invoke(
    sentPage,
    new Request('http://localhost:4321/forms/referral/sent/?reference=RG-7Q2K-M9XD'),
    '10.0.0.1',
  );
  expect(opened.status).toBe(429);
  const openedText = await opened.text();
  expect(openedText).toContain('<title>Please wait a minute');
  expect(openedText).toMatch(/reload this page.*has not been lost/);
  expect(openedText).not.toMatch(/not sent|nothing was saved/i);
  // Another address is another client.
  expect((await quietly(() => runtime.invoke(fn, post(false), '10.0.0.2'))).status).toBe(422);
});

test('over the limit, a page looked at (GET or HEAD) is told to wait; a script asking for JSON gets JSON', async () => {
  for (const method of ['GET', 'HEAD']) {
    const page = await tooMany(new Request('http://localhost:4321/forms/referral/sent/', { method }));
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toBe('60');
    const text = await page.text();
    expect(text).toContain('<h1>Please wait a minute</h1>');
    expect(textOf(parse(text).querySelector('main a[href="/"]'))).toBe('Go to the home page');
  }
  // A post with no content type at all, from a script that wants JSON back.
  const bare = await tooMany(
    new Request('http://localhost:4321/api/forms/feedback', {
      method: 'POST',
      headers: { accept: 'application/json' },
    }),
  );
  expect(((await bare.json()) as { error: string }).error).toMatch(/this one was not sent and nothing was saved/);
});

test('over the limit, a post is answered in the language it names, looked for only in a small post', async () => {
  const arabic = FORMS['call-back-ar']!.ui!;
  const overLimit = (body: string, headers: Record<string, string> = {}) =>
    new Request('http://localhost:4321/api/forms/too-many-requests', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
  // A form post in Arabic: the page is in Arabic, in the Arabic shell, with its way back.
  const page = parse(await (await tooMany(overLimit('name=x&form-lang=ar'))).text());
  expect(textOf(page.querySelector('h1'))).toBe(arabic.overLimitTitle);
  const back = page.querySelector(`main a[href="${arabic.homePath}"]`);
  expect(textOf(back)).toBe(arabic.homeLink);
  // From a script, in JSON: the message in the language too.
  const fromScript = await tooMany(
    new Request('http://localhost:4321/api/forms/too-many-requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ action: 'check', 'form-lang': 'ar' }),
    }),
  );
  // The phone number keeps its left-to-right order inside the Arabic sentence.
  expect(await fromScript.json()).toEqual({
    error: fill(arabic.overLimit, { phone: keepLtr(contactFacts.phone, arabic) }),
  });
  expect(keepLtr('01452 754542', arabic)).toBe('\u206601452 754542\u2069');
  expect(keepLtr('01452 754542', ENGLISH_UI)).toBe('01452 754542');

  // Exactly the most it reads is still read; a byte more, declared or sent, is answered in English.
  const most = 64 * 1024;
  const padded = (length: number) => {
    const start = 'form-lang=ar&pad=';
    return start + 'a'.repeat(length - start.length);
  };
  expect((await postedLanguage(overLimit(padded(most)))).lang).toBe('ar');
  expect(await postedLanguage(overLimit(padded(most + 1)))).toBe(ENGLISH_UI);
  expect((await postedLanguage(overLimit('form-lang=ar', { 'content-length': String(most) }))).lang).toBe('ar');
  expect(await postedLanguage(overLimit('form-lang=ar', { 'content-length': String(most + 1) }))).toBe(ENGLISH_UI);
  // Unreadable, unknown or absent: English.
  expect(await postedLanguage(overLimit('{"form-lang":', { 'content-type': 'application/json' }))).toBe(ENGLISH_UI);
  expect(await postedLanguage(overLimit('form-lang=xx'))).toBe(ENGLISH_UI);
  expect(await postedLanguage(new Request('http://localhost/', { method: 'POST' }))).toBe(ENGLISH_UI);
});

test('a sliding window per key; a client’s own address is trusted only from this machine', () => {
  let now = 0;
  const limiter = createRateLimiter(() => now);
  const limit = { windowLimit: 2, windowSize: 60 };
  expect([limiter.allow('a', limit), limiter.allow('a', limit), limiter.allow('a', limit)]).toEqual([
    true,
    true,
    false,
  ]);
  expect(limiter.allow('b', limit)).toBe(true);
  now = 59_999;
  expect(limiter.allow('a', limit)).toBe(false);
  now = 60_000;
  expect(limiter.allow('a', limit)).toBe(true);
  expect(clientAddress('127.0.0.1', '10.1.2.3')).toBe('10.1.2.3');
  expect(clientAddress('::1', '2001:db8::1')).toBe('2001:db8::1');
  expect(clientAddress('::ffff:127.0.0.1', ' 10.9.9.9 ')).toBe('10.9.9.9');
  expect(clientAddress('203.0.113.5', '10.1.2.3')).toBe('203.0.113.5');
  expect(clientAddress('127.0.0.1', 'not an address')).toBe('127.0.0.1');
  expect(clientAddress('127.0.0.1', ['10.1.1.1', '10.2.2.2'])).toBe('127.0.0.1');
  expect(clientAddress(undefined, undefined)).toBe('');
});
