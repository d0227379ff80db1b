/**
 * `npm run fonts`: writes the site's typeface, Atkinson Hyperlegible (SIL Open Font License,
 * from the npm package @fontsource/atkinson-hyperlegible), cut down to the characters English
 * pages use, into src/assets/fonts/. The Latin files in the package hold about 17 KB each;
 * these hold about 12 KB, which keeps every page within its byte budget. Run it again after
 * upgrading the package; the output is committed, so builds do not depend on this step.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'node_modules/@fontsource/atkinson-hyperlegible/files');
const target = path.join(root, 'src/assets/fonts');

// Printable ASCII, then the punctuation, symbols and accented letters English text meets.
const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const extra = '£€©®°·–—‘’“”•…×÷→←✓ àáâäãåçèéêëìíîïñòóôöõùúûüýÿÀÁÂÄÇÈÉÊËÎÏÑÔÖÙÚÛÜŵŷŴŶ';

for (const weight of ['400', '700']) {
  const file = `atkinson-hyperlegible-latin-${weight}-normal.woff2`;
  const input = readFileSync(path.join(source, file));
  const output = await subsetFont(input, ascii + extra, { targetFormat: 'woff2' });
  writeFileSync(path.join(target, `atkinson-hyperlegible-${weight}.woff2`), output);
  console.log(`${file}: ${input.length} → ${output.length} bytes`);
}
