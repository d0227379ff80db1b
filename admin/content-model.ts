/**
 * Turns the site's content model (zod schemas in src/model/content.ts) into Decap CMS fields,
 * so the CMS asks for exactly what the build accepts: the same fields, the same required
 * ones, the same choices, the same defaults, and the hints written for staff.
 */
import type { z } from 'astro/zod';

export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  options?: string[];
  fields?: CmsField[];
  field?: CmsField;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  pattern?: [string, string];
  date_format?: string;
  time_format?: boolean;
  format?: string;
  media_folder?: string;
  public_folder?: string;
  summary?: string;
  choose_url?: boolean;
  collapsed?: boolean;
  allow_add?: boolean;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
}

interface Meta {
  label?: string;
  hint?: string;
  widget?: string;
  /** A field that names another entry of this collection: staff pick it by its title. */
  relation?: string;
}

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/** Unwraps optional, default and pipe layers, gathering what they say about the field. */
export function unwrap(schema: z.ZodType): { base: AnySchema; required: boolean; defaultValue?: unknown; meta: Meta } {
  let current = schema as AnySchema;
  let required = true;
  let defaultValue: unknown;
  let meta: Meta = {};
  for (;;) {
    const found = (current as unknown as { meta(): Meta | undefined }).meta();
    if (found) meta = { ...found, ...meta };
    const def = current._zod.def;
    if (def.type === 'optional') {
      required = false;
      current = def.innerType as AnySchema;
    } else if (def.type === 'default') {
      required = false;
      defaultValue = def.defaultValue;
      current = def.innerType as AnySchema;
    } else if (def.type === 'pipe') {
      current = def.in as AnySchema;
    } else {
      return { base: current, required, defaultValue, meta };
    }
  }
}

function checksOf(base: AnySchema): Record<string, unknown>[] {
  const checks = (base._zod.def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? [];
  return checks.map((check) => check._zod.def);
}

export function toCmsField(name: string, schema: z.ZodType): CmsField {
  const { base, required, defaultValue, meta } = unwrap(schema);
  const def = base._zod.def;
  const field: CmsField = {
    name,
    label: meta.label ?? name,
    widget: 'string',
    ...(meta.hint ? { hint: meta.hint } : {}),
    ...(required ? {} : { required: false }),
    ...(defaultValue !== undefined && !Array.isArray(defaultValue) ? { default: defaultValue } : {}),
  };
  switch (def.type) {
    case 'string': {
      field.widget = meta.widget ?? 'string';
      if (meta.relation) {
        // The entry's file name is stored (what the build looks up); staff see and search titles.
        Object.assign(field, {
          widget: 'relation',
          collection: meta.relation,
          value_field: '{{slug}}',
          search_fields: ['title'],
          display_fields: ['title'],
          options_length: 100,
        });
        return field;
      }
      if (def.format === 'email') field.pattern = ['^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', 'Enter an email address'];
      if (def.format === 'url') field.pattern = ['^https?://', 'Enter a full web address, starting with https://'];
      for (const check of checksOf(base)) {
        if (check.check === 'string_format' && check.format === 'regex' && check.pattern instanceof RegExp) {
          const message = typeof check.error === 'function' ? (check.error as () => unknown)() : check.error;
          field.pattern = [check.pattern.source, typeof message === 'string' ? message : `Check ${field.label}`];
        }
      }
      return field;
    }
    case 'custom':
      // Astro's image() helper: an image uploaded next to the entry, so the build optimises it.
      field.widget = meta.widget ?? 'image';
      field.choose_url = false;
      return field;
    case 'number':
      field.widget = 'number';
      field.value_type = 'int';
      for (const check of checksOf(base)) {
        if (check.check === 'greater_than' && typeof check.value === 'number') field.min = check.value;
      }
      return field;
    case 'boolean':
      field.widget = 'boolean';
      // Decap saves an untouched checkbox as nothing; the schema's default then applies.
      if (field.default === undefined) field.default = false;
      // A tick box always has an answer (ticked or not), so it is never "(optional)".
      delete field.required;
      return field;
    case 'enum':
      field.widget = 'select';
      field.options = Object.values(def.entries as Record<string, string>);
      return field;
    case 'date':
      field.widget = 'datetime';
      field.date_format = 'D MMMM YYYY';
      field.time_format = false;
      field.format = 'YYYY-MM-DD';
      return field;
    case 'object':
      field.widget = 'object';
      field.fields = fieldsOf(base as unknown as z.ZodObject);
      // Decap checks the fields inside an object even when the object itself is left empty,
      // so inside an optional object nothing can be required in the CMS; the build still
      // refuses a picture without its description.
      if (!required) field.fields = field.fields.map((inner) => ({ ...inner, required: false }));
      return field;
    case 'array': {
      field.widget = 'list';
      const element = def.element as z.ZodType;
      const inner = unwrap(element).base;
      if (inner._zod.def.type === 'object') {
        field.fields = fieldsOf(inner as unknown as z.ZodObject);
        field.summary = `{{fields.${field.fields[0]?.name}}}`;
      } else {
        field.field = { ...toCmsField('item', element), label: field.label };
      }
      for (const check of checksOf(base)) {
        if (check.check === 'min_length' && typeof check.minimum === 'number' && check.minimum > 0) {
          field.min = check.minimum;
        }
      }
      return field;
    }
    default:
      throw new Error(`The CMS cannot edit "${name}": no widget for zod type "${def.type}"`);
  }
}

export function fieldsOf(schema: z.ZodObject): CmsField[] {
  return Object.entries(schema.shape).map(([name, child]) => toCmsField(name, child as z.ZodType));
}
