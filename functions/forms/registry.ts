/**
 * Every form the functions serve, by id, with what only the server knows of it. The list is
 * written from the form folders (scripts/lib/server-forms-list.ts), because Netlify's function
 * bundler cannot find modules by a pattern. A test checks it names the same forms as the site's
 * (src/forms/registry.ts).
 */
import type { ServerForm } from './definition.ts';
import { SERVER_FORM_LIST } from './list.generated.ts';

export const SERVER_FORMS: Readonly<Record<string, ServerForm>> = Object.fromEntries(
  SERVER_FORM_LIST.map((form) => [form.id, form]),
);
