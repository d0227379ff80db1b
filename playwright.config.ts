import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/browser.ts';
import { freePort } from './tests/support/ports.ts';
import { testPaths } from './tests/support/test-paths.ts';

/**
 * The browser suite: the production build in dist/, served as `npm start` serves it, in
 * Debian's Chromium. The unit and in-process tests have their own config
 * (vitest.config.ts) and need neither a build nor a server.
 *
 * Each run picks a free port and its own data folder. This file is loaded again in every
 * worker; the first load puts its choices in the environment, which the workers inherit.
 */
process.env.TEST_PORT ??= String(await freePort());
process.env.TEST_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'rg-test-run-'));
const PORT = Number(process.env.TEST_PORT);
export const TEST_RUN = testPaths(process.env.TEST_DATA_DIR);

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    // A real SMTP server on loopback, the site on NetlifyDev with the functions in-process,
    // a fresh Blobs store and key, and a copy of content/ for the CMS to write to.
    command: `node tests/support/test-server.ts`,
    url: `http://localhost:${PORT}/`,
    env: { PORT: String(PORT), TEST_DATA_DIR: process.env.TEST_DATA_DIR },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
