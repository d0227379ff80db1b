import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Pagefind keeps one index per language (by each page's `lang`), and a search looks only in its
 * page's. So that someone on the English search page who types "Polski" or "اردو" still finds
 * that language's page, each page in another language is also added to the English index,
 * by its own name and its English name (its search words), under its own title.
 */
export function languageRecords(site: string, englishLang: string): pagefind.CustomRecord[] {
  const folder = path.join(site, 'languages');
  let codes: string[];
  try {
    codes = readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  return codes.sort().flatMap((code) => {
    const html = readFileSync(path.join(folder, code, 'index.html'), 'utf8');
    const terms = /data-search-terms[^>]*>([^<]*)</.exec(html)?.[1].trim();
    const heading = /<h1[^>]*>([^<]*)</.exec(html)?.[1].trim();
    if (!terms || !heading) return [];
    const [name, englishName] = terms.split(',').map((part) => part.trim());
    return [
      {
        // Not the page's own address: Pagefind keeps one record per address, so that one would
        // take the page out of its own language's index. The page's main content is the same page.
        url: `/languages/${code}/#main-content`,
        language: englishLang,
        content: `${name} ${englishName}. ${heading}`,
        meta: { title: `${name} (${englishName})` },
        filters: { type: ['Language'] },
      },
    ];
  });
}

/**
 * Builds the Pagefind search index from the finished HTML, so search always matches
 * exactly what was published. Only `<main data-pagefind-body>` is indexed.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'restorative-gloucestershire:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
        // Pagefind names an index by the page's lang in lower case; a record under "en-GB" would start another.
        for (const record of languageRecords(site, 'en-gb')) {
          const result = await index.addCustomRecord(record);
          if (result.errors.length) throw new Error(`Pagefind: ${result.errors.join('; ')}`);
        }
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Indexed ${added.page_count} pages for search`);
      },
    },
  };
}
