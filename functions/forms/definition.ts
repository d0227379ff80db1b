/**
 * What only the server knows of a form, beside what the browser knows (src/forms/<id>/form.ts):
 * where it goes, how staff read it, who is sent a confirmation, whether it is anonymous and when
 * staff get it. One module per form, `functions/forms/<id>.ts`, listed in ./registry.ts.
 * Settings as data; the logic that reads them is in the pipeline's modules, with tests.
 */
import type { FormDefinition } from '../../src/forms/definition.ts';
import type { Condition, Values } from '../../src/forms/fields.ts';
import type { BookableList } from '../../src/lib/bookable.ts';

/** Who gets a confirmation email: the first rule whose conditions hold, if its consent is "yes". */
export interface ConfirmationRule {
  /** Only for these answers (say, referrals made for someone else). */
  when?: Condition | Condition[];
  /** The field holding the address. */
  address: string;
  /** A yes/no field the person answered "yes" to, when the address alone is not consent. */
  consent?: { field: string; value: string };
}

/** A daily digest: what is waiting goes in one email, in no particular order. */
export interface DigestSettings {
  /** The hour of the day, in UK time (0 to 23), from which the day's digest may go. */
  hour: number;
  /** It goes only once at least this many are waiting… */
  atLeast: number;
  /** …or once the oldest has waited this many days, however few there are. */
  orAfterDays: number;
}

export interface ServerSettings {
  /**
   * The environment variable holding the address that receives it, such as "VOLUNTEER_INBOX";
   * unset, submissions go to the referral inbox (see functions/settings/config.ts).
   */
  inbox: string;
  /** The staff email's subject after the reference, such as "New referral". */
  staffSubject: string;
  /** A line at the top of the staff email: how to handle what follows. */
  staffNote: string;
  /**
   * Labels, headings and choices in staff's words: by field name ("Referrer's name"), section id,
   * or `field=value` for one choice ("Through the referrer", not the form's "Through me").
   */
  staffWords?: Readonly<Record<string, string>>;
  /**
   * Answers staff act on before anything else (how to contact the person safely, risks, access
   * needs): groups at the top of their email, in this order, each answer left out of its own
   * section so nothing is listed twice.
   */
  actFirst?: readonly { heading: string; fields: readonly string[] }[];
  /** The route named in the subject, by one answer in staff's words: "New referral, from a professional". */
  subjectRoute?: { field: string; words: Readonly<Record<string, string>> };
  /**
   * The answer that says what a confirmation confirms, named in its subject and first line (a
   * booking enquiry's course). Never a personal answer: the confirmation repeats nothing else.
   */
  confirms?: string;
  /**
   * An answer of the sender's own repeated in their confirmation, with its label: a
   * professional's case reference, so they can match ours to their records.
   */
  echoes?: { field: string; label: string };
  /** Where a confirmation may go; none when no rule applies. */
  confirmation: ConfirmationRule[];
  /**
   * Feedback that should not point to its sender: staff see the day it came, not the time,
   * and nothing else about the sender but what they chose to give.
   */
  anonymous?: boolean;
  /**
   * When staff get it. "immediate": each submission is mailed as soon as it is stored, and
   * retried by the sweep until it is. A digest: submissions wait, and the sweep mails them
   * together once a day (functions/delivery/digest.ts).
   */
  delivery: 'immediate' | { digest: DigestSettings };
  /**
   * Checks only the server can make, after the answers' own (say, that an enquiry names an
   * event still listed): errors by field, in the form's words, answered as validation's are.
   */
  check?: (values: Values, context: ServerCheckContext) => Record<string, string>;
  /** The same answers twice in one UK day are kept once (feedback: a flood, or Back and Send). */
  identicalOncePerDay?: boolean;
  /** Addresses the form had before the shared ones, still answered: old pages and links use them. */
  formerAddresses?: { endpoint: string; confirmationPath: string };
}

export interface ServerCheckContext {
  now: number;
  /** The events the build listed (functions/forms/bookable.ts); undefined if it could not be read. */
  bookable(): BookableList | undefined;
}

export type ServerForm = FormDefinition & ServerSettings;

export function defineServerForm(form: FormDefinition, settings: ServerSettings): ServerForm {
  return { ...form, ...settings };
}
