import { expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { cmsConfig } from '../../admin/config.ts';
import { registerPreviews } from '../../admin/previews.ts';
import { COLLECTION_NAMES, COLLECTIONS, urlFor, type CollectionSpec } from '../../src/model/collections.ts';

/**
 * The collection registry is the one list: every folder of content/ is in it, the CMS offers
 * exactly its collections with a preview for each, and each entry's address comes from it.
 */
const CONTENT = path.resolve(import.meta.dirname, '..', '..', 'content');

test('every folder of content/ is a collection of the registry, and every collection has its folder', () => {
  const folders = readdirSync(CONTENT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  expect(
    Object.values(COLLECTIONS)
      .map((spec) => spec.folder)
      .sort(),
  ).toEqual(folders);
});

test('the CMS offers the registry’s collections and no others, each over its own folder or files', () => {
  const cms = cmsConfig({ local: true }).collections;
  const expected = Object.entries(COLLECTIONS).flatMap(([name, spec]: [string, CollectionSpec]) => [
    name,
    ...(spec.cms.also ?? []).map((other) => other.name),
  ]);
  expect(cms.map((collection) => collection.name).sort()).toEqual(expected.sort());
  for (const collection of cms) {
    const spec = Object.values(COLLECTIONS).find(
      (candidate) =>
        collection.folder === `content/${candidate.folder}` ||
        collection.files?.every((file) => file.file.startsWith(`content/${candidate.folder}/`)),
    );
    expect(spec, collection.name).toBeDefined();
  }
});

test('every collection and every single file in the CMS has a preview of its own', () => {
  const registered = new Map<string, unknown>();
  registerPreviews({ registerPreviewTemplate: (name, template) => registered.set(name, template) });
  const editable = cmsConfig({ local: true }).collections.flatMap((collection) =>
    collection.files ? collection.files.map((file) => file.name) : [collection.name],
  );
  for (const name of editable) expect(registered.get(name), name).toBeTypeOf('function');
  // Events, the professionals' pages and the guide have previews that are not the plain article.
  const article = registered.get('explainers');
  for (const name of ['events', 'professionals', 'guide', 'caseStudies', 'services']) {
    expect(registered.get(name), name).not.toBe(article);
  }
});

test('each collection’s entries preview with its own kind of layout, even where a page shares its name', () => {
  const registered = new Map<string, unknown>();
  registerPreviews({ registerPreviewTemplate: (name, template) => registered.set(name, template) });
  // Languages and professionals each have a page of the same name among the single pages.
  expect(registered.get('languages')).not.toBe(registered.get('page-languages'));
  expect(registered.get('professionals')).not.toBe(registered.get('page-professionals'));
  expect(registered.get('page-languages')).toBe(registered.get('page-about'));
});

test('two previews under one name are refused, not one silently replaced by the other', () => {
  const clash: Record<string, CollectionSpec> = {
    languages: { ...COLLECTIONS.languages },
    pages: {
      ...COLLECTIONS.pages,
      cms: { ...COLLECTIONS.pages.cms, files: [{ name: 'languages', label: 'L', file: 'x.md' }] },
    },
  };
  expect(() => registerPreviews({ registerPreviewTemplate: () => {} }, clash)).toThrow(/“languages”/);
});

test('an entry’s address comes from its collection; collections without pages have none', () => {
  expect(urlFor('events', 'core-training')).toBe('/training-and-events/core-training/');
  expect(urlFor('caseStudies', 'a')).toBe('/case-studies/a/');
  expect(urlFor('guide', 'start')).toBe('/could-it-help/');
  expect(urlFor('guide', 'harmed-safe')).toBe('/could-it-help/harmed-safe/');
  expect(urlFor('pages', 'home')).toBe('/');
  expect(urlFor('pages', 'privacy')).toBe('/privacy/');
  expect(() => urlFor('settings', 'site')).toThrow(/no page/);
  // Two collections never share an address.
  const prefixes = COLLECTION_NAMES.filter((name) => name !== 'pages' && name !== 'settings').map((name) =>
    urlFor(name, 'x'),
  );
  expect(new Set(prefixes).size).toBe(prefixes.length);
});
