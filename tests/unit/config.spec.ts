import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { config as referralConfig } from '../../functions/referral.mts';
import { config as volunteerConfig } from '../../functions/volunteer-application.mts';
import { config as sweepConfig } from '../../functions/deliver-outbox.mts';
import { referralForm } from '../../src/forms/referral.ts';
import { volunteerApplicationForm } from '../../src/forms/volunteer-application.ts';
import { BASE_SECURITY_HEADERS } from '../../src/lib/security-headers.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

test('netlify.toml sets the same security headers as the functions do', () => {
  const toml = readFileSync(path.join(ROOT, 'netlify.toml'), 'utf8');
  const block = toml.split('[[headers]]').find((part) => part.includes('for = "/*"'))!;
  const values = Object.fromEntries(
    [...block.matchAll(/^\s+([\w-]+) = "([^"]*)"$/gm)].filter((m) => m[1] !== 'for').map((m) => [m[1], m[2]]),
  );
  expect(values).toEqual(BASE_SECURITY_HEADERS);
});

test('each function serves the paths its form posts to and redirects to', () => {
  const pairs = [
    [referralConfig, referralForm],
    [volunteerConfig, volunteerApplicationForm],
  ] as const;
  for (const [config, form] of pairs) {
    expect(config.path).toEqual([form.endpoint, form.confirmationPath.replace(/\/$/, '')]);
    expect(config.rateLimit?.aggregateBy).toEqual(['ip', 'domain']);
  }
  expect(sweepConfig.schedule).toBe('*/5 * * * *');
});
