import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

/**
 * `astro dev` serves the CMS's guarded local backend on its own origin, as `npm start` does,
 * so /admin/ on the dev server edits content/ (see scripts/lib/cms-local-backend.ts).
 */
export function cmsLocalBackendInDev(): AstroIntegration {
  return {
    name: 'restorative-gloucestershire:cms-local-dev',
    hooks: {
      'astro:server:setup': async ({ server, logger }) => {
        const { createCmsLocalBackend, CMS_LOCAL_BASE } = await import('../scripts/lib/cms-local-backend.ts');
        const root = fileURLToPath(new URL('../', import.meta.url));
        const siteOrigins = () => {
          const address = server.httpServer?.address();
          const port = typeof address === 'object' && address ? address.port : 4321;
          return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
        };
        const handle = await createCmsLocalBackend({ repoDir: root, siteOrigins });
        server.middlewares.use((req, res, next) => {
          if (req.url === CMS_LOCAL_BASE || req.url?.startsWith(`${CMS_LOCAL_BASE}/`)) handle(req, res, next);
          else next();
        });
        logger.info(`CMS local backend on ${CMS_LOCAL_BASE}, writing to ${root}content/`);
      },
    },
  };
}
