import type { Config, Context } from '@netlify/functions';
import { SERVER_FORMS } from './forms/registry.ts';
import { serveForms } from './intake/routes.ts';

/**
 * Every form, at the shared addresses (`/api/forms/<id>` to post to, `/forms/<id>/sent/` for
 * its confirmation) and at the former addresses its settings keep (functions/forms/<id>.ts).
 */
const serve = serveForms(SERVER_FORMS);

export default async (request: Request, context: Context) => serve(request, context);

export const config: Config = {
  // Literal strings: Netlify reads this config without running the code. A test checks they
  // cover every form's addresses. No trailing slash: Netlify matches a path with or without one.
  path: [
    '/api/forms/:form',
    '/forms/:form/sent',
    '/api/referral',
    '/refer/confirmation',
    '/api/volunteer-application',
    '/volunteer/apply/confirmation',
  ],
  // Over the limit, Netlify rewrites the post to this function's TOO_MANY_PATH (functions/intake/
  // too-many.ts), a calm page with the phone number; the local runtime does the same.
  rateLimit: {
    windowLimit: 20,
    windowSize: 60,
    aggregateBy: ['ip', 'domain'],
    action: 'rewrite',
    to: '/api/forms/too-many-requests',
  },
};
