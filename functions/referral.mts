import type { Config, Context } from '@netlify/functions';
import { referralForm } from '../src/forms/referral.ts';
import { createConfirmationHandler, createSubmissionHandler } from './submissions/handler.ts';

const submit = createSubmissionHandler(referralForm);
const confirmation = createConfirmationHandler(referralForm);

export default async (request: Request, context: Context) =>
  new URL(request.url).pathname.startsWith(referralForm.endpoint) ? submit(request, context) : confirmation(request);

export const config: Config = {
  // Literal strings: Netlify reads this config without running the code (a test checks they match the form).
  // No trailing slash: Netlify matches a function path with or without one.
  path: ['/api/referral', '/refer/confirmation'],
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
