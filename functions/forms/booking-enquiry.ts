/** The booking enquiry as only the server knows it: see src/forms/booking-enquiry/form.ts. */
import bookingEnquiryForm from '../../src/forms/booking-enquiry/form.ts';
import { logEvent } from '../settings/log.ts';
import { bookingProblem } from './bookable.ts';
import { defineServerForm } from './definition.ts';

export default defineServerForm(bookingEnquiryForm, {
  inbox: 'BOOKING_INBOX',
  staffSubject: 'New booking enquiry',
  staffNote: 'Reply within 5 working days, by email, to say whether there is a place.',
  // The confirmation names the course: "your enquiry for Restorative practice for schools, …".
  confirms: 'event',
  confirmation: [{ address: 'email' }],
  delivery: 'immediate',
  // The event must be one the site lists and still to come.
  check(values, { now, bookable }) {
    const list = bookable();
    if (!list) logEvent({ form: 'booking-enquiry', outcome: 'events-list-missing' }, 'error');
    const problem = bookingProblem(values, list, now);
    const errors: Record<string, string> = {};
    if (problem) errors.event = problem;
    return errors;
  },
});
