/**
 * `npm test`: type checks, lint, a fresh production build, then every test in Chromium
 * against that build served as `npm start` serves it. Stops at the first failing step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './lib/chromium.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
process.env.ASTRO_TELEMETRY_DISABLED = '1';

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
step('Production build', bin('astro'), ['build']);
if (!existsSync(path.join(root, 'dist', 'index.html'))) {
  console.error('The build produced no dist/index.html');
  process.exit(1);
}
step('Tests (Playwright, Chromium)', bin('playwright'), ['test', ...process.argv.slice(2)]);
