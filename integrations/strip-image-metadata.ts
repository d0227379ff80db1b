import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const IMAGE = /\.(jpe?g|png|webp|avif|tiff?)$/i;

/**
 * Images staff upload through the CMS to public/uploads/ are copied to the site as they
 * are. Photos from phones carry camera details and often the GPS position of where they
 * were taken, which could reveal where someone lives. This re-encodes every uploaded image
 * in the built site without that metadata (turned upright first, as the camera meant).
 */
export function stripImageMetadata(): AstroIntegration {
  return {
    name: 'restorative-gloucestershire:strip-image-metadata',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const uploads = path.join(fileURLToPath(dir), 'uploads');
        let entries: string[] = [];
        try {
          entries = (await readdir(uploads, { recursive: true })).filter((name) => IMAGE.test(name));
        } catch {
          return;
        }
        for (const name of entries) {
          const file = path.join(uploads, name);
          const cleaned = await sharp(await readFile(file))
            .rotate()
            .toBuffer();
          await writeFile(file, cleaned);
        }
        if (entries.length) logger.info(`Removed camera and location data from ${entries.length} uploaded images`);
      },
    },
  };
}
