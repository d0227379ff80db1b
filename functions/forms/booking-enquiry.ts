/** The booking enquiry as only the server knows it: see src/forms/booking-enquiry/form.ts. */
import bookingEnquiryForm from '../../src/forms/booking-enquiry/form.ts';
import { defineServerForm } from './definition.ts';

export default defineServerForm(bookingEnquiryForm, {
  inbox: 'BOOKING_INBOX',
  staffSubject: 'New booking enquiry',
  staffNote: 'Reply within 5 working days, by email, to say whether there is a place.',
  confirmation: [{ address: 'email' }],
  delivery: 'immediate',
});
