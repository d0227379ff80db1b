/**
 * Feedback after taking part. Anonymous unless the person chooses otherwise: no name and no
 * contact details are asked for unless they want a reply, and a reference only if they want
 * their feedback linked to their case. Staff see the day it arrived, not the time, so that
 * timing cannot point to one person. Read by /feedback/, its browser script and
 * the functions (settings in functions/forms/feedback.ts).
 */
import { defineForm } from '../definition.ts';

const wantsReply = { field: 'wantsReply', oneOf: ['yes'] };

export const feedbackForm = defineForm({
  id: 'feedback',
  pagePath: '/feedback/',
  title: 'Tell us how it went',
  sendLabel: 'Send feedback',
  // Filled in by people harmed or at risk: nothing typed is kept by the browser (definition.ts).
  forgetAnswers: true,
  safetyLines: true,
  noun: 'feedback',
  sentTitle: 'Feedback sent',
  timeToComplete: 'It takes about 3 minutes. Every question is up to you but the first.',
  privacyPurpose: 'improve our service, and to reply to you if you ask us to',
  nextSteps: [
    'Thank you. We read all feedback and use it to improve how we work.',
    'Staff read feedback in a batch in the morning, once three or more have come in, or after a week. So nobody can tell when yours was sent: staff see the day it came, never the time.',
    'If you asked for a reply, we will reply within 10 working days. If you want to make a complaint, read how to complain.',
  ],
  readNext: [{ href: '/restorative-processes/how-to-complain/', text: 'How to complain' }],
  sections: [
    {
      id: 'experience',
      heading: 'Your experience',
      fields: [
        {
          kind: 'radios',
          name: 'overall',
          label: 'Overall, how did you find taking part?',
          summaryLabel: 'Overall',
          options: [
            { value: 'very-good', label: 'Very good' },
            { value: 'good', label: 'Good' },
            { value: 'neither', label: 'Neither good nor poor' },
            { value: 'poor', label: 'Poor' },
            { value: 'very-poor', label: 'Very poor' },
          ],
          messages: { required: 'Select how you found taking part' },
        },
        {
          kind: 'radios',
          name: 'role',
          label: 'How did you take part?',
          summaryLabel: 'How you took part',
          optional: true,
          options: [
            { value: 'harmed', label: 'As someone who was harmed' },
            { value: 'responsible', label: 'As someone who caused harm' },
            { value: 'supporter', label: 'Supporting someone who took part' },
            { value: 'professional', label: 'As a professional' },
            { value: 'prefer-not-to-say', label: 'Prefer not to say' },
          ],
          messages: {},
        },
        {
          kind: 'radios',
          name: 'feltSafe',
          label: 'Did you feel safe and listened to?',
          summaryLabel: 'Felt safe and listened to',
          optional: true,
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'partly', label: 'Partly' },
            { value: 'no', label: 'No' },
          ],
          messages: {},
        },
        {
          kind: 'textarea',
          name: 'whatHelped',
          label: 'What helped?',
          hint: 'There is no need to name anyone.',
          optional: true,
          rows: 4,
          maxLength: 1500,
          messages: { tooLong: 'What helped must be 1,500 characters or fewer' },
        },
        {
          kind: 'textarea',
          name: 'couldBeBetter',
          label: 'What could we do better?',
          optional: true,
          rows: 4,
          maxLength: 1500,
          messages: { tooLong: 'What we could do better must be 1,500 characters or fewer' },
        },
      ],
    },
    {
      id: 'reply',
      heading: 'If you want us to know who you are',
      intro: ['Only if you want to. Feedback without these is anonymous.'],
      fields: [
        {
          kind: 'text',
          name: 'reference',
          label: 'Your reference number',
          hint: 'Only if you want this feedback linked to your case. It looks like RG-7Q2K-M9XD.',
          summaryLabel: 'Reference',
          optional: true,
          spellcheck: false,
          width: 'medium',
          maxLength: 20,
          messages: { tooLong: 'Reference number must be 20 characters or fewer' },
        },
        {
          kind: 'radios',
          name: 'wantsReply',
          label: 'Would you like a reply?',
          summaryLabel: 'Wants a reply',
          optional: true,
          options: [
            { value: 'yes', label: 'Yes, reply to me by email' },
            { value: 'no', label: 'No' },
          ],
          messages: {},
        },
        {
          kind: 'text',
          name: 'replyName',
          label: 'Your name',
          summaryLabel: 'Name',
          optional: true,
          when: wantsReply,
          autocomplete: 'name',
          spellcheck: false,
          maxLength: 100,
          messages: { tooLong: 'Your name must be 100 characters or fewer' },
        },
        {
          kind: 'email',
          name: 'replyEmail',
          label: 'Email address for the reply',
          summaryLabel: 'Reply to',
          when: wantsReply,
          autocomplete: 'email',
          spellcheck: false,
          maxLength: 254,
          messages: {
            required: 'Enter the email address we should reply to',
            tooLong: 'Email address must be 254 characters or fewer',
            format: 'Enter an email address in the correct format, like name@example.com',
          },
        },
      ],
    },
  ],
});

export default feedbackForm;
