/**
 * Every form the functions serve, by id, with what only the server knows of it. A line per form:
 * Netlify's function bundler (esbuild) cannot find modules by a pattern, so they are listed here.
 * A test checks this list and the site's (src/forms/registry.ts) name the same forms.
 */
import bookingEnquiry from './booking-enquiry.ts';
import type { ServerForm } from './definition.ts';
import feedback from './feedback.ts';
import referral from './referral.ts';
import volunteerApplication from './volunteer-application.ts';

export const SERVER_FORMS: Readonly<Record<string, ServerForm>> = Object.fromEntries(
  [referral, volunteerApplication, bookingEnquiry, feedback].map((form) => [form.id, form]),
);
