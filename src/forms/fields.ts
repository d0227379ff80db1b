/**
 * The building blocks of our forms: a field is described once (label, hint, messages,
 * limits) and that description drives the zod schema, the HTML, the browser checks,
 * the function's checks, the check-answers page and the email. Nothing here touches the
 * DOM or the network, so the browser and the functions share it.
 */
import { z } from 'zod';

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

interface FieldBase {
  name: string;
  label: string;
  hint?: string;
  /** Shown as "(optional)" after the label; never required. */
  optional?: boolean;
  /** Only asked, and only required, when another answer is one of these values. */
  when?: { field: string; oneOf: string[] };
  /** The shorter label used on the check-answers page and in the email. */
  summaryLabel?: string;
  /** Kept out of the staff email's main part: equality monitoring answers. */
  separate?: boolean;
}

export interface TextField extends FieldBase {
  kind: 'text' | 'email' | 'tel' | 'postcode';
  maxLength: number;
  autocomplete?: string;
  spellcheck?: false;
  width?: 'short' | 'medium' | 'long';
  messages: { required?: string; tooLong: string; format?: string };
}

export interface TextareaField extends FieldBase {
  kind: 'textarea';
  maxLength: number;
  rows?: number;
  messages: { required?: string; tooLong: string };
}

export interface ChoiceField extends FieldBase {
  kind: 'radios' | 'checkboxes';
  options: Option[];
  messages: { required?: string };
}

/** A single box the person must tick to go on, such as agreeing to a background check. */
export interface ConfirmField extends FieldBase {
  kind: 'confirm';
  /** The words beside the box. */
  statement: string;
  messages: { required: string };
}

export type Field = TextField | TextareaField | ChoiceField | ConfirmField;

export interface Section {
  id: string;
  heading: string;
  intro?: string[];
  fields: Field[];
  when?: { field: string; oneOf: string[] };
}

export interface FormDefinition {
  id: 'referral' | 'volunteer-application';
  /** The page the form lives on, and where Back and Change lead. */
  pagePath: string;
  /** Where the form posts. */
  endpoint: string;
  confirmationPath: string;
  title: string;
  /** The words on the final button: what it does. */
  sendLabel: string;
  sections: Section[];
}

export type Values = Record<string, string | string[]>;
export type Errors = Record<string, string>;

export const HONEYPOT_FIELD = 'website';

export function allFields(form: FormDefinition): Field[] {
  return form.sections.flatMap((section) =>
    section.fields.map((field) => (section.when && !field.when ? { ...field, when: section.when } : field)),
  );
}

/**
 * Strict on purpose: the address becomes an SMTP recipient. ASCII letters, digits and the
 * usual punctuation before the @, dot-separated host labels after it, 254 characters at most.
 */
const EMAIL =
  /^(?=.{3,254}$)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const PHONE_CHARACTERS = /^[0-9+()\-.\s]+$/;
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}$/i;

/**
 * Characters that change how text is shown, or hide text, without being seen: bidi controls,
 * zero-width marks, the soft hyphen, variation selectors, Hangul fillers and tag characters.
 */
const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu;
/** C0 and C1 control characters (U+0085, "next line", among them). */
const CONTROLS_EXCEPT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * Normalises to NFC, removes invisible formatting characters, and keeps line breaks only in
 * long answers. In single-line answers every line break (CR, LF, U+0085, U+2028, U+2029) and
 * control character becomes a space, so an answer can never start a new line in an email
 * header or a new command in SMTP.
 */
export function clean(value: string, multiline: boolean): string {
  const normal = value.normalize('NFC').replace(INVISIBLE, '');
  const stripped = multiline
    ? normal.replace(/\r\n?|\u0085|\u2028|\u2029/g, '\n').replace(CONTROLS_EXCEPT_NEWLINE, '')
    : normal
        .replace(/[\u2028\u2029]/g, ' ')
        .replace(CONTROLS, ' ')
        .replace(/ {2,}/g, ' ');
  return stripped.trim();
}

function isAsked(field: Field, values: Values): boolean {
  if (!field.when) return true;
  const answer = values[field.when.field];
  const answers = Array.isArray(answer) ? answer : [answer];
  return answers.some((value) => typeof value === 'string' && field.when!.oneOf.includes(value));
}

/** The answer as the person gave it, read from form data or JSON, or an error for a wrong type. */
function readRaw(field: Field, raw: unknown): { value: string | string[] } | { wrongType: true } {
  if (raw === undefined || raw === null) return { value: field.kind === 'checkboxes' ? [] : '' };
  if (field.kind === 'checkboxes') {
    const list = Array.isArray(raw) ? raw : [raw];
    return list.every((item) => typeof item === 'string') ? { value: list as string[] } : { wrongType: true };
  }
  if (field.kind === 'confirm' && raw === true) return { value: 'yes' };
  if (field.kind === 'confirm' && raw === false) return { value: '' };
  return typeof raw === 'string' ? { value: raw } : { wrongType: true };
}

function checkField(field: Field, value: string | string[]): string | undefined {
  const requiredMessage = 'required' in field.messages ? field.messages.required : undefined;
  switch (field.kind) {
    case 'checkboxes': {
      const list = value as string[];
      if (list.some((item) => !field.options.some((option) => option.value === item))) {
        return requiredMessage ?? `Select from the list for ${field.label.toLowerCase()}`;
      }
      if (list.length === 0 && !field.optional) return requiredMessage;
      return undefined;
    }
    case 'radios': {
      const answer = value as string;
      if (answer === '') return field.optional ? undefined : requiredMessage;
      if (!field.options.some((option) => option.value === answer)) {
        return requiredMessage ?? `Select from the list for ${field.label.toLowerCase()}`;
      }
      return undefined;
    }
    case 'confirm':
      return value === 'yes' ? undefined : field.messages.required;
    default: {
      const answer = value as string;
      if (answer === '') return field.optional ? undefined : requiredMessage;
      if ([...answer].length > field.maxLength) return field.messages.tooLong;
      if (field.kind === 'email' && !EMAIL.test(answer)) return field.messages.format;
      if (field.kind === 'tel') {
        const digits = answer.replace(/\D/g, '').length;
        if (!PHONE_CHARACTERS.test(answer) || digits < 10 || digits > 15) return field.messages.format;
      }
      if (field.kind === 'postcode' && !POSTCODE.test(answer)) return field.messages.format;
      return undefined;
    }
  }
}

/**
 * The zod schema of a form. It takes what a browser or a client sent (form data turned
 * into an object, or JSON) and gives the cleaned answers, or one message per field in the
 * words the person sees on the page.
 */
export function schemaFor(form: FormDefinition) {
  const fields = allFields(form);
  return z.record(z.string(), z.unknown(), { error: 'Send the form’s answers' }).transform((input, ctx) => {
    const values: Values = {};
    for (const field of fields) {
      const read = readRaw(field, input[field.name]);
      if ('wrongType' in read) {
        ctx.addIssue({
          code: 'custom',
          path: [field.name],
          message: ('required' in field.messages && field.messages.required) || `Check ${field.label.toLowerCase()}`,
        });
        continue;
      }
      const multiline = field.kind === 'textarea';
      values[field.name] = Array.isArray(read.value)
        ? [...new Set(read.value.map((item) => clean(item, false)))]
        : clean(read.value, multiline);
    }
    for (const field of fields) {
      if (!(field.name in values)) continue;
      if (!isAsked(field, values)) {
        delete values[field.name];
        continue;
      }
      const message = checkField(field, values[field.name]);
      if (message) ctx.addIssue({ code: 'custom', path: [field.name], message });
    }
    // Keep only the answers given, in the form's order.
    for (const field of fields) {
      const value = values[field.name];
      if (value === '' || (Array.isArray(value) && value.length === 0)) delete values[field.name];
    }
    return values;
  });
}

export type ValidationResult = { ok: true; values: Values } | { ok: false; errors: Errors; values: Values };

/** Validates answers; on failure also returns what the person typed, so the page can keep it. */
export function validate(form: FormDefinition, input: unknown): ValidationResult {
  const result = schemaFor(form).safeParse(input);
  if (result.success) return { ok: true, values: result.data };
  const errors: Errors = {};
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? 'form');
    errors[name] ??= issue.message;
  }
  return { ok: false, errors, values: typedValues(form, input) };
}

/** What the person typed, as strings, for showing back to them: never trusted, always escaped. */
export function typedValues(form: FormDefinition, input: unknown): Values {
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
export function orderedErrors(form: FormDefinition, errors: Errors): { field: string; message: string }[] {
  const order = allFields(form).map((field) => field.name);
  return Object.entries(errors)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([field, message]) => ({ field, message }));
}

/** An answer as words for the check-answers page and the email. */
export function describeAnswer(field: Field, value: string | string[] | undefined): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return 'Not given';
  if (field.kind === 'radios' || field.kind === 'checkboxes') {
    const list = Array.isArray(value) ? value : [value];
    return list.map((item) => field.options.find((option) => option.value === item)?.label ?? item).join(', ');
  }
  if (field.kind === 'confirm') return value === 'yes' ? 'Yes' : 'No';
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The questions a person was asked, given their answers so far, grouped by section. */
export function askedSections(form: FormDefinition, values: Values): { section: Section; fields: Field[] }[] {
  return form.sections
    .filter((section) => !section.when || isAsked({ when: section.when } as Field, values))
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
