// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import netlify from '@netlify/vite-plugin';
import { cmsLocalBackendInDev } from './integrations/cms-local-dev.ts';
import { securityHeaders } from './integrations/headers.ts';
import { pagefindIndex } from './integrations/pagefind.ts';
import { stripImageMetadata } from './integrations/strip-image-metadata.ts';
import { uploadTypes } from './integrations/upload-types.ts';
import { cmsRepositoryNamed } from './integrations/cms-repository.ts';
import { launchReportInProduction } from './integrations/launch-report.ts';
import { siteUrl } from './src/lib/site-url.ts';
import { writeServerFormsList } from './scripts/lib/server-forms-list.ts';

// The functions' list of forms, from the form folders, before anything loads the functions:
// every Astro command and Vitest (through getViteConfig) read this file first, and Netlify
// bundles the functions after the build (scripts/lib/server-forms-list.ts says why).
writeServerFormsList(import.meta.dirname);

const isDev = process.argv.includes('dev');

export default defineConfig({
  site: siteUrl(process.env.SITE_URL),
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Nothing inline: the Content-Security-Policy allows scripts and styles from 'self' only.
    inlineStylesheets: 'never',
  },
  // Order matters: the headers rules are written last, once every file is in place.
  integrations: [
    uploadTypes(),
    cmsRepositoryNamed(),
    mdx(),
    stripImageMetadata(),
    pagefindIndex(),
    securityHeaders(),
    cmsLocalBackendInDev(),
    launchReportInProduction(import.meta.dirname),
  ],
  vite: {
    build: { assetsInlineLimit: 0 },
    plugins: isDev
      ? [
          netlify({
            // Each of these would reach out to the network or start heavy services locally.
            edgeFunctions: { enabled: false },
            database: { enabled: false },
            geolocation: { enabled: false },
            images: { enabled: false },
            aiGateway: { enabled: false },
          }),
        ]
      : [],
  },
});
