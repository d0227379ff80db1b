import { expect } from '@playwright/test';
import { test } from '../support/e2e.ts';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { astroBuild, copyProject } from '../../scripts/lib/project-copy.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Builds a copy of the site with one content file replaced, and returns the build's output. */
function buildWith(relativeFile: string, contents: string): { status: number | null; output: string } {
  const project = copyProject(ROOT, 'rg-schema-');
  try {
    writeFileSync(path.join(project.dir, relativeFile), contents);
    return astroBuild(ROOT, project.dir);
  } finally {
    project.remove();
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
