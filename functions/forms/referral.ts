/** The referral as only the server knows it: see src/forms/referral/form.ts for its questions. */
import referralForm, { AUDIENCE_FIELD, OTHER_ANSWERS, SELF_ANSWERS } from '../../src/forms/referral/form.ts';
import { defineServerForm } from './definition.ts';

export default defineServerForm(referralForm, {
  inbox: 'REFERRAL_INBOX',
  staffSubject: 'New referral',
  staffNote: 'Contact the person only in the ways and at the times given as safe.',
  staffWords: {
    referrer: 'The person making the referral',
    referrerName: 'Referrer’s name',
    relationship: 'How they know the person',
    role: 'Referrer’s role',
    ownReference: 'Referrer’s own reference',
    referrerPhone: 'Referrer’s phone',
    referrerEmail: 'Referrer’s email',
    referrerEmailConfirmation: 'Confirmation emailed to the referrer',
    person: 'The person who would take part',
    fullName: 'Name',
    phone: 'Phone',
    email: 'Email',
    safeTimes: 'Safe times to contact',
    emailConfirmation: 'Confirmation emailed',
    accessNeeds: 'What would help them take part',
    // Choices, as `question=answer`: who the referral is for, and how to reach them.
    'referralFor=harmed': 'The person harmed, for themself',
    'referralFor=responsible': 'The person who caused harm, for themself',
    'referralFor=supporter': 'Someone the referrer cares for or supports',
    'referralFor=professional': 'Someone the referrer works with, as a professional',
    'emailConfirmation=yes': 'Yes, it is safe to email them',
    'contactMethods=through-referrer': 'Through the referrer',
  },
  // Safety first: how and when to make contact, and whether a message may be left, then what is
  // known of risk, then what the person needs; each listed once, at the top.
  actFirst: [
    { heading: 'Contacting them safely', fields: ['contactMethods', 'phone', 'email', 'safeTimes', 'leaveMessage'] },
    { heading: 'Known risks', fields: ['knownRisks'] },
    { heading: 'Needs to take part', fields: ['accessNeeds', 'interpreterLanguage', 'supportNeeds'] },
  ],
  subjectRoute: {
    field: AUDIENCE_FIELD,
    words: {
      harmed: 'from the person harmed',
      responsible: 'from the person responsible',
      supporter: 'from a supporter',
      professional: 'from a professional',
    },
  },
  // Someone referring another person is confirmed at their own address, never at the address
  // of the person referred (who may not know yet, or may share it with someone who harms them).
  confirmation: [
    {
      when: { field: AUDIENCE_FIELD, oneOf: OTHER_ANSWERS },
      address: 'referrerEmail',
      consent: { field: 'referrerEmailConfirmation', value: 'yes' },
    },
    {
      when: { field: AUDIENCE_FIELD, oneOf: SELF_ANSWERS },
      address: 'email',
      consent: { field: 'emailConfirmation', value: 'yes' },
    },
  ],
  // A professional's own case reference, in their confirmation beside ours.
  echoes: { field: 'ownReference', label: 'Your own reference' },
  delivery: 'immediate',
  formerAddresses: { endpoint: '/api/referral', confirmationPath: '/refer/confirmation/' },
});
