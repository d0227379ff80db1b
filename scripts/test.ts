/**
 * `npm test`: type checks, lint, the unit and in-process tests (Vitest; no build, no browser), a
 * fresh production build as of the pinned day (tests/fixtures/pinned-date.ts), then the
 * browser suite in Chromium against that build served as `npm start` serves it. Arguments go to
 * the browser suite.
 *
 * Two lanes, one a core: the unit tests (on one worker) then ESLint and Prettier, and beside them
 * the type check then the build; then the browser suite. Each step's output is printed whole when
 * it ends, so two steps never interleave. The first step to fail stops the others, and `npm test`
 * exits with its code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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

interface Step {
  title: string;
  command: string;
  args: string[];
}

const running = new Set<ChildProcess>();

function fail(title: string, code: number): never {
  console.error(`\n✗ ${title} failed`);
  for (const child of running) child.kill('SIGTERM');
  process.exit(code || 1);
}

/** Runs one step; its output is kept and printed in one piece when it ends (live when `live`). */
function run({ title, command, args }: Step, live = false): Promise<void> {
  const started = Date.now();
  if (live) console.log(`\n▶ ${title}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: process.env, stdio: live ? 'inherit' : 'pipe' });
    running.add(child);
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('close', (code, signal) => {
      running.delete(child);
      if (!live) {
        console.log(`\n▶ ${title}`);
        process.stdout.write(Buffer.concat(output));
      }
      console.log(`(${title}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
      if (code !== 0) fail(title, code ?? (signal ? 1 : 0));
      resolve();
    });
  });
}

/** Steps that run one after another on one core. */
async function lane(steps: Step[]): Promise<void> {
  for (const step of steps) await run(step);
}

if (!ensureChromium()) process.exit(1);
// The build waits for the unit tests: some read the built form shell in dist/ when it is there
// (functions/intake/pages.ts), and must never read it half written.
const unitTests = run({
  title: 'Unit and in-process tests (Vitest, no browser)',
  command: bin('vitest'),
  args: ['run', '--maxWorkers=1'],
});
await Promise.all([
  (async () => {
    await run({
      title: 'Type check (astro check)',
      command: bin('astro'),
      args: ['check', '--minimumFailingSeverity', 'warning'],
    });
    await unitTests;
    await run({ title: 'Production build', command: bin('astro'), args: ['build'] });
  })(),
  (async () => {
    await unitTests;
    await lane([
      { title: 'Lint (ESLint)', command: bin('eslint'), args: ['.'] },
      { title: 'Formatting (Prettier)', command: bin('prettier'), args: ['--check', '.'] },
    ]);
  })(),
]);
if (!existsSync(path.join(root, 'dist', 'index.html'))) {
  console.error('The build produced no dist/index.html');
  process.exit(1);
}
await run(
  {
    title: 'Browser tests (Playwright, Chromium)',
    command: bin('playwright'),
    args: ['test', ...process.argv.slice(2)],
  },
  true,
);
