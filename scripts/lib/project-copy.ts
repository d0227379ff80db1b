import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throwaway copy of the site's sources (node_modules linked, not copied) for builds that change content. */
export function copyProject(root: string, prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const item of [
    'src',
    'integrations',
    'functions',
    'content',
    'public',
    'admin',
    'astro.config.mjs',
    'netlify.toml',
    'tsconfig.json',
    'package.json',
  ]) {
    try {
      cpSync(path.join(root, item), path.join(dir, item), { recursive: true });
    } catch {
      /* a folder a later issue adds may not exist yet */
    }
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `astro build` in a project folder, with this repository's Astro. `env` adds to or (with
 * `undefined`) removes from this process's environment, say `{ BUILD_DATE: undefined }` for a
 * build that, as in production, reads today's date from the clock.
 */
export function astroBuild(
  root: string,
  dir: string,
  env: Record<string, string | undefined> = {},
): { status: number | null; output: string } {
  const merged: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    env: { ...merged, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
