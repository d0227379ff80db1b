import type { Config, Context } from '@netlify/functions';
import { FORMS } from '../src/forms/registry.ts';
import { serveForms } from './submissions/handler.ts';

/**
 * Every form whose module gives it the shared addresses (`/api/forms/<id>` to post to,
 * `/forms/<id>/sent/` for its confirmation): a new form needs its module and its page's
 * content, and no function of its own.
 */
const serve = serveForms(FORMS);

export default async (request: Request, context: Context) => serve(request, context);

export const config: Config = {
  // Literal patterns: Netlify reads this config without running the code.
  path: ['/api/forms/:form', '/forms/:form/sent'],
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
