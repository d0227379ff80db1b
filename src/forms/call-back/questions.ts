/**
 * "Ask us to call you back", in another language: the fifth form, one set of questions asked in
 * each language it has words for (./form.<code>.ts, one module each, so a page downloads only
 * its own language). It asks only what a first call needs: a name in any script, a safe way to
 * reach the person, safe times, whether a message may be left, and the language to speak. Staff
 * read it in English with the language first, so they book an interpreter before calling
 * (functions/forms/call-back.ts). Every word the person sees, the form's shared words too
 * (src/forms/ui.ts), comes from the language's module.
 *
 * The questions are data, like every form's module (src/forms/<id>/form.ts): they are built
 * once, when a language's module loads, and left out of mutation testing (stryker.config.mjs);
 * tests/unit/call-back.spec.ts walks every language through every page of the journey.
 */
import { defineForm, type FormDefinition } from '../definition.ts';
import type { FormUi } from '../ui.ts';
import { callBackId, callBackPath } from './address.ts';

interface TextWords {
  label: string;
  hint?: string;
  required?: string;
  tooLong: string;
}

/** Everything the form says, in one language. The English (for staff) has the same shape. */
export interface CallBackWords {
  ui: FormUi;
  title: string;
  lede: string;
  sendLabel: string;
  noun: string;
  sentTitle: string;
  timeToComplete: string;
  privacyPurpose: string;
  nextSteps: string[];
  sections: { you: string; reach: string; more: string };
  name: TextWords & { required: string };
  contactBy: { label: string; hint: string; phone: string; email: string; required: string };
  phone: TextWords & { required: string; format: string };
  email: TextWords & { required: string; format: string };
  times: { label: string; hint: string; morning: string; afternoon: string; evening: string; required: string };
  message: { label: string; hint: string; yes: string; no: string; required: string };
  language: { label: string; hint: string; another: string; required: string };
  otherLanguage: TextWords & { required: string };
  anything: TextWords;
}

/**
 * The form in one language. `ownName` is the language's name in its own script, the first
 * answer to "Which language should we speak?".
 */
export function callBackForm(w: CallBackWords, ownName: string): FormDefinition {
  const lang = w.ui.lang;
  return defineForm({
    id: callBackId(lang),
    pagePath: callBackPath(lang),
    ui: w.ui,
    title: w.title,
    lede: w.lede,
    sendLabel: w.sendLabel,
    noun: w.noun,
    sentTitle: w.sentTitle,
    timeToComplete: w.timeToComplete,
    privacyPurpose: w.privacyPurpose,
    nextSteps: w.nextSteps,
    // Filled in by people harmed or at risk: nothing typed is kept by the browser.
    forgetAnswers: true,
    safetyLines: true,
    sections: [
      {
        id: 'you',
        heading: w.sections.you,
        fields: [
          {
            kind: 'text',
            name: 'name',
            label: w.name.label,
            hint: w.name.hint,
            // Any script: names are never checked against a pattern.
            spellcheck: false,
            maxLength: 100,
            messages: { required: w.name.required, tooLong: w.name.tooLong },
          },
          {
            kind: 'radios',
            name: 'language',
            label: w.language.label,
            hint: w.language.hint,
            options: [
              { value: lang, label: ownName },
              { value: 'another', label: w.language.another },
            ],
            messages: { required: w.language.required },
          },
          {
            kind: 'text',
            name: 'otherLanguage',
            label: w.otherLanguage.label,
            hint: w.otherLanguage.hint,
            // Asked only for another language, and then needed: staff book the interpreter by it.
            when: { field: 'language', oneOf: ['another'] },
            maxLength: 60,
            messages: { required: w.otherLanguage.required, tooLong: w.otherLanguage.tooLong },
          },
        ],
      },
      {
        id: 'reach',
        heading: w.sections.reach,
        fields: [
          {
            kind: 'radios',
            name: 'contactBy',
            label: w.contactBy.label,
            hint: w.contactBy.hint,
            options: [
              { value: 'phone', label: w.contactBy.phone },
              { value: 'email', label: w.contactBy.email },
            ],
            messages: { required: w.contactBy.required },
          },
          {
            kind: 'tel',
            name: 'phone',
            label: w.phone.label,
            hint: w.phone.hint,
            when: { field: 'contactBy', oneOf: ['phone'] },
            width: 'medium',
            maxLength: 30,
            messages: { required: w.phone.required, tooLong: w.phone.tooLong, format: w.phone.format },
          },
          {
            kind: 'email',
            name: 'email',
            label: w.email.label,
            hint: w.email.hint,
            when: { field: 'contactBy', oneOf: ['email'] },
            spellcheck: false,
            maxLength: 254,
            messages: { required: w.email.required, tooLong: w.email.tooLong, format: w.email.format },
          },
          {
            kind: 'checkboxes',
            name: 'times',
            label: w.times.label,
            hint: w.times.hint,
            options: [
              { value: 'morning', label: w.times.morning },
              { value: 'afternoon', label: w.times.afternoon },
              { value: 'evening', label: w.times.evening },
            ],
            messages: { required: w.times.required },
          },
          {
            kind: 'radios',
            name: 'message',
            // A voicemail or a text: asked of phone only, since an email is itself a message.
            when: { field: 'contactBy', oneOf: ['phone'] },
            label: w.message.label,
            hint: w.message.hint,
            options: [
              { value: 'yes', label: w.message.yes },
              { value: 'no', label: w.message.no },
            ],
            messages: { required: w.message.required },
          },
        ],
      },
      {
        id: 'more',
        heading: w.sections.more,
        fields: [
          {
            kind: 'textarea',
            name: 'anything',
            label: w.anything.label,
            hint: w.anything.hint,
            optional: true,
            rows: 3,
            maxLength: 500,
            messages: { tooLong: w.anything.tooLong },
          },
        ],
      },
    ],
  });
}
