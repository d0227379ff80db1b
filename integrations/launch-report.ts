import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { launchItems, launchReport } from '../src/lib/launch.ts';
import { launchContent } from './content-files.ts';

/**
 * The production build (Netlify's CONTEXT=production) prints what is still to confirm before
 * launch, so whoever deploys sees it in the deploy log. It does not stop the build: a draft
 * privacy notice is better published, marked as a draft, than no notice at all.
 */
export function launchReportInProduction(root: string): AstroIntegration {
  return {
    name: 'restorative-gloucestershire:launch-report',
    hooks: {
      'astro:build:done': ({ logger }) => {
        if (process.env.CONTEXT !== 'production') return;
        const items = launchItems(launchContent(path.join(root, 'content')), new Date());
        (items.length ? logger.warn.bind(logger) : logger.info.bind(logger))(`\n${launchReport(items)}`);
      },
    },
  };
}
