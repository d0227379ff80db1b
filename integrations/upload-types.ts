import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Pictures staff upload reach the repository as they are, so the CMS strips camera and
 * location data as it uploads them (`media_processing.strip_metadata` in admin/config.ts). It
 * can do that for JPEG, PNG and WebP only; a HEIC from an iPhone, a GIF or anything else would
 * go into git with its metadata, and most could not be shown anyway. So the build refuses
 * them, naming each file.
 */
export const ALLOWED_UPLOAD = /\.(jpe?g|png|webp)$/i;
const TEXT = /\.(mdx?|json|ya?ml)$/i;

/** Files under the upload folders that are neither content nor an allowed picture. */
export function refusedUploads(root: string, folders = ['public/uploads', 'content']): string[] {
  return folders.flatMap((folder) => {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' });
    } catch {
      return [];
    }
    return names
      .filter((name) => {
        const base = path.basename(name);
        // Files with an extension only (not folders), and not hidden ones such as .gitkeep.
        return /^[^.].*\.[^.]+$/.test(base) && !TEXT.test(base) && !ALLOWED_UPLOAD.test(base);
      })
      .map((name) => path.posix.join(folder, name.split(path.sep).join('/')))
      .sort();
  });
}

export function uploadTypes(): AstroIntegration {
  return {
    name: 'restorative-gloucestershire:upload-types',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const refused = refusedUploads(fileURLToPath(config.root));
        if (refused.length)
          throw new Error(
            `These files cannot be used: only JPEG, PNG and WebP pictures can have their camera and location data removed. Save each as a JPEG (or PNG), upload that, and delete this one: ${refused.join(', ')}`,
          );
      },
    },
  };
}
