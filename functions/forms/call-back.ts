/**
 * Ask us to call you back, as only the server knows it (questions: src/forms/call-back/questions.ts):
 * one form a language, each read by staff in English with the language first, so that an
 * interpreter is booked before anyone calls. A new language is its module in
 * src/forms/call-back/ and a line here (a test checks the two lists agree).
 */
import arabic from '../../src/forms/call-back/form.ar.ts';
import polish from '../../src/forms/call-back/form.pl.ts';
import portuguese from '../../src/forms/call-back/form.pt.ts';
import punjabi from '../../src/forms/call-back/form.pa.ts';
import romanian from '../../src/forms/call-back/form.ro.ts';
import urdu from '../../src/forms/call-back/form.ur.ts';
import type { FormDefinition } from '../../src/forms/definition.ts';
import { defineServerForm, type ServerForm } from './definition.ts';

// Each with the language's name as staff read it (kept here: the browser never needs it).
const LANGUAGES: readonly [FormDefinition, string][] = [
  [arabic, 'Arabic'],
  [polish, 'Polish'],
  [portuguese, 'Portuguese'],
  [punjabi, 'Punjabi'],
  [romanian, 'Romanian'],
  [urdu, 'Urdu'],
];

/** Staff's words for every question, heading and choice: English, whatever the form's language. */
function staffWords(form: FormDefinition, language: string): Record<string, string> {
  const lang = form.ui!.lang;
  return {
    you: 'About them',
    reach: 'Contacting them safely',
    more: 'What they added',
    name: 'Name',
    language: 'Language to speak',
    otherLanguage: 'The other language, in their words',
    contactBy: 'Contact by',
    phone: 'Safe phone number',
    email: 'Safe email address',
    times: 'Safe times to contact',
    message: 'A message may be left',
    anything: 'In their own words',
    [`language=${lang}`]: language,
    'language=another': 'Another language (below)',
    'contactBy=phone': 'Phone',
    'contactBy=email': 'Email',
    'times=morning': 'Morning',
    'times=afternoon': 'Afternoon',
    'times=evening': 'Evening',
    'message=yes': 'Yes',
    'message=no': 'No: do not leave a message of any kind',
  };
}

/** "an Arabic", "a Polish". */
function article(language: string): string {
  return /^[AEIOU]/.test(language) ? 'an' : 'a';
}

function serverForm([form, language]: [FormDefinition, string]): ServerForm {
  return defineServerForm(form, {
    inbox: 'REFERRAL_INBOX',
    staffSubject: `Call-back request in ${language}`,
    staffNote: `Book ${article(language)} ${language} interpreter before you contact them (unless they chose another language below). Contact them only in the way and at the times given; by phone, leave a message only if they said yes.`,
    staffWords: staffWords(form, language),
    actFirst: [
      { heading: 'Language: book an interpreter', fields: ['language', 'otherLanguage'] },
      { heading: 'Contacting them safely', fields: ['contactBy', 'phone', 'email', 'times', 'message'] },
    ],
    // A confirmation only to an email address they gave as the safe way to reach them (a phone
    // number gets none: a text could be read by someone else).
    confirmation: [{ when: { field: 'contactBy', oneOf: ['email'] }, address: 'email' }],
    delivery: 'immediate',
  });
}

export default LANGUAGES.map(serverForm);
