/**
 * The functions' list of forms, written from the folders: every `src/forms/<id>/form.ts` with
 * its server settings in `functions/forms/<id>.ts`. Netlify's function bundler (esbuild) cannot
 * find modules by a pattern, so the list is a file of plain imports, written before anything
 * loads the functions: when the site's config loads (every Astro command, Vitest, the build
 * before Netlify bundles the functions) and after `npm install`. It is not kept in git: a new
 * form is its two modules and its page, nothing listed by hand.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SERVER_FORMS_LIST = path.join('functions', 'forms', 'list.generated.ts');

/** A folder is a form's when it has its module: `form.ts`, or one `form.<variant>.ts` a language. */
function isFormFolder(folder: string): boolean {
  return readdirSync(folder).some((name) => /^form(\.[\w-]+)?\.ts$/.test(name));
}

/** The form folders' names, from the site's form folders, in order. */
export function formIds(root: string): string[] {
  return readdirSync(path.join(root, 'src', 'forms'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isFormFolder(path.join(root, 'src', 'forms', entry.name)))
    .map((entry) => entry.name)
    .sort();
}

export function serverFormsListSource(root: string): string {
  const ids = formIds(root);
  for (const id of ids) {
    if (!existsSync(path.join(root, 'functions', 'forms', `${id}.ts`)))
      throw new Error(
        `functions/forms/${id}.ts is missing: src/forms/${id}/ needs its server settings (inbox, staff wording) there`,
      );
  }
  const names = ids.map((id) => id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()));
  return [
    '// Written by scripts/lib/server-forms-list.ts from src/forms/*/ and functions/forms/*.ts: do not edit.',
    "import type { ServerForm } from './definition.ts';",
    // A module gives one form, or a list (one form asked in several languages).
    ...ids.map((id, i) => `import ${names[i]} from './${id}.ts';`),
    '',
    `export const SERVER_FORM_LIST: readonly ServerForm[] = [${names.join(', ')}].flat();`,
    '',
  ].join('\n');
}

/** Writes the list when it has changed (an unchanged file leaves watchers and caches alone). */
export function writeServerFormsList(root: string): void {
  const file = path.join(root, SERVER_FORMS_LIST);
  const source = serverFormsListSource(root);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== source) writeFileSync(file, source);
}

// `npm install` runs this file directly (package.json "postinstall").
if (import.meta.main) writeServerFormsList(path.resolve(import.meta.dirname, '..', '..'));
