/** Which answers are kept apart from the submission they came with (fields marked `separate`). */
import type { ServerForm } from '../forms/definition.ts';
import { allFields, type Values } from '../../src/forms/fields.ts';

/** Splits the answers to keep with the submission from those to keep apart. */
export function splitSeparate(form: ServerForm, values: Values): { kept: Values; apart: Values } {
  const separate = new Set(
    allFields(form)
      .filter((field) => field.separate)
      .map((field) => field.name),
  );
  const kept: Values = {};
  const apart: Values = {};
  for (const [name, value] of Object.entries(values)) (separate.has(name) ? apart : kept)[name] = value;
  return { kept, apart };
}
