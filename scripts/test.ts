/**
 * `npm test`: type checks, lint, the unit and in-process tests (Vitest; no build, no browser), a
 * fresh production build as of the pinned day (tests/fixtures/pinned-date.ts), then the
 * browser suite in Chromium against that build served as
 * `npm start` serves it. Stops at the first failing step. Arguments go to the browser suite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PINNED_BUILD_DATE } from '../tests/fixtures/pinned-date.ts';
import { ensureChromium } from './lib/chromium.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// The suite sees the site as built on one fixed day, so it passes on any day it runs.
process.env.BUILD_DATE = PINNED_BUILD_DATE;

function step(title: string, command: string, args: string[]): void {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

if (!ensureChromium()) process.exit(1);
step('Type check (astro check)', bin('astro'), ['check', '--minimumFailingSeverity', 'warning']);
step('Lint (ESLint)', bin('eslint'), ['.']);
step('Formatting (Prettier)', bin('prettier'), ['--check', '.']);
step('Unit and in-process tests (Vitest, no browser)', bin('vitest'), ['run']);
step('Production build', bin('astro'), ['build']);
if (!existsSync(path.join(root, 'dist', 'index.html'))) {
  console.error('The build produced no dist/index.html');
  process.exit(1);
}
const started = Date.now();
step('Browser tests (Playwright, Chromium)', bin('playwright'), ['test', ...process.argv.slice(2)]);
console.log(`\nBrowser tests took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
