/**
 * The questions several forms ask in the same words: a module states only what is particular to
 * it (a hint, "optional", a condition) and gets the label, limits and GOV.UK messages from here.
 * Wording as data: like the forms' own modules, this file is left out of mutation testing.
 */
import type { ChoiceField, Option, TextField } from './fields.ts';

type Particular = Partial<Omit<TextField, 'kind' | 'messages'>>;

/** "Full name", up to 100 characters. */
export function fullNameField(particular: Particular = {}): TextField {
  return {
    kind: 'text',
    name: 'fullName',
    label: 'Full name',
    summaryLabel: 'Name',
    autocomplete: 'name',
    spellcheck: false,
    maxLength: 100,
    ...particular,
    messages: { required: 'Enter your full name', tooLong: 'Full name must be 100 characters or fewer' },
  };
}

/** "Email address", up to 254 characters (the longest an address can be). */
export function emailField(particular: Particular = {}): TextField {
  return {
    kind: 'email',
    name: 'email',
    label: 'Email address',
    autocomplete: 'email',
    spellcheck: false,
    maxLength: 254,
    ...particular,
    messages: {
      ...(particular.optional ? {} : { required: 'Enter your email address' }),
      tooLong: 'Email address must be 254 characters or fewer',
      format: 'Enter an email address in the correct format, like name@example.com',
    },
  };
}

/** "Phone number", UK or international, up to 30 characters. */
export function phoneField(particular: Particular = {}): TextField {
  return {
    kind: 'tel',
    name: 'phone',
    label: 'Phone number',
    autocomplete: 'tel',
    width: 'medium',
    maxLength: 30,
    ...particular,
    messages: {
      ...(particular.optional ? {} : { required: 'Enter your phone number' }),
      tooLong: 'Phone number must be 30 characters or fewer',
      format: 'Enter a phone number, like 01632 960 001 or 07700 900 982',
    },
  };
}

/** The two answers of a yes-or-no question, in that order (nothing pre-ticked). */
export function yesNo(): ChoiceField['options'] {
  const options: Option[] = [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
  ];
  return options;
}
