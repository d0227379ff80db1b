interface ImportMetaEnv {
  /** Production CMS backend: "git-gateway" (default) or "github". */
  readonly PUBLIC_CMS_BACKEND?: string;
  /** owner/name of the repository, for the GitHub backend. */
  readonly PUBLIC_CMS_REPO?: string;
  readonly PUBLIC_CMS_BRANCH?: string;
}

declare module 'decap-cms-app';

declare module 'decap-server/dist/middlewares.js' {
  import type { Express } from 'express';
  const middlewares: { registerLocalFs(app: Express, options?: { logLevel?: string }): Promise<void> };
  export default middlewares;
}

declare module 'decap-cms-locales' {
  type Phrases = { [key: string]: string | Phrases };
  export const en: Phrases & { collection: Phrases & { collectionTop: Phrases } };
}
