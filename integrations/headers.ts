import type { AstroIntegration } from 'astro';
import { readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../src/lib/security-headers.ts';

/**
 * Writes `dist/_headers`: every security header for every path the build produced, from
 * src/lib/security-headers.ts. It runs last, after search and the CMS have written their files.
 */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'restorative-gloucestershire:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const entries = (await readdir(site, { withFileTypes: true })).map((entry) => ({
          name: entry.name,
          isDirectory: entry.isDirectory(),
        }));
        await writeFile(`${site}_headers`, headersFile(entries));
        logger.info('Wrote the security headers to _headers');
      },
    },
  };
}
