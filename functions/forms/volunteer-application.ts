/** The volunteer application as only the server knows it: see src/forms/volunteer-application/form.ts. */
import volunteerApplicationForm from '../../src/forms/volunteer-application/form.ts';
import { defineServerForm } from './definition.ts';

export default defineServerForm(volunteerApplicationForm, {
  inbox: 'VOLUNTEER_INBOX',
  staffSubject: 'New volunteer application',
  staffNote:
    'Equality monitoring answers are never part of this email: they are kept apart, with no name or reference, and only counted.',
  // The applicant's questions and choices in staff's words.
  staffWords: {
    motivation: 'Why they want to volunteer',
    heardAbout: 'How they heard about us',
    'itComfort=not-willing': 'Would rather not use IT',
  },
  // Applicants give an email address to be contacted on, so a confirmation is always safe to send.
  confirmation: [{ address: 'email' }],
  delivery: 'immediate',
  formerAddresses: { endpoint: '/api/volunteer-application', confirmationPath: '/volunteer/apply/confirmation/' },
});
