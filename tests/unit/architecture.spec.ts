import { expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The layers stay apart: the functions and the form modules never import pages, components
 * or layouts (which only Astro can run), and the site never imports the functions.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|astro|js|mjs)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every module a file imports, resolved to a path relative to the repository. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1] ?? match[2]);
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) =>
      path
        .relative(ROOT, path.resolve(path.dirname(file), specifier))
        .split(path.sep)
        .join('/'),
    );
}

test('functions/ and src/forms/ never import pages, components or layouts', () => {
  const forbidden = /^src\/(pages|components|layouts)\//;
  for (const file of [...sourceFiles('functions'), ...sourceFiles('src/forms')]) {
    const bad = importsOf(file).filter((target) => forbidden.test(target));
    expect(bad, path.relative(ROOT, file)).toEqual([]);
  }
});

test('src/ never imports functions/', () => {
  for (const file of sourceFiles('src')) {
    const bad = importsOf(file).filter((target) => target.startsWith('functions/'));
    expect(bad, path.relative(ROOT, file)).toEqual([]);
  }
});

test('the import check sees imports (it would catch a breach)', () => {
  const handler = path.join(ROOT, 'functions/submissions/handler.ts');
  expect(importsOf(handler)).toContain('src/forms/fields.ts');
});
