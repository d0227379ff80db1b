import type { AstroIntegration } from 'astro';

/**
 * On Netlify (CONTEXT is set) the CMS logs in to GitHub and edits PUBLIC_CMS_REPO: without it,
 * /admin/ would be built and fail only when staff open it. So the build stops, saying what to set.
 * Locally the CMS edits content/ through the local backend and needs no repository.
 */
export function cmsRepositoryProblem(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.CONTEXT || env.CONTEXT === 'dev') return undefined;
  if ((env.PUBLIC_CMS_BACKEND ?? 'github') !== 'github' || env.PUBLIC_CMS_REPO?.trim()) return undefined;
  return 'PUBLIC_CMS_REPO is not set: the CMS at /admin/ needs the repository it edits, as owner/name (Netlify → Site configuration → Environment variables, for builds). See docs/operating.md, "The CMS in production".';
}

export function cmsRepositoryNamed(): AstroIntegration {
  return {
    name: 'restorative-gloucestershire:cms-repository',
    hooks: {
      'astro:config:setup': () => {
        const problem = cmsRepositoryProblem(process.env);
        if (problem) throw new Error(problem);
      },
    },
  };
}
