import { expect, test } from 'vitest';
import type { z } from 'astro/zod';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { cmsConfig } from '../../admin/config.ts';
import { COLLECTIONS, type CmsBlock } from '../../src/model/collections.ts';
import { unwrap, type CmsField } from '../../admin/content-model.ts';
import { PAGE_FILES } from '../../src/lib/page-files.ts';
import { existsSync } from 'node:fs';

/**
 * The drift test: the CMS and the content model agree both ways, so staff can never save
 * what the build rejects, and never miss a field the site needs.
 */
const config = cmsConfig({ local: false, repo: 'org/site' });
/** Each CMS collection's schema, from the collection registry (the .mdx guides share the guides'). */
const schemaFor: Record<string, z.ZodObject> = Object.fromEntries(
  Object.entries(COLLECTIONS).flatMap(([name, spec]) => [
    [name, spec.schema as z.ZodObject],
    ...((spec.cms as CmsBlock).also ?? []).map((other) => [other.name, spec.schema as z.ZodObject]),
  ]),
);

function fieldSets(): { where: string; schema: z.ZodObject; fields: CmsField[] }[] {
  return config.collections.flatMap((collection) => {
    const schema = schemaFor[collection.name];
    const lists = 'files' in collection ? collection.files!.map((f) => f.fields) : [collection.fields];
    return lists.map((fields, i) => ({
      where: `${collection.name}${'files' in collection ? `/${collection.files![i].name}` : ''}`,
      schema,
      fields: (fields ?? []).filter((field) => field.name !== 'body'),
    }));
  });
}

function compare(where: string, schema: z.ZodObject, fields: CmsField[], problems: string[], parentOptional = false) {
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const field of fields) {
    if (!(field.name in shape)) problems.push(`${where}.${field.name}: in the CMS, not in the schema`);
  }
  for (const [name, child] of Object.entries(shape)) {
    const field = fields.find((f) => f.name === name);
    if (!field) {
      problems.push(`${where}.${name}: in the schema, not in the CMS`);
      continue;
    }
    const { base, required } = unwrap(child);
    const cmsRequired = field.required !== false;
    // Inside an optional object the CMS cannot require anything (Decap would then require the
    // whole object); the build enforces those fields once the object is filled in.
    // A tick box always has an answer, ticked or not: the CMS never calls it "(optional)".
    const isBox = base._zod.def.type === 'boolean';
    const expected = isBox ? true : parentOptional ? false : required;
    if (expected !== cmsRequired) {
      problems.push(`${where}.${name}: schema required=${required}, CMS required=${cmsRequired}`);
    }
    if (!field.hint) problems.push(`${where}.${name}: no hint for staff`);
    const def = base._zod.def;
    if (def.type === 'enum') {
      const values = Object.values(def.entries as Record<string, string>);
      if (JSON.stringify(field.options) !== JSON.stringify(values)) problems.push(`${where}.${name}: options differ`);
    }
    if (def.type === 'object') {
      compare(`${where}.${name}`, base as unknown as z.ZodObject, field.fields ?? [], problems, !required);
    }
    if (def.type === 'array') {
      const element = unwrap(def.element as z.ZodType).base;
      if (element._zod.def.type === 'object')
        compare(`${where}.${name}[]`, element as unknown as z.ZodObject, field.fields ?? [], problems);
    }
  }
}

test('every CMS field is in the schema, every schema field is in the CMS, required and choices agree', () => {
  const problems: string[] = [];
  for (const { where, schema, fields } of fieldSets()) compare(where, schema, fields, problems);
  expect(problems).toEqual([]);
});

/** What a member of staff would type into a required field, within its pattern. */
function sample(field: CmsField): unknown {
  if (field.pattern) {
    const candidates = [
      '01452 754542',
      'name@example.org',
      'https://www.example.org/',
      '/refer/',
      '09:30',
      'pl',
      'Or press Shift 3 times.',
    ];
    const match = candidates.find((value) => new RegExp(field.pattern![0]).test(value));
    if (match) return match;
  }
  switch (field.widget) {
    case 'select':
      return field.options![0];
    case 'number':
      return 10;
    case 'boolean':
      return field.default ?? false;
    case 'datetime':
      return '2026-11-21';
    case 'image':
      return './images/letters.jpg';
    case 'object':
      return onlyRequired(field.fields!);
    case 'list':
      if (!field.min) return undefined;
      return Array.from({ length: field.min }, () =>
        field.fields ? onlyRequired(field.fields) : sample(field.field!),
      );
    default:
      return 'Some words';
  }
}

function onlyRequired(fields: CmsField[]): Record<string, unknown> {
  return Object.fromEntries(
    fields
      .filter((field) => field.required !== false && field.name !== 'body')
      .map((field) => [field.name, sample(field)]),
  );
}

test('an entry saved with only the required CMS fields filled passes the schema', () => {
  for (const { where, schema, fields } of fieldSets()) {
    const entry = onlyRequired(fields);
    const result = schema.safeParse(entry);
    expect(result.success ? [] : result.error.issues.map((i) => `${where}: ${i.path.join('.')} ${i.message}`)).toEqual(
      [],
    );
  }
});

test('the CMS lists every single page file, and no other', () => {
  const folder = path.resolve(import.meta.dirname, '..', '..', 'content', 'pages');
  const files = readdirSync(folder).sort();
  expect(PAGE_FILES.map((page) => `${page.id}.${page.extension}`).sort()).toEqual(files);
});

test('a page with its own route has its route file; any other has none to clash with /<id>/', () => {
  const pages = path.resolve(import.meta.dirname, '..', '..', 'src', 'pages');
  const routeFile = (id: string) =>
    id === 'home' ? 'index.astro' : id === 'not-found' ? '404.astro' : path.join(id, 'index.astro');
  for (const page of PAGE_FILES) {
    expect(existsSync(path.join(pages, routeFile(page.id))), page.id).toBe(Boolean(page.ownRoute));
    if (!page.ownRoute) expect(existsSync(path.join(pages, page.id)), page.id).toBe(false);
  }
});

test('production uses the editorial workflow; the local backend does not', () => {
  expect(cmsConfig({ local: false, repo: 'org/site' }).publish_mode).toBe('editorial_workflow');
  expect(cmsConfig({ local: true })).not.toHaveProperty('publish_mode');
});

test('GitHub with the site’s own login is the default backend; Git Gateway is still an option', () => {
  expect(cmsConfig({ repo: 'org/site', siteUrl: 'https://x.org' }).backend).toMatchObject({
    name: 'github',
    repo: 'org/site',
    base_url: 'https://x.org',
    auth_endpoint: 'api/cms-auth',
  });
  expect(() => cmsConfig({})).toThrow(/PUBLIC_CMS_REPO/);
  expect(cmsConfig({ backend: 'git-gateway' }).backend).toEqual({ name: 'git-gateway', branch: 'main' });
});

test('on localhost the CMS uses the local backend on the site’s own origin, never another port', () => {
  const local = cmsConfig({ local: true, siteUrl: 'http://localhost:4321' });
  expect(local.local_backend).toEqual({ url: 'http://localhost:4321/_cms-local/api/v1' });
  expect(cmsConfig({ local: false, repo: 'org/site', siteUrl: 'https://x.org' }).local_backend).toBe(false);
});

test('where an answer names another step of the guide, staff pick the step by its title and the file name is saved', () => {
  const guide = config.collections.find((collection) => collection.name === 'guide')!;
  const answers = guide.fields!.find((field) => field.name === 'answers')!;
  const leadsTo = answers.fields!.find((field) => field.name === 'next')!;
  expect(leadsTo).toMatchObject({
    widget: 'relation',
    collection: 'guide',
    value_field: '{{slug}}',
    search_fields: ['title'],
    display_fields: ['title'],
  });
  // The list names each step by its title alone: the file name is not for staff.
  expect(guide.summary).toBe('{{title}}');
});
