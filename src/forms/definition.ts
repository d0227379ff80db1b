/**
 * What the browser may know of a form: its questions and the words around them (its noun,
 * titles, what happens next). One module per form, `src/forms/<id>/form.ts`, with a default
 * export made by `defineForm`; the pages, the browser script and the functions read it and
 * never ask which form they have. What only the server knows (the inbox, the staff email's
 * wording, who is confirmed, anonymity, when staff get it) lives beside the functions, in
 * `functions/forms/<id>.ts`, and never reaches a browser.
 */
import type { FieldSource, Words } from './fields.ts';

export interface FormWords extends FieldSource {
  /** Also the form's addresses: /api/forms/<id> to post to, /forms/<id>/sent/ to confirm. */
  id: string;
  /** The page the form lives on, and where Back and Change lead. */
  pagePath: string;
  title: string;
  /** The words on the final button: what it does. */
  sendLabel: string;
  /** What the person is sending, in "your referral", "We could not send your …". */
  noun: string;
  /** The confirmation panel's heading, such as "Referral sent". */
  sentTitle: string;
  /** A sentence under the heading, for a form whose page has no content file to say it. */
  lede?: string;
  /** How long it takes, said before the first question. */
  timeToComplete: string;
  /** What happens after sending: shown before sending, on the confirmation and in its email. */
  nextSteps: Words[];
  /** Pages to read next, linked from the confirmation (below its panel, which has no links). */
  readNext?: { href: string; text: string }[];
  /** "We use what you tell us only to …". */
  privacyPurpose: string;
  /**
   * The browser is asked to keep none of the answers (autocomplete="off" on the form and on
   * every field, even name, email and phone). A deliberate exception to giving personal fields
   * their autocomplete purpose (WCAG 1.3.5): on a shared or watched device, Back after the quick
   * exit, or the browser's suggestions, must not bring back what someone harmed typed. For the
   * forms a person harmed or at risk fills in; the others keep autocomplete, which helps.
   */
  forgetAnswers?: boolean;
  /**
   * Its confirmation ends with how to reach 999 and other services: for the forms people harmed,
   * people responsible and their families fill in. A volunteer's or a booking's has neither.
   */
  safetyLines?: boolean;
}

export interface FormDefinition extends FormWords {
  /** Where the form posts: one function serves every form there. */
  endpoint: string;
  /** The confirmation page, which shows the reference. */
  confirmationPath: string;
}

/** The addresses every form has, from its id alone, so that no form can name one wrongly. */
export function formAddresses(id: string): Pick<FormDefinition, 'endpoint' | 'confirmationPath'> {
  return { endpoint: `/api/forms/${id}`, confirmationPath: `/forms/${id}/sent/` };
}

export function defineForm(words: FormWords): FormDefinition {
  return { ...words, ...formAddresses(words.id) };
}
