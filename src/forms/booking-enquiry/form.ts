/**
 * Asking for a place on a course or event. It asks only what a reply needs: who, how to
 * reply, which event and how many places. A place is not booked until staff confirm it.
 * Read by the /training-and-events/ enquiry pages, their browser script and the functions
 * (whose settings for it are in functions/forms/booking-enquiry.ts).
 */
import { emailField, fullNameField, phoneField } from '../builders.ts';
import { defineForm } from '../definition.ts';

export const bookingEnquiryForm = defineForm({
  id: 'booking-enquiry',
  pagePath: '/training-and-events/enquire/',
  title: 'Ask about a place',
  sendLabel: 'Send enquiry',
  noun: 'enquiry',
  sentTitle: 'Enquiry sent',
  timeToComplete: 'It takes about 2 minutes. You can check your answers before you send them.',
  privacyPurpose: 'reply to your enquiry and, if you take a place, to arrange it',
  nextSteps: [
    'We will reply by email within 5 working days to say whether there is a place for you.',
    'Your place is not booked until we confirm it. If the event is full, we can put you on a waiting list or tell you about the next one.',
  ],
  readNext: [{ href: '/training-and-events/', text: 'All our courses and events' }],
  sections: [
    {
      id: 'event',
      heading: 'The course or event',
      fields: [
        {
          kind: 'text',
          name: 'event',
          label: 'Which course or event?',
          hint: 'Its name and date, as on our website.',
          summaryLabel: 'Course or event',
          maxLength: 200,
          messages: {
            required: 'Enter the course or event you are asking about',
            tooLong: 'Course or event must be 200 characters or fewer',
          },
        },
        {
          kind: 'radios',
          name: 'places',
          label: 'How many places would you like?',
          summaryLabel: 'Places',
          options: [
            { value: '1', label: '1' },
            { value: '2', label: '2' },
            { value: '3', label: '3' },
            { value: '4-or-more', label: '4 or more' },
          ],
          messages: { required: 'Select how many places you would like' },
        },
      ],
    },
    {
      id: 'you',
      heading: 'About you',
      fields: [
        fullNameField(),
        emailField({ hint: 'We will reply to this address.' }),
        phoneField({ optional: true }),
        {
          kind: 'text',
          name: 'organisation',
          label: 'Organisation',
          hint: 'If you are coming for work, for example a school, a police team or a care home.',
          optional: true,
          autocomplete: 'organization',
          maxLength: 120,
          messages: { tooLong: 'Organisation must be 120 characters or fewer' },
        },
        {
          kind: 'textarea',
          name: 'accessNeeds',
          label: 'Is there anything that would help you take part?',
          hint: 'For example, step-free access, a hearing loop, or large print.',
          summaryLabel: 'Help to take part',
          optional: true,
          rows: 3,
          maxLength: 500,
          messages: { tooLong: 'Help to take part must be 500 characters or fewer' },
        },
        {
          kind: 'textarea',
          name: 'message',
          label: 'Anything else you want to ask?',
          summaryLabel: 'Question',
          optional: true,
          rows: 3,
          maxLength: 1000,
          messages: { tooLong: 'Your question must be 1,000 characters or fewer' },
        },
      ],
    },
  ],
});

export default bookingEnquiryForm;
