/**
 * The address of each illustration in the build (hashed, so it can be cached for a year).
 * Names come from the content model; a name without a file fails here, at build time.
 */
import type { IllustrationName } from '../model/content.ts';

const files = import.meta.glob<string>('../assets/illustrations/*.svg', {
  query: '?url',
  import: 'default',
  eager: true,
});

export function illustrationUrl(name: IllustrationName): string {
  const url = files[`../assets/illustrations/${name}.svg`];
  if (!url) throw new Error(`src/assets/illustrations/${name}.svg is missing`);
  return url;
}
