import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Builds a copy of the site with one content file replaced, and returns the build's output. */
function buildWith(relativeFile: string, contents: string): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-schema-'));
  try {
    for (const item of ['src', 'content', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
      cpSync(path.join(ROOT, item), path.join(dir, item), { recursive: true });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, relativeFile), contents);
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const caseStudy = (frontMatter: string) =>
  `---\n${frontMatter}\nsummary: A summary.\noutcome: An outcome.\ndate: 2026-01-01\n---\n\nBody.\n`;

test.describe.configure({ mode: 'parallel' });

test('a case study without a title fails the build, naming the file and the field', () => {
  const { status, output } = buildWith('content/caseStudies/broken-entry.md', caseStudy('setting: Workplaces'));
  expect(status).not.toBe(0);
  expect(output).toContain('broken-entry');
  expect(output).toMatch(/title/);
});

test('a case study with an unknown setting fails the build, naming the file and the field', () => {
  const { status, output } = buildWith(
    'content/caseStudies/broken-entry.md',
    caseStudy('title: T\nsetting: On the moon'),
  );
  expect(status).not.toBe(0);
  expect(output).toContain('broken-entry');
  expect(output).toMatch(/setting/);
});

test('an image without alt text fails the build, naming the file and the field', () => {
  const { status, output } = buildWith(
    'content/caseStudies/broken-entry.md',
    caseStudy('title: T\nsetting: Workplaces\nimage:\n  src: ./images/letters.jpg'),
  );
  expect(status).not.toBe(0);
  expect(output).toContain('broken-entry');
  expect(output).toMatch(/image\.alt|alt/);
});
