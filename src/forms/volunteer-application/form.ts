/**
 * The volunteer facilitator application. No question about convictions: a background
 * check comes at the offer stage. Equality questions are optional and kept apart.
 * Read by /volunteer/apply/, its browser script and the functions
 * (settings in functions/forms/volunteer-application.ts).
 */
import { emailField, fullNameField, phoneField, yesNo } from '../builders.ts';
import { defineForm } from '../definition.ts';
import type { Option } from '../fields.ts';

const PREFER_NOT: Option = { value: 'prefer-not-to-say', label: 'Prefer not to say' };

export const volunteerApplicationForm = defineForm({
  id: 'volunteer-application',
  pagePath: '/volunteer/apply/',
  title: 'Apply to volunteer',
  sendLabel: 'Send application',
  noun: 'application',
  sentTitle: 'Application sent',
  timeToComplete: 'It takes about 15 minutes. You can check your answers before you send them.',
  privacyPurpose: 'consider your application',
  nextSteps: [
    'We will read your application and contact you by email, usually within 10 working days.',
    'If we can offer you an interview, we will tell you what happens next, including the background check.',
    'Not all applications are accepted, because places are limited.',
  ],
  sections: [
    {
      id: 'about-you',
      heading: 'About you',
      fields: [
        fullNameField(),
        emailField({ hint: 'We will use this to contact you about your application.' }),
        phoneField(),
        {
          kind: 'postcode',
          name: 'postcode',
          label: 'Postcode',
          autocomplete: 'postal-code',
          spellcheck: false,
          width: 'short',
          maxLength: 10,
          messages: {
            required: 'Enter your postcode',
            tooLong: 'Postcode must be 10 characters or fewer',
            format: 'Enter a full UK postcode, like GL1 2AB',
          },
        },
        {
          kind: 'confirm',
          name: 'over18',
          label: 'Your age',
          statement: 'I am 18 or over',
          summaryLabel: '18 or over',
          messages: { required: 'Confirm that you are 18 or over' },
        },
      ],
    },
    {
      id: 'commitment',
      heading: 'Training and commitment',
      fields: [
        {
          kind: 'checkboxes',
          name: 'availability',
          label: 'When are you usually free to volunteer?',
          hint: 'Select all that apply. Cases often need to fit prison routines and probation appointments.',
          summaryLabel: 'Availability',
          options: [
            { value: 'weekday-daytime', label: 'Weekday daytimes' },
            { value: 'weekday-evenings', label: 'Weekday evenings' },
            { value: 'weekends', label: 'Weekends' },
          ],
          messages: { required: 'Select when you are usually free' },
        },
        {
          kind: 'radios',
          name: 'canAttendTraining',
          label: 'Can you attend all the core training dates?',
          hint: 'You need to attend all of them. The dates are under “Before you apply” above.',
          summaryLabel: 'Can attend all training dates',
          options: yesNo(),
          messages: { required: 'Select whether you can attend all the core training dates' },
        },
        {
          kind: 'confirm',
          name: 'commitment',
          label: 'Commitment',
          statement: 'I can commit to volunteering for one year after my training',
          summaryLabel: 'One-year commitment',
          messages: { required: 'Confirm that you can commit to one year after training' },
        },
        {
          kind: 'confirm',
          name: 'backgroundCheck',
          label: 'Background check',
          statement: 'If I am offered a place, I agree to a background check',
          summaryLabel: 'Agrees to a background check',
          messages: { required: 'Confirm that you agree to a background check if you are offered a place' },
        },
        {
          kind: 'radios',
          name: 'itComfort',
          label: 'How comfortable are you using IT?',
          hint: 'We use email, online forms and video calls a lot. Being willing to use them is essential; we can help you learn.',
          summaryLabel: 'Using IT',
          options: [
            { value: 'confident', label: 'Confident' },
            { value: 'willing', label: 'Willing to learn' },
            { value: 'not-willing', label: 'I would rather not use IT' },
          ],
          messages: { required: 'Select how comfortable you are using IT' },
        },
      ],
    },
    {
      id: 'you',
      heading: 'Your experience and reasons',
      fields: [
        {
          kind: 'textarea',
          name: 'experience',
          label: 'Tell us about any relevant experience',
          hint: 'Paid or unpaid. For example, listening, supporting people, mediation, or working with people in conflict.',
          summaryLabel: 'Relevant experience',
          rows: 5,
          maxLength: 1500,
          messages: {
            required: 'Tell us about any relevant experience',
            tooLong: 'Relevant experience must be 1,500 characters or fewer',
          },
        },
        {
          kind: 'textarea',
          name: 'motivation',
          label: 'Why do you want to volunteer with us?',
          summaryLabel: 'Why you want to volunteer',
          rows: 5,
          maxLength: 1500,
          messages: {
            required: 'Tell us why you want to volunteer with us',
            tooLong: 'Why you want to volunteer must be 1,500 characters or fewer',
          },
        },
        {
          kind: 'text',
          name: 'heardAbout',
          label: 'How did you hear about us?',
          summaryLabel: 'How you heard about us',
          optional: true,
          maxLength: 200,
          messages: { tooLong: 'How you heard about us must be 200 characters or fewer' },
        },
        {
          kind: 'confirm',
          name: 'consent',
          label: 'Your information',
          statement: 'I agree to Restorative Gloucestershire using my information to consider my application',
          summaryLabel: 'Agrees to us using the information',
          messages: { required: 'Confirm that you agree to us using your information to consider your application' },
        },
      ],
    },
    {
      id: 'equality',
      heading: 'Equality monitoring (optional)',
      checkNote:
        'These answers are not sent with your application. They are kept apart, with no name, and only counted.',
      intro: [
        'These questions help us check that we recruit fairly. Answering is up to you, and your answers are not used to decide on your application.',
        'Your answers to these questions are not sent with your application and are never seen by the people who choose volunteers. They are stored apart and encrypted, with no name, reference or time, only the month. Staff only ever see how many people gave each answer, never a number under five. Once counted, or after a year at most, your answers are deleted.',
      ],
      fields: [
        {
          kind: 'radios',
          name: 'ageGroup',
          label: 'Your age group',
          optional: true,
          separate: true,
          options: [
            { value: '18-24', label: '18 to 24' },
            { value: '25-44', label: '25 to 44' },
            { value: '45-64', label: '45 to 64' },
            { value: '65-plus', label: '65 or over' },
            PREFER_NOT,
          ],
          messages: {},
        },
        {
          // Choices, not free text: answers are only ever counted, and words of one's own could
          // identify the person.
          kind: 'radios',
          name: 'gender',
          label: 'Your gender',
          optional: true,
          separate: true,
          options: [
            { value: 'woman', label: 'Woman' },
            { value: 'man', label: 'Man' },
            { value: 'non-binary', label: 'Non-binary' },
            { value: 'another-way', label: 'I describe myself in another way' },
            PREFER_NOT,
          ],
          messages: {},
        },
        {
          kind: 'radios',
          name: 'ethnicity',
          label: 'Your ethnic group',
          optional: true,
          separate: true,
          options: [
            { value: 'asian', label: 'Asian or Asian British' },
            { value: 'black', label: 'Black, Black British, Caribbean or African' },
            { value: 'mixed', label: 'Mixed or multiple ethnic groups' },
            { value: 'white', label: 'White' },
            { value: 'other', label: 'Another ethnic group' },
            PREFER_NOT,
          ],
          messages: {},
        },
        {
          kind: 'radios',
          name: 'disability',
          label: 'Do you consider yourself to have a disability or long-term health condition?',
          summaryLabel: 'Disability or health condition',
          optional: true,
          separate: true,
          options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }, PREFER_NOT],
          messages: {},
        },
      ],
    },
  ],
});

export default volunteerApplicationForm;
