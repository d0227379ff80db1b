/**
 * `npm run mutation`: runs Stryker (stryker.config.mjs), then prints what became of every mutant,
 * by folder, and the score that counts: killed and timed out over every mutant made but those
 * that left the tests unable to load or compile (the "errors" column), so static and ignored
 * mutants count as not killed (Stryker's own score leaves ignored ones out). A figure,
 * like the benchmarks, not a CI step; it exits non-zero only when Stryker itself fails.
 * Arguments go to Stryker, say `npm run mutation -- --force` for a full run without the
 * incremental file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summariseMutants, type MutantReport } from './lib/mutation-summary.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const run = spawnSync(path.join(root, 'node_modules', '.bin', 'stryker'), ['run', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (run.status !== 0) {
  console.error(`\nStryker failed (exit ${run.status}): no figures.`);
  process.exit(run.status ?? 1);
}
const report = JSON.parse(readFileSync(path.join(root, 'reports/mutation/mutation.json'), 'utf8')) as MutantReport;
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\nMutation testing took ${minutes} min.\n`);
for (const line of summariseMutants(report, ['functions/', 'src/forms/'])) console.log(line);
