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
    // Each file's environment variables are put back when it ends (files share a process).
    setupFiles: ['tests/support/restore-env.ts'],
    // Every test file starts its own Blobs server and mail server on free loopback ports.
    pool: 'forks',
    maxWorkers: 2,
    // The files of a worker share its loaded modules, as in the mutation run
    // (vitest.mutation.config.ts): a fresh process for each of the 46 files loading Vite, zod,
    // nodemailer and linkedom again took two thirds of the run (measured here on one worker:
    // 52 s and 60 s of CPU isolated, 19 s and 20 s not; files shuffled in any order pass the
    // same). Each file starts its own servers and closes them, its environment variables are put
    // back (tests/support/restore-env.ts). The caches modules keep (settings per deploy context
    // in functions/settings/deps.ts, the page shell in functions/intake/pages.ts) are shared:
    // today no two files use the same entry, and a test that needs its own makes its own.
    isolate: false,
    testTimeout: 20_000,
    // Log lines only for a failing test: they are the pipeline's own (no personal data).
    silent: 'passed-only',
    hookTimeout: 20_000,
    // The site's pinned date: nothing here may depend on the day the tests run.
    env: { BUILD_DATE: PINNED_BUILD_DATE },
  },
});
