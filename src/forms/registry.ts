/**
 * Every form the site has, by id: the one list the pages, the browser script and the
 * functions read. A new form is a new module added here, and content for its page.
 */
import { bookingEnquiryForm } from './booking-enquiry.ts';
import type { FormDefinition } from './definition.ts';
import { feedbackForm } from './feedback.ts';
import { referralForm } from './referral.ts';
import { volunteerApplicationForm } from './volunteer-application.ts';

export const FORMS: Readonly<Record<string, FormDefinition>> = Object.fromEntries(
  [referralForm, volunteerApplicationForm, bookingEnquiryForm, feedbackForm].map((form) => [form.id, form]),
);
