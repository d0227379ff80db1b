/// <reference types="vitest/config" />
/**
 * The unit suite as the mutation run (stryker.config.mjs) uses it: the same tests, the files of
 * one mutant's run in one worker without isolation between them (modules loaded once a run),
 * because Stryker reruns the tests for every mutant and a fresh worker per test file cost more
 * than the tests themselves. Vitest would also start a new thread for each run and load zod,
 * nodemailer and linkedom again in it, most of a second a mutant: the pool below keeps one thread
 * and resets the project's modules before each run instead. Each file starts its own Blobs and
 * mail servers and its environment variables are put back when it ends (tests/support/restore-env.ts).
 */
import { getViteConfig } from 'astro/config';
import { PINNED_BUILD_DATE } from './tests/fixtures/pinned-date.ts';
import FastestFirst from './tests/support/fastest-first.ts';
import { keptThreadPool } from './tests/support/kept-thread/pool.ts';

export default getViteConfig({
  plugins: [
    {
      name: 'mutation-run:kept-thread',
      // Stryker names the pool itself ('threads', one worker); this swaps in the same pool with its
      // thread kept between runs (tests/support/kept-thread/pool.ts). KEEP_THREAD=0 turns it off.
      configureVitest({ project }) {
        if (process.env.KEEP_THREAD === '0') return;
        project.config.pool = keptThreadPool.name;
        project.config.poolRunner = keptThreadPool;
      },
    },
  ],
  test: {
    include: ['tests/unit/**/*.spec.ts'],
    // Each file's environment variables are put back when it ends (files share a process).
    setupFiles: ['tests/support/restore-env.ts'],
    pool: 'threads',
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    silent: 'passed-only',
    // A mutant stops at its first failing test: the files likeliest to fail soonest go first.
    sequence: { sequencer: FastestFirst },
    env: { BUILD_DATE: PINNED_BUILD_DATE },
  },
});
