/**
 * The words every form shares around its own questions: "Error:", "There is a problem",
 * "(optional)", "Continue", "Change", the confirmation's and the refusals' sentences. English
 * here; a form in another language (src/forms/call-back/) gives all of them in its language,
 * with its `lang` and `dir`, so not one English word is left on any page of its journey, with
 * JavaScript or without. Wording as data, as the forms' modules are: left out of mutation
 * testing; `fill` and `plural`, the logic, are tested.
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

export const ENGLISH_UI: FormUi = {
  lang: 'en-GB',
  dir: 'ltr',
  errorPrefix: 'Error:',
  problemTitle: 'There is a problem',
  optional: '(optional)',
  upTo: 'Up to {count} characters.',
  remaining: { one: '{count} character remaining', other: '{count} characters remaining' },
  tooMany: { one: '{count} character too many', other: '{count} characters too many' },
  onlyIfChose: 'Answer this only if you chose {choices} in {question}.',
  onlyIfTicked: 'Answer this only if you ticked {choices} in {question}.',
  or: ' or ',
  quoted: '“{text}”',
  honeypot: 'Leave this empty',
  beforeYouStart: 'Before you start: what happens next and how we use your information',
  continueLabel: 'Continue',
  openingBusy: 'Opening the questions…',
  checkingBusy: 'Checking your answers…',
  sendingBusy: 'Sending your {noun}…',
  changeWhoFor: 'Change who this {noun} is for',
  checkTitle: 'Check your answers before sending',
  checkPageTitle: 'Check your answers – {title}',
  change: 'Change',
  notGiven: 'Not given',
  yes: 'Yes',
  no: 'No',
  nextHeading: 'What happens next',
  privacyHeading: 'How we use your information',
  privacy:
    'We use what you tell us only to {purpose}. It is sent securely, stored encrypted, seen only by the staff who need it, and deleted when no longer needed. Read our {link} to find out more, including your rights.',
  privacyLink: 'privacy notice',
  referenceLabel: 'Your reference number',
  keepRecord:
    'Keep a record of your reference number. Write it down, take a screenshot or print this page. Quote it if you contact us about your {noun}.',
  contactHeading: 'If you need to contact us',
  phoneLabel: 'Phone',
  emailLabel: 'Email',
  danger: 'If you are in danger now, call 999.',
  homeLink: 'Return to the home page',
  homePath: '/',
  shellPath: '/form-shell/',
  sentHeading: 'Your {noun} has been sent',
  sentReference: 'Your reference number is {reference}. {link}.',
  seeNext: 'See what happens next',
  startNew: 'Start a new {noun}',
  problemPageTitle: 'Sorry, there is a problem',
  problemMessage:
    'We could not send your {noun}. Nothing was saved. Try again in a few minutes, or phone us on {phone}.',
  notOurSite: 'This form can only be sent from our own website.',
  goToForm: '{link}.',
  toFormLink: 'Go to the form',
  unreadableHelp: 'Go back, make your longest answers shorter, and send it again. Or phone us on {phone}.',
  overLimitTitle: 'Not sent: please wait a minute',
  overLimit:
    'We have had a lot of forms from your connection in the last minute, so this one was not sent and nothing was saved. Wait a minute, then send it again, or phone us on {phone}.',
  previewTitle: 'Not sent: this is a preview',
  previewPageTitle: 'Not sent – {title}',
  preview:
    'This is a preview copy of the website, for checking changes. Its forms do not send anything: nothing you enter here is kept or sent to anyone. To contact us, phone {phone}.',
  stillSending: 'Your answers are still being sent. Wait a moment, then press Send again: they will only be sent once.',
  checkAgain: 'Check your answers, then send them again.',
  checkFailed: 'We could not check your answers. Try again, or phone us.',
  checkUnreachable: 'We could not reach our website. Check your connection and try again, or phone us.',
  sendFailed: 'We could not send your answers. Try again, or phone us.',
  sendUnreachable:
    'We could not reach our website, so nothing was sent. Check your connection and try again, or phone us.',
  selectFromList: 'Select from the list for {question}',
  checkAnswer: 'Check {question}',
  referenceNotShownTitle: 'We cannot show a reference on this page',
  referenceNotShownPageTitle: 'Reference not shown',
  referenceNotShown:
    'This page shows a reference number straight after a form is sent from this website. This web address did not come from sending one, or part of it is missing, so this page cannot say whether anything was sent.',
  referenceNotShownHelp: 'If you sent the form and want to check it reached us, phone us on {phone}. Or {link}.',
  referenceNotShownLink: 'go to the form',
  mailThanks: 'Thank you. We have received your {noun}.',
  mailReference: 'Your reference number is {reference}.',
  mailContact: 'If you need to contact us, phone {phone} or email {email} and quote your reference.',
  mailSubject: 'Your {noun}: reference {reference}',
};

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

/** "Change name": a label's first letter lowered where the script has cases ("Change using IT" keeps IT). */
export function lowerFirst(text: string, lang: string): string {
  return text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);
}

/** The words for a count in the language's plural form, the count filled in. */
export function plural(words: PluralWords, count: number, lang: string, shown: string = String(count)): string {
  const category = new Intl.PluralRules(lang).select(count);
  return fill(words[category] ?? words.other, { count: shown });
}
