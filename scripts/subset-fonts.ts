/**
 * `npm run fonts`: writes the site's typeface, Atkinson Hyperlegible (SIL Open Font License,
 * from the npm package @fontsource/atkinson-hyperlegible), cut down to the characters the
 * site's pages use, into src/assets/fonts/. The Latin files in the package hold about 17 KB
 * each; these hold about 12 KB, which keeps every page within its byte budget. Run it again
 * after upgrading the package; the output is committed, so builds do not depend on this step.
 *
 * Two files per weight: the main one (English, and the accented letters of Portuguese and of
 * Latin-1), and a small one with the letters of the other Latin-script languages the site has
 * pages in (Polish, Romanian), which fonts.css declares with their `unicode-range`, so a
 * browser fetches it only for a page that uses one of those letters. Without it, "ł" or "ș"
 * would switch to another typeface in the middle of a word. Arabic, Urdu and Punjabi are in
 * scripts this typeface does not have: those pages use the system's fonts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { EXTENDED, MAIN, unicodeRange } from './lib/font-subsets.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'node_modules/@fontsource/atkinson-hyperlegible/files');
const target = path.join(root, 'src/assets/fonts');

for (const weight of ['400', '700']) {
  for (const [subset, characters, name] of [
    ['latin', MAIN, `atkinson-hyperlegible-${weight}.woff2`],
    ['latin-ext', EXTENDED, `atkinson-hyperlegible-ext-${weight}.woff2`],
  ]) {
    const file = `atkinson-hyperlegible-${subset}-${weight}-normal.woff2`;
    const input = readFileSync(path.join(source, file));
    const output = await subsetFont(input, characters, { targetFormat: 'woff2' });
    writeFileSync(path.join(target, name), output);
    console.log(`${file}: ${input.length} → ${output.length} bytes`);
  }
}
console.log(`The ext files' unicode-range, for src/styles/fonts.css: ${unicodeRange(EXTENDED)}`);
