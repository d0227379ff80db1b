import { defineConfig } from '@playwright/test';

/**
 * Unit and in-process tests: pure helpers, the form functions called as functions against a
 * real local Blobs store and a real SMTP server on loopback, the CMS backend's guard. No
 * build, no browser, no web server: `npm run test:unit` runs them in seconds.
 */
export default defineConfig({
  testDir: './tests/unit',
  // Apart from the browser suite's folder, which Playwright empties at the start of each run.
  outputDir: './test-results-unit',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 20_000,
  expect: { timeout: 5_000 },
});
