import type { Config, Context } from '@netlify/functions';
import { volunteerApplicationForm } from '../src/forms/volunteer-application.ts';
import { createConfirmationHandler, createSubmissionHandler } from './submissions/handler.ts';

const submit = createSubmissionHandler(volunteerApplicationForm);
const confirmation = createConfirmationHandler(volunteerApplicationForm);

export default async (request: Request, context: Context) =>
  new URL(request.url).pathname.startsWith(volunteerApplicationForm.endpoint)
    ? submit(request, context)
    : confirmation(request);

export const config: Config = {
  // Literal strings: Netlify reads this config without running the code (a test checks they match the form).
  // No trailing slash: Netlify matches a function path with or without one.
  path: ['/api/volunteer-application', '/volunteer/apply/confirmation'],
  rateLimit: { windowLimit: 10, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
