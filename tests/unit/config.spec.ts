import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { config as healthConfig } from '../../functions/health.mts';
import { config as formsConfig } from '../../functions/forms.mts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { env, inboxFor, loadConfig, settingsProblems } from '../../functions/settings/config.ts';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { USED_TOKEN_KEEP_MS } from '../../functions/intake/used-tokens.ts';
import { MAX_TOKEN_AGE_MS } from '../../src/forms/timing.ts';
import { loadFunctions } from '../../scripts/lib/functions-runtime.ts';
import { BASE_SECURITY_HEADERS, headersFile } from '../../src/lib/security-headers.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

test('the forms function is configured for every address a form has, old and new', async () => {
  const functions = await loadFunctions(path.join(ROOT, 'functions'));
  for (const form of Object.values(SERVER_FORMS)) {
    for (const address of [form, form.formerAddresses]) {
      if (!address) continue;
      expect(functions.match(address.endpoint, 'POST')?.name, address.endpoint).toBe('forms');
      expect(functions.match(address.confirmationPath, 'GET')?.name, address.confirmationPath).toBe('forms');
    }
  }
  expect(formsConfig.rateLimit?.aggregateBy).toEqual(['ip', 'domain']);
  expect(healthConfig.rateLimit?.aggregateBy).toEqual(['ip', 'domain']);
});

test('the local server finds every function at the paths Netlify would, with or without a slash', async () => {
  const functions = await loadFunctions(path.join(ROOT, 'functions'));
  expect(functions.match('/api/referral', 'POST')?.name).toBe('forms');
  expect(functions.match('/refer/confirmation/', 'GET')?.name).toBe('forms');
  expect(functions.match('/volunteer/apply/confirmation', 'GET')?.name).toBe('forms');
  expect(functions.match('/api/health', 'GET')?.name).toBe('health');
  expect(functions.match('/api/cms-auth/callback', 'GET')?.name).toBe('cms-auth');
  expect(functions.match('/refer/', 'GET')).toBeUndefined();
  // Forms at the shared addresses, by pattern.
  expect(functions.match('/api/forms/booking-enquiry', 'POST')?.name).toBe('forms');
  expect(functions.match('/forms/booking-enquiry/sent/', 'GET')?.name).toBe('forms');
  expect(functions.match('/api/forms/', 'POST')).toBeUndefined();
});

test('security headers are defined once: netlify.toml sets none, the build writes them all', () => {
  const toml = readFileSync(path.join(ROOT, 'netlify.toml'), 'utf8');
  expect(toml).not.toMatch(/\[\[headers\]\]/);
  const file = headersFile([
    { name: 'index.html', isDirectory: false },
    { name: 'refer', isDirectory: true },
  ]);
  const everyPath = file.split('\n\n').find((rule) => rule.startsWith('/*\n'))!;
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) expect(everyPath).toContain(`${name}: ${value}`);
  expect(file).toMatch(/\/admin\/\*\n {2}Content-Security-Policy: [^\n]*frame-ancestors 'none'/);
  expect(file).not.toContain('localhost:8081');
});

test('settings come from the environment, with safe defaults only for local use', () => {
  const saved = { ...process.env };
  try {
    process.env.SUBMISSION_KEYS = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    process.env.MIN_MS_BEFORE_SEND = '0';
    process.env.RETENTION_DAYS = '10';
    process.env.HEALTH_TOKEN = 'monitor';
    const config = loadConfig('production');
    expect(config.isLocal).toBe(false);
    expect(config.minMsBeforeSend).toBe(0);
    expect(config.retentionDays).toBe(10);
    expect(config.undeliveredMaxDays).toBe(14);
    expect(config.healthToken).toBe('monitor');
    expect(config.storeName).toBe('submissions-production');
    delete process.env.MIN_MS_BEFORE_SEND;
    expect(loadConfig('production').minMsBeforeSend).toBe(2000);
    delete process.env.SUBMISSION_KEYS;
    expect(() => loadConfig('production')).toThrow(/SUBMISSION_KEYS/);
  } finally {
    process.env = saved;
  }
});

test('settings that cannot work together stop the pipeline at start, saying which', () => {
  const good = { minMsBeforeSend: 2000, maxAttempts: 8 };
  expect(settingsProblems(good)).toEqual([]);
  // The real lifetimes: used-token markers outlive the tokens they guard.
  expect(USED_TOKEN_KEEP_MS).toBeGreaterThan(MAX_TOKEN_AGE_MS);
  expect(USED_TOKEN_KEEP_MS).toBe(2 * MAX_TOKEN_AGE_MS);
  expect(MAX_TOKEN_AGE_MS).toBe(24 * 3600_000);
  expect(settingsProblems(good, { usedTokenMs: MAX_TOKEN_AGE_MS, tokenMs: MAX_TOKEN_AGE_MS })).toEqual([
    expect.stringMatching(/markers must outlive tokens/),
  ]);
  expect(settingsProblems({ ...good, minMsBeforeSend: MAX_TOKEN_AGE_MS })).toEqual([
    expect.stringMatching(/MIN_MS_BEFORE_SEND/),
  ]);
  expect(settingsProblems({ ...good, maxAttempts: 0.5 })).toEqual([expect.stringMatching(/MAX_DELIVERY_ATTEMPTS/)]);
  const saved = { ...process.env };
  try {
    process.env.SUBMISSION_KEYS = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    process.env.MIN_MS_BEFORE_SEND = String(2 * MAX_TOKEN_AGE_MS);
    expect(() => loadConfig('production')).toThrow(/Inconsistent settings: MIN_MS_BEFORE_SEND/);
  } finally {
    process.env = saved;
  }
});

test('settings at their edges: the boundaries themselves are good, one step past them is not', () => {
  const lifetimes = { usedTokenMs: 1001, tokenMs: 1000 };
  expect(settingsProblems({ minMsBeforeSend: 999, maxAttempts: 1 }, lifetimes)).toEqual([]);
  expect(settingsProblems({ minMsBeforeSend: 1000, maxAttempts: 1 }, lifetimes)).toHaveLength(1);
  expect(settingsProblems({ minMsBeforeSend: 0, maxAttempts: 0 }, lifetimes)).toEqual([
    'MAX_DELIVERY_ATTEMPTS must be a whole number of at least 1',
  ]);
  expect(settingsProblems({ minMsBeforeSend: 0, maxAttempts: 1 }, { usedTokenMs: 999, tokenMs: 1000 })).toEqual([
    'used-token markers must outlive tokens, or a token could be sent twice',
  ]);
  // All at once: each is named, in one message.
  expect(settingsProblems({ minMsBeforeSend: 5000, maxAttempts: 2.5 }, { usedTokenMs: 10, tokenMs: 1000 })).toEqual([
    'used-token markers must outlive tokens, or a token could be sent twice',
    'MIN_MS_BEFORE_SEND must be shorter than a token lives, or nothing could ever be sent',
    'MAX_DELIVERY_ATTEMPTS must be a whole number of at least 1',
  ]);
});

test('a setting left empty counts as not set, and Netlify’s own environment comes first', () => {
  const saved = { ...process.env };
  const global = globalThis as { Netlify?: unknown };
  try {
    process.env.RG_EXAMPLE = '';
    expect(env('RG_EXAMPLE')).toBeUndefined();
    process.env.RG_EXAMPLE = 'from-process';
    expect(env('RG_EXAMPLE')).toBe('from-process');
    global.Netlify = { env: { get: (name: string) => (name === 'RG_EXAMPLE' ? 'from-netlify' : undefined) } };
    expect(env('RG_EXAMPLE')).toBe('from-netlify');
    expect(env('RG_OTHER')).toBeUndefined();
    process.env.RG_OTHER = 'other';
    expect(env('RG_OTHER')).toBe('other');
  } finally {
    delete global.Netlify;
    process.env = saved;
  }
});

test('a form’s inbox: its own setting, else the environment variable it names, else the referral inbox', () => {
  const saved = { ...process.env };
  try {
    const config = { referralInbox: 'referrals@test.invalid', inboxes: { OWN_INBOX: 'own@test.invalid' } };
    expect(inboxFor(config, { inbox: 'OWN_INBOX' })).toBe('own@test.invalid');
    delete process.env.NAMED_INBOX;
    expect(inboxFor(config, { inbox: 'NAMED_INBOX' })).toBe('referrals@test.invalid');
    process.env.NAMED_INBOX = 'named@test.invalid';
    expect(inboxFor(config, { inbox: 'NAMED_INBOX' })).toBe('named@test.invalid');
    process.env.OWN_INBOX = 'env@test.invalid';
    expect(inboxFor(config, { inbox: 'OWN_INBOX' })).toBe('own@test.invalid');
  } finally {
    process.env = saved;
  }
});

test('locally, a key is made once under the data folder, readable by its owner only, and kept', () => {
  const saved = { ...process.env };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rg-config-'));
  try {
    delete process.env.SUBMISSION_KEYS;
    delete process.env.FORM_TOKEN_SECRET;
    process.env.DATA_DIR = path.join(dataDir, 'not-yet', 'made');
    const first = loadConfig('dev');
    expect(first.isLocal).toBe(true);
    expect(first.dataDir).toBe(path.join(dataDir, 'not-yet', 'made'));
    expect(first.mailDir).toBe(path.join(dataDir, 'not-yet', 'made', 'mail'));
    expect(statSync(path.join(dataDir, 'not-yet', 'made', 'submission-key')).mode & 0o777).toBe(0o600);
    const second = loadConfig('dev');
    expect(second.keyring.currentId).toBe(first.keyring.currentId);
    expect(second.tokenSecret.equals(first.tokenSecret)).toBe(true);
    expect(second.storeName).toBe('submissions-dev');
    // The token secret is its own setting when given; otherwise it is derived from the key.
    process.env.FORM_TOKEN_SECRET = 'a separate secret';
    expect(loadConfig('dev').tokenSecret.toString()).toBe('a separate secret');
  } finally {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('store names are made safe from any deploy context; the site address comes from URL, else SITE_URL', () => {
  const saved = { ...process.env };
  try {
    process.env.SUBMISSION_KEYS = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    delete process.env.URL;
    process.env.SITE_URL = 'https://site-url.example/path';
    process.env.RETENTION_DAYS = '0';
    process.env.MIN_MS_BEFORE_SEND = '-1';
    process.env.MAX_DELIVERY_ATTEMPTS = '1';
    process.env.SMTP_URL = 'smtps://mail.example.org';
    process.env.MAIL_FROM = 'Us <us@example.org>';
    process.env.VOLUNTEER_INBOX = 'volunteers@example.org';
    const config = loadConfig('branch/feature_1');
    expect(config.storeName).toBe('submissions-branch-feature-1');
    expect(config.markersStoreName).toBe('submissions-branch-feature-1-markers');
    expect(config.siteOrigins).toEqual(['https://site-url.example']);
    expect(config.retentionDays).toBe(30);
    expect(config.minMsBeforeSend).toBe(2000);
    expect(config.maxAttempts).toBe(1);
    expect(config.smtpUrl).toBe('smtps://mail.example.org');
    expect(config.mailFrom).toBe('Us <us@example.org>');
    expect(config.inboxes).toEqual({ REFERRAL_INBOX: config.referralInbox, VOLUNTEER_INBOX: 'volunteers@example.org' });
    process.env.URL = 'https://url.example';
    expect(loadConfig('production').siteOrigins).toEqual(['https://url.example']);
  } finally {
    process.env = saved;
  }
});

test('every setting read from its own name; a key file with a line end still reads; problems listed with semicolons', () => {
  const saved = { ...process.env };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rg-config-'));
  try {
    process.env.SUBMISSION_KEYS = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    process.env.REFERRAL_INBOX = 'referrals@example.org';
    process.env.UNDELIVERED_MAX_DAYS = '5';
    process.env.SITE_CONFIRMATIONS_PER_HOUR = '7';
    process.env.CONTEXT = 'branch-deploy';
    delete process.env.FORM_TOKEN_SECRET;
    const config = loadConfig();
    expect(config.deployContext).toBe('branch-deploy');
    expect(config.referralInbox).toBe('referrals@example.org');
    expect(config.alertInbox).toBe('referrals@example.org');
    expect(config.undeliveredMaxDays).toBe(5);
    expect(config.siteConfirmationsPerHour).toBe(7);
    // Derived from the key, marked as a token secret so it is never the key itself.
    expect(config.tokenSecret.toString()).toBe(`token:${Buffer.alloc(32, 1).toString('base64')}`);
    delete process.env.CONTEXT;
    expect(loadConfig().deployContext).toBe('dev');

    // A key file written by hand, with a line end, is read as the key.
    delete process.env.SUBMISSION_KEYS;
    process.env.DATA_DIR = dataDir;
    writeFileSync(path.join(dataDir, 'submission-key'), `k7:${Buffer.alloc(32, 7).toString('base64')}\n`);
    expect(loadConfig('dev').keyring.currentId).toBe('k7');
    delete process.env.DATA_DIR;
    process.env.SUBMISSION_KEYS = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    expect(loadConfig('production').dataDir).toBe(path.resolve(process.cwd(), '.data'));
  } finally {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('two problems at once are both named in the one message that stops the pipeline', () => {
  const saved = { ...process.env };
  try {
    process.env.SUBMISSION_KEYS = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    process.env.MIN_MS_BEFORE_SEND = String(10 * MAX_TOKEN_AGE_MS);
    process.env.MAX_DELIVERY_ATTEMPTS = '2.5';
    expect(() => loadConfig('production')).toThrow(
      'Inconsistent settings: MIN_MS_BEFORE_SEND must be shorter than a token lives, or nothing could ever be sent; MAX_DELIVERY_ATTEMPTS must be a whole number of at least 1',
    );
  } finally {
    process.env = saved;
  }
});
