import type { Config } from '@netlify/functions';
import { handleCmsAuth } from './cms-auth/oauth.ts';
import { withSecurityHeaders } from '../src/lib/security-headers.ts';

/**
 * GitHub login for the CMS, for organisations that do not use Netlify Identity:
 * /api/cms-auth starts the OAuth flow, /api/cms-auth/callback finishes it and hands the
 * token to the CMS window. Needs GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET.
 */
export default async (request: Request) => {
  try {
    return await handleCmsAuth(request);
  } catch {
    // No stack trace, no detail: the login window says to try again.
    return new Response('The login could not be completed. Close this window and try again.', {
      status: 503,
      headers: withSecurityHeaders({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }),
    });
  }
};

export const config: Config = {
  path: ['/api/cms-auth', '/api/cms-auth/callback'],
  rateLimit: { windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
