/**
 * Every form the site has, by id, found by its module's place (`src/forms/<id>/form.ts`, or
 * `form.<variant>.ts` for a form asked in several languages, one module each): a new form is a
 * new folder, nothing listed by hand. Read by the pages at build time and by the
 * tests. The browser script loads only the one form on its page (src/scripts/form.ts), and the
 * functions have their own list (functions/forms/registry.ts), because Netlify's bundler does
 * not read Vite's globs.
 */
import type { FormDefinition } from './definition.ts';

// Stryker disable next-line all: Vite reads this call's literal arguments when it loads the module; a mutant of them is not code that can run
const modules = import.meta.glob<{ default: FormDefinition }>(['./*/form.ts', './*/form.*.ts'], { eager: true });

export const FORMS: Readonly<Record<string, FormDefinition>> = Object.fromEntries(
  Object.values(modules).map(({ default: form }) => [form.id, form]),
);

/** Each form's module, as a path under src/forms/: the page names it for the browser script to load. */
export const FORM_MODULES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(modules).map(([key, { default: form }]) => [form.id, key.slice(2)]),
);
