/**
 * The content collections, derived from the collection registry (src/model/collections.ts):
 * each collection's folder under content/, its files and its schema. Nothing to add here for
 * a new collection.
 */
import { defineCollection, type BaseSchema, type ImageFunction } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTION_NAMES, COLLECTIONS, defineCollections, type CollectionName } from './model/collections.ts';

/** The registry as the build sees it: pictures through Astro's image helper. */
type BuildRegistry = ReturnType<typeof defineCollections<ReturnType<ImageFunction>>>;
/** Each collection typed by its own schema, so pages read its fields with their types. */
type Collections = {
  [N in CollectionName]: BuildRegistry[N]['schema'] extends infer S extends BaseSchema
    ? ReturnType<typeof defineCollection<S>>
    : never;
};

export const collections = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [
    name,
    defineCollection({
      loader: glob({ base: `./content/${COLLECTIONS[name].folder}`, pattern: COLLECTIONS[name].pattern }),
      schema: ({ image }) => defineCollections(image)[name].schema,
    }),
  ]),
) as Collections;
