/**
 * The easy read pictures, inlined into the page: sixteen tiny drawings cost less on a
 * cheap phone's connection as part of the page than as sixteen requests. A name in the
 * content model without its file fails here, at build time.
 */
import type { PictogramName } from '../model/content.ts';

const files = import.meta.glob<string>('../assets/pictograms/*.svg', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export function pictogramSvg(name: PictogramName): string {
  const svg = files[`../assets/pictograms/${name}.svg`];
  if (!svg) throw new Error(`src/assets/pictograms/${name}.svg is missing`);
  // Decorative beside its sentence: hidden from screen readers, never a tab stop.
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" class="pictogram" ');
}
