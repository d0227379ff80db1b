/**
 * Everything particular to one form lives in its module as one of these: its questions and
 * also its words (its noun, titles, what happens next), where it is delivered and who gets a
 * confirmation. The page, the browser script, the functions and the emails read them from here
 * and never ask which form they have.
 */
import type { FieldSource, Values, Words } from './fields.ts';

export interface FormDefinition extends FieldSource {
  id: string;
  /** The page the form lives on, and where Back and Change lead. */
  pagePath: string;
  /** Where the form posts. */
  endpoint: string;
  confirmationPath: string;
  title: string;
  /** The words on the final button: what it does. */
  sendLabel: string;
  /** What the person is sending, in "your referral", "We could not send your …". */
  noun: string;
  /** The confirmation panel's heading, such as "Referral sent". */
  sentTitle: string;
  /** How long it takes, said before the first question. */
  timeToComplete: string;
  /** The staff email's subject after the reference, such as "New referral". */
  staffSubject: string;
  /** A line at the top of the staff email: how to handle what follows. */
  staffNote: string;
  /**
   * The environment variable holding the address that receives it, such as "VOLUNTEER_INBOX";
   * unset, submissions go to the referral inbox (see functions/submissions/config.ts).
   */
  inbox: string;
  /** What happens after sending: shown before sending, on the confirmation and in its email. */
  nextSteps: Words[];
  /**
   * Feedback that should not point to its sender: staff see the day it came, not the time,
   * and nothing else about the sender but what they chose to give.
   */
  anonymous?: boolean;
  /** Pages to read next, linked from the confirmation (below its panel, which has no links). */
  readNext?: { href: string; text: string }[];
  /** "We use what you tell us only to …". */
  privacyPurpose: string;
  /** Answers staff need before anything else (access needs): listed at the top of their email. */
  highlights?: string[];
  /** Where the confirmation email goes, if the person said it is safe to email one. */
  confirmationTo(values: Values): string | undefined;
}
