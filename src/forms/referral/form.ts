/**
 * The referral form: only what first contact needs. Details of the other person involved
 * are never asked for. The first question, "Who is this referral for?", sets the wording of
 * every later one: a parent or a probation officer is never asked "How can we contact you
 * safely?" when it is the person they refer whom we will contact. Read by the /refer/ pages,
 * their browser script and the functions (settings in functions/forms/referral.ts).
 */
import type { ChoiceField, Condition } from '../fields.ts';
import { yesNo } from '../builders.ts';
import { defineForm } from '../definition.ts';

export const AUDIENCE_FIELD = 'referralFor';
export const SELF_ANSWERS = ['harmed', 'responsible'];
export const OTHER_ANSWERS = ['supporter', 'professional'];

const forSelf: Condition = { field: AUDIENCE_FIELD, oneOf: SELF_ANSWERS };
const forOther: Condition = { field: AUDIENCE_FIELD, oneOf: OTHER_ANSWERS };
const forProfessional: Condition = { field: AUDIENCE_FIELD, oneOf: ['professional'] };
const forSupporter: Condition = { field: AUDIENCE_FIELD, oneOf: ['supporter'] };
const byEmail: Condition = { field: 'contactMethods', oneOf: ['email'] };
const underEighteen: Condition = { field: 'ageBand', oneOf: ['under-18'] };
const notSure = { value: 'not-sure', label: 'Not sure' };
const byPhone: Condition = { field: 'contactMethods', oneOf: ['phone'] };

const referralFor: ChoiceField = {
  kind: 'radios',
  name: AUDIENCE_FIELD,
  label: 'Who is this referral for?',
  summaryLabel: 'Who the referral is for',
  options: [
    { value: 'harmed', label: 'Me: I was harmed' },
    { value: 'responsible', label: 'Me: I caused harm and want to put it right' },
    {
      value: 'supporter',
      label: 'Someone I care for or support',
      hint: 'For example, your child, your partner or someone you care for. They must agree to it.',
    },
    {
      value: 'professional',
      label: 'Someone I work with, as a professional',
      hint: 'For example, as a police officer, probation officer, teacher or care home manager. They must agree to it.',
    },
  ],
  messages: { required: 'Select who this referral is for' },
};

export const SETTINGS = [
  { value: 'crime', label: 'A crime' },
  { value: 'prison-probation', label: 'Someone in prison or on probation' },
  { value: 'neighbours', label: 'Neighbours or the community' },
  { value: 'school', label: 'A school or children’s home' },
  { value: 'care-home', label: 'A care home' },
  { value: 'workplace', label: 'A workplace' },
  { value: 'other', label: 'Something else' },
];

const phoneFormat = 'like 01632 960 001 or 07700 900 982';
const emailFormat = 'in the correct format, like name@example.com';

export const referralForm = defineForm({
  id: 'referral',
  pagePath: '/refer/',
  title: 'Make a referral',
  sendLabel: 'Send referral',
  // Filled in by people harmed or at risk: nothing typed is kept by the browser (definition.ts).
  forgetAnswers: true,
  safetyLines: true,
  noun: 'referral',
  sentTitle: 'Referral sent',
  timeToComplete: 'It takes about 5 minutes. You can check your answers before you send them.',
  privacyPurpose: 'respond to this referral',
  nextSteps: [
    {
      self: 'A trained facilitator will contact you, in the way and at the time you said is safe, usually within 5 working days.',
      other:
        'A trained facilitator will contact the person you referred, in the way and at the time given as safe, usually within 5 working days. We may contact you first if we need to check anything.',
    },
    {
      self: 'They will listen, explain how it works and check whether it is safe to go ahead.',
      other: 'The facilitator will listen to them, explain how it works and check whether it is safe to go ahead.',
    },
    {
      self: 'Taking part is your choice. Nothing happens without your agreement, and you can stop at any time.',
      other: 'Taking part is their choice. Nothing happens without their agreement, and they can stop at any time.',
    },
  ],
  readNext: [
    {
      href: '/restorative-processes/how-it-works/',
      text: 'What happens next, step by step',
    },
    { href: '/restorative-processes/easy-read/', text: 'Restorative justice in easy read' },
  ],
  audience: {
    field: referralFor,
    others: OTHER_ANSWERS,
    paths: {
      harmed: '/refer/i-was-harmed/',
      responsible: '/refer/i-caused-harm/',
      supporter: '/refer/someone-i-support/',
      professional: '/refer/as-a-professional/',
    },
    captions: {
      harmed: 'For yourself, as someone who was harmed',
      responsible: 'For yourself, as someone who caused harm',
      supporter: 'For someone you care for or support',
      professional: 'For someone you work with, as a professional',
    },
  },
  sections: [
    {
      id: 'referrer',
      heading: { self: 'About you', other: 'About you' },
      intro: ['So we can contact you about this referral if we need to.'],
      when: forOther,
      fields: [
        {
          kind: 'text',
          name: 'referrerName',
          label: 'Your full name',
          summaryLabel: { self: 'Your name', other: 'Your name' },
          autocomplete: 'name',
          spellcheck: false,
          maxLength: 100,
          messages: { required: 'Enter your full name', tooLong: 'Your full name must be 100 characters or fewer' },
        },
        {
          kind: 'text',
          name: 'relationship',
          label: 'How do you know them?',
          hint: 'For example, parent, partner, friend or carer.',
          summaryLabel: { self: 'How you know them', other: 'How you know them' },
          optional: true,
          when: forSupporter,
          maxLength: 100,
          messages: { tooLong: 'How you know them must be 100 characters or fewer' },
        },
        {
          kind: 'text',
          name: 'organisation',
          label: 'Your organisation',
          hint: 'For example, Gloucestershire Constabulary, a school or a probation office.',
          summaryLabel: 'Organisation',
          when: forProfessional,
          autocomplete: 'organization',
          maxLength: 120,
          messages: { required: 'Enter your organisation', tooLong: 'Organisation must be 120 characters or fewer' },
        },
        {
          kind: 'text',
          name: 'role',
          label: 'Your role',
          summaryLabel: { self: 'Your role', other: 'Your role' },
          when: forProfessional,
          autocomplete: 'organization-title',
          maxLength: 100,
          messages: { required: 'Enter your role', tooLong: 'Your role must be 100 characters or fewer' },
        },
        {
          kind: 'text',
          name: 'ownReference',
          label: 'Your own reference for this case',
          hint: 'For example, a crime or case number. We put it in your confirmation email, so you can match it to your records.',
          summaryLabel: 'Your own reference',
          optional: true,
          when: forProfessional,
          spellcheck: false,
          maxLength: 50,
          messages: { tooLong: 'Your own reference must be 50 characters or fewer' },
        },
        {
          kind: 'tel',
          name: 'referrerPhone',
          label: 'Your phone number',
          summaryLabel: { self: 'Your phone number', other: 'Your phone number' },
          hint: { self: '', other: '', professional: 'A work number.', supporter: '' },
          autocomplete: 'tel',
          width: 'medium',
          maxLength: 30,
          messages: {
            required: 'Enter your phone number',
            tooLong: 'Your phone number must be 30 characters or fewer',
            format: `Enter your phone number, ${phoneFormat}`,
          },
        },
        {
          kind: 'email',
          name: 'referrerEmail',
          label: 'Your email address',
          summaryLabel: { self: 'Your email address', other: 'Your email address' },
          hint: { self: '', other: '', professional: 'A work email address.', supporter: '' },
          autocomplete: 'email',
          spellcheck: false,
          maxLength: 254,
          messages: {
            required: 'Enter your email address',
            tooLong: 'Your email address must be 254 characters or fewer',
            format: `Enter your email address ${emailFormat}`,
          },
        },
        {
          kind: 'radios',
          name: 'referrerEmailConfirmation',
          label: 'Can we email you a confirmation with the reference number?',
          summaryLabel: {
            self: 'Email you a confirmation',
            other: 'Email you a confirmation',
          },
          options: yesNo(),
          messages: { required: 'Select whether we can email you a confirmation' },
        },
      ],
    },
    {
      id: 'person',
      heading: { self: 'About you', other: 'The person being referred' },
      intro: [{ self: '', other: 'Answer these questions about them.' }],
      fields: [
        {
          kind: 'text',
          name: 'fullName',
          label: { self: 'Your full name', other: 'Their full name' },
          summaryLabel: { self: 'Your name', other: 'Their name' },
          autocomplete: { self: 'name', other: 'off' },
          spellcheck: false,
          maxLength: 100,
          messages: {
            required: { self: 'Enter your full name', other: 'Enter their full name' },
            tooLong: {
              self: 'Your full name must be 100 characters or fewer',
              other: 'Their full name must be 100 characters or fewer',
            },
          },
        },
        {
          kind: 'radios',
          name: 'personRole',
          label: 'Were they harmed, or did they cause the harm?',
          summaryLabel: 'Harmed or caused harm',
          when: forOther,
          options: [
            { value: 'harmed', label: 'They were harmed' },
            { value: 'responsible', label: 'They caused harm' },
            { value: 'not-sure', label: 'Both, or not sure' },
          ],
          messages: { required: 'Select whether they were harmed or caused the harm' },
        },
        {
          kind: 'radios',
          name: 'ageBand',
          label: { self: 'How old are you?', other: 'How old are they?' },
          summaryLabel: 'Age',
          optional: true,
          options: [
            { value: 'under-18', label: 'Under 18' },
            { value: 'adult', label: '18 or over' },
          ],
          messages: {},
        },
        {
          // Asked, never required: a young person may take part with their own agreement, and a
          // parent may be the person causing harm. Whatever the answer, the referral goes on.
          kind: 'radios',
          name: 'parentKnows',
          label: 'Does a parent or carer know about this referral?',
          hint: {
            self: 'You can make a referral whatever the answer. We talk with you about who else should be involved.',
            other: 'The referral goes ahead whatever the answer. We talk with them about who else should be involved.',
          },
          summaryLabel: 'A parent or carer knows',
          optional: true,
          when: underEighteen,
          options: [...yesNo(), notSure],
          messages: {},
        },
        {
          kind: 'radios',
          name: 'inArea',
          label: {
            self: 'Do you live in Gloucestershire, or did it happen here?',
            other: 'Do they live in Gloucestershire, or did it happen here?',
          },
          hint: {
            self: 'We work in Gloucestershire. If you do not live here, we can say who to contact where you live.',
            other: 'We work in Gloucestershire. If they do not live here, we can say who to contact where they live.',
          },
          summaryLabel: 'In Gloucestershire',
          optional: true,
          options: [...yesNo(), notSure],
          messages: {},
        },
        {
          kind: 'checkboxes',
          name: 'contactMethods',
          label: { self: 'How can we contact you safely?', other: 'How can we contact them safely?' },
          hint: 'Select all that are safe.',
          summaryLabel: 'Safe ways to contact',
          options: [
            { value: 'phone', label: 'Phone' },
            { value: 'email', label: 'Email' },
            {
              value: 'through-referrer',
              label: 'Through me',
              hint: 'We get in touch with them through the person making this referral.',
              only: 'other',
            },
          ],
          messages: {
            required: { self: 'Select how we can contact you safely', other: 'Select how we can contact them safely' },
          },
        },
        {
          kind: 'tel',
          name: 'phone',
          label: { self: 'Your phone number', other: 'Their phone number' },
          when: byPhone,
          autocomplete: { self: 'tel', other: 'off' },
          width: 'medium',
          maxLength: 30,
          messages: {
            required: { self: 'Enter your phone number', other: 'Enter their phone number' },
            tooLong: {
              self: 'Your phone number must be 30 characters or fewer',
              other: 'Their phone number must be 30 characters or fewer',
            },
            format: {
              self: `Enter your phone number, ${phoneFormat}`,
              other: `Enter their phone number, ${phoneFormat}`,
            },
          },
        },
        {
          kind: 'email',
          name: 'email',
          label: { self: 'Your email address', other: 'Their email address' },
          when: byEmail,
          autocomplete: { self: 'email', other: 'off' },
          spellcheck: false,
          maxLength: 254,
          messages: {
            required: { self: 'Enter your email address', other: 'Enter their email address' },
            tooLong: {
              self: 'Your email address must be 254 characters or fewer',
              other: 'Their email address must be 254 characters or fewer',
            },
            format: {
              self: `Enter your email address ${emailFormat}`,
              other: `Enter their email address ${emailFormat}`,
            },
          },
        },
        {
          kind: 'textarea',
          name: 'safeTimes',
          label: { self: 'When is it safe to contact you?', other: 'When is it safe to contact them?' },
          hint: 'For example, weekday mornings, or not when a partner is at home.',
          summaryLabel: 'Safe times',
          optional: true,
          rows: 2,
          maxLength: 300,
          messages: {
            tooLong: {
              self: 'When it is safe to contact you must be 300 characters or fewer',
              other: 'When it is safe to contact them must be 300 characters or fewer',
            },
          },
        },
        {
          kind: 'radios',
          name: 'leaveMessage',
          label: { self: 'Can we leave you a message?', other: 'Can we leave them a message?' },
          hint: 'For example, a voicemail, or a text saying who we are.',
          summaryLabel: 'Can we leave a message',
          options: yesNo(),
          messages: { required: 'Select whether we can leave a message' },
        },
        {
          kind: 'radios',
          name: 'emailConfirmation',
          label: 'Can we email you a confirmation with the reference number?',
          hint: 'Say no if someone else may read your emails.',
          summaryLabel: {
            self: 'Email you a confirmation',
            other: 'Email you a confirmation',
          },
          when: [forSelf, byEmail],
          options: [
            { value: 'yes', label: 'Yes, it is safe to email me' },
            { value: 'no', label: 'No' },
          ],
          messages: { required: 'Select whether we can email you a confirmation' },
        },
      ],
    },
    {
      id: 'what-happened',
      heading: 'What happened',
      fields: [
        {
          kind: 'radios',
          name: 'setting',
          label: 'What is it about?',
          summaryLabel: 'What it is about',
          options: SETTINGS,
          messages: { required: 'Select what it is about' },
        },
        {
          kind: 'textarea',
          name: 'description',
          label: 'What happened, briefly',
          hint: {
            self: 'A few sentences is enough. You do not need to name anyone else. You can tell the facilitator more later.',
            other:
              'A few sentences is enough. There is no need to name anyone else. They can tell the facilitator more later.',
          },
          summaryLabel: 'What happened',
          optional: true,
          rows: 5,
          maxLength: 1000,
          messages: { tooLong: 'What happened must be 1,000 characters or fewer' },
        },
        {
          kind: 'radios',
          name: 'reportedToPolice',
          label: 'Was it reported to the police?',
          summaryLabel: 'Reported to the police',
          optional: true,
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
            { value: 'not-sure', label: 'Not sure' },
          ],
          messages: {},
        },
        {
          kind: 'text',
          name: 'crimeReference',
          label: 'Crime reference number',
          hint: {
            self: 'If you have one. You can find it on letters or texts from the police.',
            other: 'If there is one. It is on letters or texts from the police.',
          },
          optional: true,
          spellcheck: false,
          width: 'medium',
          maxLength: 50,
          messages: { tooLong: 'Crime reference number must be 50 characters or fewer' },
        },
      ],
    },
    {
      id: 'support',
      heading: 'Support to take part',
      fields: [
        {
          kind: 'checkboxes',
          name: 'accessNeeds',
          label: { self: 'Would any of these help you take part?', other: 'Would any of these help them take part?' },
          hint: 'Select all that apply.',
          summaryLabel: 'Access needs',
          optional: true,
          options: [
            { value: 'interpreter', label: 'An interpreter' },
            { value: 'bsl', label: 'A British Sign Language (BSL) interpreter' },
            { value: 'easy-read', label: 'Easy read information' },
            { value: 'large-print', label: 'Large print' },
            { value: 'other', label: 'Other support' },
          ],
          messages: {},
        },
        {
          kind: 'text',
          name: 'interpreterLanguage',
          label: 'Which language?',
          summaryLabel: 'Interpreter language',
          when: { field: 'accessNeeds', oneOf: ['interpreter'] },
          width: 'medium',
          maxLength: 60,
          messages: {
            required: 'Enter the language the interpreter should speak',
            tooLong: 'Language must be 60 characters or fewer',
          },
        },
        {
          kind: 'textarea',
          name: 'supportNeeds',
          label: {
            self: 'Anything else that would help you take part?',
            other: 'Anything else that would help them take part?',
          },
          hint: {
            self: 'For example, step-free access, someone to come with you, or times that suit you.',
            other: 'For example, step-free access, someone to come with them, or times that suit them.',
          },
          summaryLabel: 'Other support',
          optional: true,
          rows: 3,
          maxLength: 500,
          messages: { tooLong: 'Other support must be 500 characters or fewer' },
        },
      ],
    },
    {
      id: 'agreement',
      heading: 'Their agreement and safety',
      when: forOther,
      fields: [
        {
          kind: 'confirm',
          name: 'consentConfirmed',
          label: 'Their agreement',
          statement: 'The person has agreed to this referral and to us contacting them',
          summaryLabel: 'The person agreed',
          messages: { required: 'Confirm that the person has agreed to this referral' },
        },
        {
          kind: 'textarea',
          name: 'knownRisks',
          label: 'Risks we should know about',
          hint: 'Anything that could affect the safety of the person, the other people involved or our facilitator.',
          summaryLabel: 'Known risks',
          optional: true,
          rows: 3,
          maxLength: 1000,
          messages: { tooLong: 'Risks must be 1,000 characters or fewer' },
        },
      ],
    },
  ],
});

export default referralForm;
