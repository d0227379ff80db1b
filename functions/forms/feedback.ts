/** Feedback as only the server knows it: see src/forms/feedback/form.ts. */
import feedbackForm from '../../src/forms/feedback/form.ts';
import { defineServerForm } from './definition.ts';

export default defineServerForm(feedbackForm, {
  inbox: 'FEEDBACK_INBOX',
  staffSubject: 'New feedback',
  staffNote: 'Anonymous unless the person gave a reference or asked for a reply. Do not try to work out who sent it.',
  staffWords: { role: 'How they took part', 'wantsReply=yes': 'Yes, by email' },
  anonymous: true,
  identicalOncePerDay: true,
  // Only someone who asked for a reply gives an address, and only they are answered.
  confirmation: [{ address: 'replyEmail', consent: { field: 'wantsReply', value: 'yes' } }],
  // Read together, at 09:00 UK time, three or more at a time or once a week: one feedback on a
  // quiet day, mailed the moment it came, would point to the person seen that morning.
  delivery: { digest: { hour: 9, atLeast: 3, orAfterDays: 7 } },
});
