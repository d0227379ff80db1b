import type { AstroIntegration } from 'astro';
import { readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cspRules } from '../lib/security-headers.ts';

/** Paths with a Content-Security-Policy of their own, set in netlify.toml. */
const PATHS_WITH_OWN_POLICY = ['/admin/*'];

/**
 * Writes `dist/_headers` with the site's Content-Security-Policy for every path the build
 * produced. It runs last, after search and the CMS have written their files.
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
        const rules = cspRules(entries, PATHS_WITH_OWN_POLICY);
        await writeFile(`${site}_headers`, `# Written by the build: see src/integrations/headers.ts\n\n${rules}`);
        logger.info('Wrote the Content-Security-Policy rules to _headers');
      },
    },
  };
}
