import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A throwaway copy of the site's sources (packages linked, not copied) for builds that change
 * content. With `imageCache`, the copy starts with a copy of the project's optimised images
 * (node_modules/.astro/assets, named by a hash of each source image and its options), so its build
 * reuses them instead of encoding each picture again: about 3 s of a core a build. Benchmarks
 * that time a whole build leave it out.
 */
export function copyProject(
  root: string,
  prefix: string,
  { imageCache = false }: { imageCache?: boolean } = {},
): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const item of [
    'src',
    // The site's config runs scripts/lib/server-forms-list.ts; .gitignore keeps its output out of git.
    'scripts',
    '.gitignore',
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
  // Every installed package linked, but not the folder itself: Astro and Vite keep their caches
  // (the content layer's data store among them) in node_modules/.astro and .vite, and copies
  // built at the same time must never read each other's content.
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(path.join(root, 'node_modules'))) {
    // Caches and temporary files (.astro, .vite, .vite-temp…) stay the copy's own; .bin is a package's.
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(path.join(root, 'node_modules', name), path.join(modules, name));
  }
  const images = path.join(root, 'node_modules', '.astro', 'assets');
  if (imageCache && existsSync(images)) cpSync(images, path.join(modules, '.astro', 'assets'), { recursive: true });
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

/**
 * Makes a project copy a git repository with everything in it committed, so that a test can
 * change it and then ask git what changed (`changed()`, as `git status --porcelain` lines).
 */
export function gitBaseline(dir: string): { changed(): string[] } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  // What the project's own .gitignore leaves out (its build, its generated list of forms), and
  // the copy's links to the installed packages.
  const own = existsSync(path.join(dir, '.gitignore')) ? readFileSync(path.join(dir, '.gitignore'), 'utf8') : '';
  writeFileSync(path.join(dir, '.gitignore'), `${own}\nnode_modules\ndist\n.astro\n.data\n`);
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=Test', '-c', 'user.email=test@test.invalid', 'commit', '-qm', 'The project as it is');
  return { changed: () => git('status', '--porcelain').split('\n').filter(Boolean).sort() };
}
