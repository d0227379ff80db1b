import { expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The layers stay apart, as docs/architecture.md draws them: the functions and the form
 * modules never import pages, components or layouts (which only Astro can run); the site never
 * imports the functions, the CMS, the scripts or the build integrations; the functions never
 * import the local-only scripts; the browser's code never imports Node or the server.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|astro|js|mjs)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every specifier a file imports, static or dynamic, as written. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1] ?? match[2],
  );
}

/** Every module a file imports, resolved to a path relative to the repository. */
function importsOf(file: string): string[] {
  return specifiersOf(file)
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

/** Files under `from` that import anything under one of `folders`. */
function breaches(from: string, folders: string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const file of sourceFiles(from)) {
    const bad = importsOf(file).filter((target) => folders.some((folder) => target.startsWith(`${folder}/`)));
    if (bad.length) found[path.relative(ROOT, file)] = bad;
  }
  return found;
}

test('src/ never imports the functions, the CMS, the scripts, the build integrations or the tests', () => {
  expect(breaches('src', ['functions', 'admin', 'scripts', 'integrations', 'tests'])).toEqual({});
});

test('functions/ never import the local-only scripts, the CMS, the build integrations or the tests', () => {
  expect(breaches('functions', ['scripts', 'admin', 'integrations', 'tests'])).toEqual({});
});

test('the CMS never imports the functions or the scripts', () => {
  expect(breaches('admin', ['functions', 'scripts', 'tests'])).toEqual({});
});

test('code that runs in the browser never imports Node or the server', () => {
  for (const folder of ['src/scripts', 'src/forms']) {
    for (const file of sourceFiles(folder)) {
      const node = specifiersOf(file).filter((specifier) => specifier.startsWith('node:'));
      expect(node, path.relative(ROOT, file)).toEqual([]);
    }
  }
});

test('the import check sees imports, static and dynamic (it would catch a breach)', () => {
  const handler = path.join(ROOT, 'functions/intake/submission.ts');
  expect(importsOf(handler)).toContain('src/forms/fields.ts');
  const integration = path.join(ROOT, 'integrations/cms-local-dev.ts');
  expect(importsOf(integration)).toContain('scripts/lib/cms-local-backend.ts');
  expect(breaches('integrations', ['scripts'])).toHaveProperty(['integrations/cms-local-dev.ts']);
});
