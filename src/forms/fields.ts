/**
 * The building blocks of our forms: a field is described once (label, hint, messages,
 * limits) and that description drives the HTML, the browser's checks, the function's checks,
 * the check-answers page and the email. Plain TypeScript with no library, because the same
 * checks run in the browser, where every kilobyte is paid for on a cheap phone. Nothing here
 * touches the DOM or the network.
 */

import { ENGLISH_UI, fill, uiOf, type FormUi } from './ui.ts';

/** Who the form is speaking to about the person it concerns: that person, or someone else. */
export type Voice = 'self' | 'other';

/**
 * Words that may change with who fills the form in. A plain string is the same for everyone;
 * otherwise `self` is said to the person the form is about, `other` to someone filling it in
 * for them, and a key named after an answer of the audience question (say `professional`)
 * wins over both for that answer.
 */
export type Words = string | ({ self: string; other: string } & Record<string, string>);

/** What the wording depends on: the voice, and the audience answer it came from. */
export interface Speaker {
  voice: Voice;
  audience?: string;
}

export const SELF: Speaker = { voice: 'self' };

/**
 * A record's own value for a key a client chose, never one inherited from Object.prototype
 * (`constructor`, `toString`, `__proto__`): every lookup keyed by an answer goes through this.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function say(words: Words, speaker?: Speaker): string;
export function say(words: Words | undefined, speaker?: Speaker): string | undefined;
export function say(words: Words | undefined, speaker: Speaker = SELF): string | undefined {
  if (words === undefined || typeof words === 'string') return words;
  return own(words, speaker.audience) ?? words[speaker.voice];
}

export interface Option {
  value: string;
  label: Words;
  hint?: Words;
  /** Offered only in this voice, such as "through me" for someone referring another person. */
  only?: Voice;
}

/** A question is asked only when another answer is one of these values. */
export interface Condition {
  field: string;
  oneOf: string[];
}

interface FieldBase {
  name: string;
  label: Words;
  hint?: Words;
  /** Shown as "(optional)" after the label; never required. */
  optional?: boolean;
  /** Only asked, and only required, when every condition holds. */
  when?: Condition | Condition[];
  /** The shorter label used on the check-answers page and in the email. */
  summaryLabel?: Words;
  /**
   * Equality monitoring: shown and checked like any answer, but never stored or emailed with
   * the rest. The pipeline keeps it apart, unlinked, for counts only.
   */
  separate?: boolean;
}

export interface TextField extends FieldBase {
  kind: 'text' | 'email' | 'tel' | 'postcode';
  maxLength: number;
  /** Words, because a browser must not fill in your own number where we ask for theirs. */
  autocomplete?: Words;
  spellcheck?: false;
  width?: 'short' | 'medium' | 'long';
  messages: { required?: Words; tooLong: Words; format?: Words };
}

export interface TextareaField extends FieldBase {
  kind: 'textarea';
  maxLength: number;
  rows?: number;
  messages: { required?: Words; tooLong: Words };
}

export interface ChoiceField extends FieldBase {
  kind: 'radios' | 'checkboxes';
  options: Option[];
  messages: { required?: Words };
}

/** A single box the person must tick to go on, such as agreeing to a background check. */
export interface ConfirmField extends FieldBase {
  kind: 'confirm';
  /** The words beside the box. */
  statement: Words;
  messages: { required: Words };
}

export type Field = TextField | TextareaField | ChoiceField | ConfirmField;

export interface Section {
  id: string;
  heading: Words;
  intro?: Words[];
  fields: Field[];
  when?: Condition | Condition[];
  /** Said again on check your answers, above this section's answers. */
  checkNote?: string;
}

/**
 * The first question of a form that can be filled in for someone else ("Who is this referral
 * for?"). Each answer has a page of its own, with every later question worded for it, so the
 * wording is right without JavaScript too.
 */
export interface Audience {
  field: ChoiceField;
  /** Answers that mean the person filling in the form is not the person it is about. */
  others: string[];
  /** The page of questions for each answer. */
  paths: Record<string, string>;
  /** A line under the page heading saying who the questions are for, per answer. */
  captions: Record<string, string>;
}

export type Values = Record<string, string | string[]>;
export type Errors = Record<string, string>;

export const HONEYPOT_FIELD = 'website';

function asList(when: Condition | Condition[] | undefined): Condition[] {
  return when === undefined ? [] : Array.isArray(when) ? when : [when];
}

/** Every field of the form, with its section's conditions added to its own. */
export function fieldsOf(sections: Section[]): Field[] {
  return sections.flatMap((section) =>
    section.fields.map((field) =>
      section.when ? { ...field, when: [...asList(section.when), ...asList(field.when)] } : field,
    ),
  );
}

export function holds(condition: Condition, values: Values): boolean {
  const answer = values[condition.field];
  const answers = Array.isArray(answer) ? answer : [answer];
  // Only text can be one of the answers named, so nothing else ever holds.
  return answers.some((value) => condition.oneOf.includes(value as string));
}

export function isAsked(field: Pick<Field, 'when'>, values: Values): boolean {
  return asList(field.when).every((condition) => holds(condition, values));
}

export function conditionsOf(field: Pick<Field, 'when'>): Condition[] {
  return asList(field.when);
}

/**
 * Strict on purpose: the address becomes an SMTP recipient. ASCII letters, digits and the
 * usual punctuation before the @, dot-separated host labels after it, 254 characters at most.
 */
function isEmail(value: string): boolean {
  return /^(?=.{3,254}$)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/.test(
    value,
  );
}

function hasOnlyPhoneCharacters(value: string): boolean {
  return /^[0-9+()\-.\s]+$/.test(value);
}

function isPostcode(compact: string): boolean {
  return /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/.test(compact);
}

/**
 * A UK postcode written the way Royal Mail writes it, whatever way it was typed: capitals,
 * one space before the last three characters ("gl1 2ab", "GL12AB" and "gl1  2ab" all give
 * "GL1 2AB"). Anything that is not a postcode is returned as it was, for the error message.
 */
export function normalisePostcode(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return isPostcode(compact) ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : value;
}

/**
 * Normalises to NFC, removes invisible formatting characters (characters that change how text
 * is shown, or hide text, without being seen: bidi controls, zero-width marks, the soft hyphen,
 * variation selectors, Hangul fillers and tag characters), and keeps line breaks only in long
 * answers. In single-line answers every line break (CR, LF, U+0085, U+2028, U+2029) and C0 or
 * C1 control character becomes a space, so an answer can never start a new line in an email
 * header or a new command in SMTP. (The patterns are written where they are used, as logic.)
 */
export function clean(value: string, multiline: boolean): string {
  const normal = value
    .normalize('NFC')
    .replace(
      /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu,
      '',
    );
  const stripped = multiline
    ? normal.replace(/\r\n?|\u0085|\u2028|\u2029/g, '\n').replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '')
    : normal
        .replace(/[\u2028\u2029]/g, ' ')
        .replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ')
        .replace(/ {2,}/g, ' ');
  return stripped.trim();
}

/** The options offered in this voice. */
export function optionsFor(field: ChoiceField, speaker: Speaker): Option[] {
  return field.options.filter((option) => !option.only || option.only === speaker.voice);
}

/**
 * The answer as the person gave it, read from form data or JSON; undefined for a wrong type (a
 * number, an object, a list where one answer goes). A ticked box sent as JSON is `true`; `false`
 * is a wrong type, which for a box asks again just as no answer does.
 */
function readRaw(field: Field, raw: unknown): string | string[] | undefined {
  if (raw === undefined || raw === null) return field.kind === 'checkboxes' ? [] : '';
  if (field.kind === 'checkboxes') {
    const list = Array.isArray(raw) ? raw : [raw];
    return list.every((item) => typeof item === 'string') ? (list as string[]) : undefined;
  }
  if (field.kind === 'confirm' && raw === true) return 'yes';
  return typeof raw === 'string' ? raw : undefined;
}

function requiredMessage(field: Field, speaker: Speaker): string | undefined {
  return say('required' in field.messages ? field.messages.required : undefined, speaker);
}

function checkField(field: Field, value: string | string[], speaker: Speaker, ui: FormUi): string | undefined {
  const required = requiredMessage(field, speaker);
  const notInList = () => required ?? fill(ui.selectFromList, { question: lowered(say(field.label, speaker), ui) });
  switch (field.kind) {
    case 'checkboxes': {
      const list = value as string[];
      const offered = optionsFor(field, speaker);
      if (list.some((item) => !offered.some((option) => option.value === item))) return notInList();
      if (list.length === 0 && !field.optional) return required;
      return undefined;
    }
    case 'radios': {
      const answer = value as string;
      if (answer === '') return field.optional ? undefined : required;
      if (!optionsFor(field, speaker).some((option) => option.value === answer)) return notInList();
      return undefined;
    }
    case 'confirm':
      return value === 'yes' ? undefined : say(field.messages.required, speaker);
    default: {
      const answer = value as string;
      if (answer === '') return field.optional ? undefined : required;
      if ([...answer].length > field.maxLength) return say(field.messages.tooLong, speaker);
      if (field.kind === 'email' && !isEmail(answer)) return say(field.messages.format, speaker);
      if (field.kind === 'tel') {
        const digits = answer.replace(/\D/g, '').length;
        if (!hasOnlyPhoneCharacters(answer) || digits < 10 || digits > 15) return say(field.messages.format, speaker);
      }
      if (field.kind === 'postcode' && !isPostcode(answer.replace(/\s+/g, '').toUpperCase()))
        return say(field.messages.format, speaker);
      return undefined;
    }
  }
}

export type ValidationResult = { ok: true; values: Values } | { ok: false; errors: Errors; values: Values };

/** The subset of a form definition that validation and the renderer need. */
export interface FieldSource {
  sections: Section[];
  audience?: Audience;
  /**
   * The words around the questions ("Error:", "Continue", the confirmation's), with the
   * language and direction, for a form in another language; English without (src/forms/ui.ts).
   */
  ui?: FormUi;
}

/** A label inside a sentence: lower case where the script has cases. */
function lowered(label: string, ui: FormUi): string {
  return label.toLocaleLowerCase(ui.lang);
}

/** Every question of the form, the audience question first when there is one. */
export function allFields(form: FieldSource): Field[] {
  return form.audience ? [form.audience.field, ...fieldsOf(form.sections)] : fieldsOf(form.sections);
}

/** Whom the questions speak to, given the audience answer (if the form has one). */
export function speakerFor(form: FieldSource, values: Values): Speaker {
  if (!form.audience) return SELF;
  const answer = values[form.audience.field.name];
  // Only an answer the question offers: anything else is no answer.
  const audience = typeof answer === 'string' && own(form.audience.paths, answer) ? answer : undefined;
  return { voice: audience && form.audience.others.includes(audience) ? 'other' : 'self', audience };
}

/**
 * True when the answers hold more than the audience question's: the person is changing who the
 * form is for from check your answers, and everything else they wrote must be kept.
 */
export function hasOtherAnswers(form: FieldSource, values: Values): boolean {
  return Object.entries(values).some(([name, value]) => name !== form.audience?.field.name && value.length > 0);
}

/** The answer to a body that is not an object of answers, in the form's own language. */
export function unreadableAnswers(form: FieldSource): ValidationResult {
  return { ok: false, errors: { form: uiOf(form).unreadable ?? 'Send the form’s answers' }, values: {} };
}

/**
 * Checks what a browser or a client sent (form data turned into an object, or JSON): gives
 * the cleaned answers to the questions that were asked, in the form's order, or one message
 * per field in the words the person sees on the page. The browser script and the function
 * both call this, so the two can never disagree.
 */
export function validate(form: FieldSource, input: unknown): ValidationResult {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return unreadableAnswers(form);
  const record = input as Record<string, unknown>;
  const fields = allFields(form);
  const values: Values = {};
  const errors: Errors = {};
  const wrongType = new Set<string>();
  for (const field of fields) {
    const read = readRaw(field, record[field.name]);
    if (read === undefined) {
      wrongType.add(field.name);
      continue;
    }
    const cleaned = Array.isArray(read)
      ? [...new Set(read.map((item) => clean(item, false)))]
      : clean(read, field.kind === 'textarea');
    values[field.name] = field.kind === 'postcode' ? normalisePostcode(cleaned as string) : cleaned;
  }
  const speaker = speakerFor(form, values);
  const ui = uiOf(form);
  for (const field of fields) {
    // A question not asked is passed by, whatever was sent for it.
    if (!isAsked(field, values)) {
      delete values[field.name];
      continue;
    }
    if (wrongType.has(field.name)) {
      errors[field.name] =
        requiredMessage(field, speaker) ?? fill(ui.checkAnswer, { question: lowered(say(field.label), ui) });
      continue;
    }
    const message = checkField(field, values[field.name], speaker, ui);
    if (message) errors[field.name] ??= message;
  }
  // Keep only the answers given, in the form's order.
  for (const field of fields) {
    const value = values[field.name];
    if (value === '' || (Array.isArray(value) && value.length === 0)) delete values[field.name];
  }
  if (Object.keys(errors).length) return { ok: false, errors, values: typedValues(form, input) };
  return { ok: true, values };
}

/** What the person typed, as strings, for showing back to them: never trusted, always escaped. */
export function typedValues(form: FieldSource, input: unknown): Values {
  const values: Values = {};
  if (!input || typeof input !== 'object') return values;
  const record = input as Record<string, unknown>;
  for (const field of allFields(form)) {
    const raw = record[field.name];
    if (typeof raw === 'string') values[field.name] = raw;
    else if (Array.isArray(raw)) values[field.name] = raw.filter((item): item is string => typeof item === 'string');
    else if (raw === true) values[field.name] = 'yes';
  }
  return values;
}

/** Errors in the order the fields appear, for the error summary. */
export function orderedErrors(form: FieldSource, errors: Errors): { field: string; message: string }[] {
  const order = allFields(form).map((field) => field.name);
  return Object.entries(errors)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([field, message]) => ({ field, message }));
}

/** An answer as words for the check-answers page and the emails (staff's in English). */
export function describeAnswer(
  field: Field,
  value: string | string[] | undefined,
  speaker: Speaker = SELF,
  ui: FormUi = ENGLISH_UI,
): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return ui.notGiven;
  if (field.kind === 'radios' || field.kind === 'checkboxes') {
    const list = Array.isArray(value) ? value : [value];
    return list
      .map((item) => {
        const option = field.options.find((candidate) => candidate.value === item);
        return option ? say(option.label, speaker) : item;
      })
      .join(', ');
  }
  if (field.kind === 'confirm') return value === 'yes' ? ui.yes : ui.no;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The questions a person was asked, given their answers, grouped by section. */
export function askedSections(form: FieldSource, values: Values): { section: Section; fields: Field[] }[] {
  const sections = form.audience
    ? [{ id: 'audience', heading: form.audience.field.label, fields: [form.audience.field] }, ...form.sections]
    : form.sections;
  return sections
    .filter((section) => isAsked({ when: section.when }, values))
    .map((section) => ({ section, fields: section.fields.filter((field) => isAsked(field, values)) }))
    .filter(({ fields }) => fields.length > 0);
}

export function fieldId(name: string): string {
  return `field-${name}`;
}

/** The id the error summary links to: the input itself, or the first option of a group. */
export function errorTargetId(field: Field): string {
  return field.kind === 'radios' || field.kind === 'checkboxes' ? `${fieldId(field.name)}-1` : fieldId(field.name);
}
