/**
 * The words every form shares around its own questions: "Error:", "There is a problem",
 * "(optional)", "Continue", "Change", the confirmation's and the refusals' sentences. English by
 * default; a form in another language (src/forms/call-back/) gives all of them in its language,
 * with its `lang` and `dir`, so not one English word is left on any page of its journey, with
 * JavaScript or without. The English is data in ./ui-english.ts (left out of mutation testing,
 * as the forms' modules are); `fill`, `plural` and `lowerFirst`, the logic, are here and tested.
 *
 * `{name}` in a sentence is filled in with a value (escaped where it is HTML).
 */

/** Words for a count, by the language's plural category (Intl.PluralRules); `other` always. */
export type PluralWords = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface FormUi {
  /** The language's BCP 47 code and direction, for `lang` and `dir` on what shows it. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Read out before an inline error, and put before the page title when there are errors. */
  errorPrefix: string;
  problemTitle: string;
  optional: string;
  /** A long answer's hint: `{count}`. */
  upTo: string;
  /** The live count under a long answer: `{count}`. */
  remaining: PluralWords;
  tooMany: PluralWords;
  /** Without JavaScript, on a question that depends on another: `{choices}` and `{question}`. */
  onlyIfChose: string;
  onlyIfTicked: string;
  /** Joins the choices in `{choices}`: "“A” or “B”". */
  or: string;
  /** Quotes a choice or question: `{text}`. */
  quoted: string;
  /** The trap for bots: hidden from people and screen readers, but words all the same. */
  honeypot: string;
  /** The fold-out before the questions. */
  beforeYouStart: string;
  continueLabel: string;
  openingBusy: string;
  checkingBusy: string;
  /** `{noun}`. */
  sendingBusy: string;
  /** `{noun}`. */
  changeWhoFor: string;
  checkTitle: string;
  /** Before the page title on check your answers: `{title}`. */
  checkPageTitle: string;
  change: string;
  notGiven: string;
  yes: string;
  no: string;
  nextHeading: string;
  privacyHeading: string;
  /** `{purpose}`, then `{link}` (the privacy notice, in `privacyLink`'s words). */
  privacy: string;
  privacyLink: string;
  referenceLabel: string;
  /** `{noun}`. */
  keepRecord: string;
  contactHeading: string;
  phoneLabel: string;
  emailLabel: string;
  danger: string;
  /** The link at the end of the confirmation, and where it leads. */
  homeLink: string;
  homePath: string;
  /**
   * The page the functions pour this form's pages into without JavaScript (errors, check your
   * answers, confirmation): the site's shell in this language, with its quick exit and skip link.
   */
  shellPath: string;
  /** `{noun}`. */
  sentHeading: string;
  /** `{reference}`, then `{link}` to the confirmation, in `seeNext`'s words. */
  sentReference: string;
  seeNext: string;
  /** `{noun}`. */
  startNew: string;
  problemPageTitle: string;
  /** `{noun}`, `{phone}`. */
  problemMessage: string;
  /** A post from another site. */
  notOurSite: string;
  /** `{link}` back to the form, in `toFormLink`'s words. */
  goToForm: string;
  toFormLink: string;
  /**
   * A post that could not be read (too large, not text): in place of the technical reason an
   * English form gives, which is for developers and API clients.
   */
  unreadable?: string;
  /** `{phone}`. */
  unreadableHelp: string;
  /** Over the rate limit (functions/intake/too-many.ts): nothing was sent. `{phone}`. */
  overLimitTitle: string;
  overLimit: string;
  /** On a deploy preview, whose forms send nothing: `{phone}`. */
  previewTitle: string;
  /** The page title: `{title}`. */
  previewPageTitle: string;
  preview: string;
  /** A second Send while the first is on its way; a token past its time. */
  stillSending: string;
  checkAgain: string;
  /** In the browser, when the site cannot be reached or answers oddly. */
  checkFailed: string;
  checkUnreachable: string;
  sendFailed: string;
  sendUnreachable: string;
  /** A choice not offered (a tampered post): `{question}`. */
  selectFromList: string;
  /** An answer of the wrong type: `{question}`. */
  checkAnswer: string;
  /** The confirmation page's address without its proof. */
  referenceNotShownTitle: string;
  referenceNotShownPageTitle: string;
  referenceNotShown: string;
  /** `{phone}`, then `{link}` to the form, in `referenceNotShownLink`'s words. */
  referenceNotShownHelp: string;
  referenceNotShownLink: string;
  /** The person's confirmation email: `{noun}`, `{reference}`, `{phone}`, `{email}`. */
  mailThanks: string;
  mailReference: string;
  mailContact: string;
  mailSubject: string;
}

// The English words are data, in a module of their own (left out of mutation testing).
import { ENGLISH_UI } from './ui-english.ts';
export { ENGLISH_UI };

/**
 * The hidden answer a form in another language sends with every post, so that a page which
 * does not know the form (the rate limit's) can still answer in its language.
 */
export const LANG_FIELD = 'form-lang';

/** The words a form is shown in: its own, or English. */
export function uiOf(form: { ui?: FormUi }): FormUi {
  return form.ui ?? ENGLISH_UI;
}

/** A sentence with each `{name}` filled in; a name with no value is left as it is. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

/**
 * A phone number or an email address inside a sentence of a right-to-left language keeps its
 * order ("01452 754542", not "754542 01452"): wrapped in Unicode's left-to-right isolate, which
 * works in HTML, plain-text email and JSON alike. Left-to-right languages need nothing.
 */
export function keepLtr(text: string, ui: Pick<FormUi, 'dir'>): string {
  return ui.dir === 'rtl' ? `\u2066${text}\u2069` : text;
}

/** "Change name": a label's first letter lowered where the script has cases ("Change using IT" keeps IT). */
export function lowerFirst(text: string, lang: string): string {
  return text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);
}

/** The words for a count in the language's plural form, the count filled in. */
export function plural(words: PluralWords, count: number, lang: string, shown: string = String(count)): string {
  const category = new Intl.PluralRules(lang).select(count);
  return fill(words[category] ?? words.other, { count: shown });
}
