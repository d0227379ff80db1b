import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/browser.ts';

const PORT = Number(process.env.TEST_PORT ?? 4411);

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 60_000,
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
    command: `node scripts/start.ts --no-build`,
    url: `http://localhost:${PORT}/`,
    env: { PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
