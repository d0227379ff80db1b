/// <reference types="vitest/config" />
/**
 * Unit and in-process tests under Vitest, with the site's own Vite settings (Astro's
 * getViteConfig), so the modules load exactly as the build loads them. Only tests/unit: what
 * builds or serves the whole site stays with the browser suite (Playwright) and out of the
 * mutation run, which reruns these tests for every mutant it makes.
 */
import { getViteConfig } from 'astro/config';
import { PINNED_BUILD_DATE } from './tests/fixtures/pinned-date.ts';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.spec.ts'],
    // Every test file starts its own Blobs server and mail server on free loopback ports.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    // Log lines only for a failing test: they are the pipeline's own (no personal data).
    silent: 'passed-only',
    hookTimeout: 20_000,
    // The site's pinned date: nothing here may depend on the day the tests run.
    env: { BUILD_DATE: PINNED_BUILD_DATE },
  },
});
