/**
 * The characters each cut of the site's typeface holds (scripts/subset-fonts.ts writes them).
 * The small "ext" file holds the letters of the Latin-script languages the site has pages in,
 * beyond Latin-1: Polish, and Romanian (ș and ț, and the older ş and ţ some keyboards type).
 * src/styles/fonts.css declares it with a unicode-range of exactly these (tests/unit/fonts.spec.ts).
 */
const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** English, and the accented letters of Portuguese, French, Spanish and Welsh. */
export const MAIN = `${ascii}£€©®°·–—‘’“”„«»•…×÷→←✓ àáâäãåçèéêëìíîïñòóôöõùúûüýÿÀÁÂÃÄÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜŵŷŴŶ`;

export const EXTENDED = 'ąćęłńśźżĄĆĘŁŃŚŹŻăĂșȘțȚşŞţŢ';

/** The CSS unicode-range of a set of characters, one code point each. */
export function unicodeRange(characters: string): string {
  return [...new Set([...characters].map((c) => c.codePointAt(0)!))]
    .sort((a, b) => a - b)
    .map((code) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(', ');
}
