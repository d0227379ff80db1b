import type { Config } from '@netlify/functions';
import { handleCmsAuth } from './cms-auth/oauth.ts';

/**
 * GitHub login for the CMS, for organisations that do not use Netlify Identity:
 * /api/cms-auth starts the OAuth flow, /api/cms-auth/callback finishes it and hands the
 * token to the CMS window. Needs GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET.
 */
export default (request: Request) => handleCmsAuth(request);

export const config: Config = {
  path: ['/api/cms-auth', '/api/cms-auth/callback'],
  rateLimit: { windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
