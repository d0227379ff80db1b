import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/browser.ts';

const PORT = Number(process.env.TEST_PORT ?? 4411);
export const TEST_SMTP_PORT = Number(process.env.TEST_SMTP_PORT ?? 4425);
export const TEST_DATA_DIR = path.resolve(import.meta.dirname, '.data', 'test-run');
export const CMS_REPO_DIR = path.join(TEST_DATA_DIR, 'cms-repo');

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 90_000,
  // The local Netlify emulation rebuilds a function on every call (one to five seconds here).
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'unit', testDir: './tests/unit' },
    { name: 'site', testDir: './tests/e2e' },
  ],
  webServer: {
    // The production build, served by Netlify's emulation exactly as `npm start` serves it.
    // Its output goes to a file so tests can prove no submitted value is ever logged.
    // Each run starts with an empty data folder: its own Blobs store, key and log.
    // The CMS's local backend writes to a copy of content/, never to the repository itself.
    command: [
      `rm -rf "${TEST_DATA_DIR}"`,
      `mkdir -p "${CMS_REPO_DIR}"`,
      `cp -r content public "${CMS_REPO_DIR}/"`,
      `node scripts/start.ts --no-build > "${TEST_DATA_DIR}/server.log" 2>&1`,
    ].join(' && '),
    url: `http://localhost:${PORT}/`,
    env: {
      PORT: String(PORT),
      DATA_DIR: TEST_DATA_DIR,
      // A real SMTP server on loopback, started and stopped by the tests that need it.
      SMTP_URL: `smtp://127.0.0.1:${TEST_SMTP_PORT}`,
      CMS_REPO_DIR,
      RETRY_INTERVAL_SECONDS: '1',
      RETRY_BASE_SECONDS: '1',
      MAIL_FROM: 'Website <website@test.invalid>',
      REFERRAL_INBOX: 'referrals@test.invalid',
      VOLUNTEER_INBOX: 'volunteers@test.invalid',
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
