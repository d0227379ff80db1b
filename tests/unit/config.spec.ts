import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { config as healthConfig } from '../../functions/health.mts';
import { config as formsConfig } from '../../functions/forms.mts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { loadConfig, settingsProblems } from '../../functions/settings/config.ts';
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
