/**
 * The emails. Subjects carry the reference and the kind of form, never personal data.
 * Every answer is escaped in the HTML part; the text part is plain text. Everything that
 * differs between forms comes from the form's own module.
 */
import type { Contact } from '../../src/lib/contact.ts';
import type { ServerForm } from '../forms/definition.ts';
import {
  allFields,
  askedSections,
  describeAnswer,
  say,
  speakerFor,
  type Speaker,
  type Values,
} from '../../src/forms/fields.ts';
import { escapeHtml } from '../../src/forms/render.ts';
import { ENGLISH_UI, fill, keepLtr, uiOf } from '../../src/forms/ui.ts';
import type { OutgoingMail } from './mail.ts';

const HTML_STYLE = 'font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1d2327';

interface Group {
  heading: string;
  rows: { label: string; answer: string }[];
}

type FieldOf = ReturnType<typeof allFields>[number];

/** A word of the form's own for staff (a label by field name, a heading by section id, a choice by `field=value`). */
function staffWord(form: ServerForm, key: string): string | undefined {
  return form.staffWords && Object.hasOwn(form.staffWords, key) ? form.staffWords[key] : undefined;
}

/** A question as staff read it: in their words where the form gives them, else its summary label. */
export function staffLabel(form: ServerForm, field: FieldOf, speaker: Speaker): string {
  return staffWord(form, field.name) ?? say(field.summaryLabel ?? field.label, speaker);
}

/** An answer as staff read it: each choice in their words ("Through the referrer", not "Through me"). */
export function staffAnswer(
  form: ServerForm,
  field: FieldOf,
  value: Values[string] | undefined,
  speaker: Speaker,
): string {
  const plain = describeAnswer(field, value, speaker);
  if ((field.kind !== 'radios' && field.kind !== 'checkboxes') || value === undefined || plain === ENGLISH_UI.notGiven)
    return plain;
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((item) => staffWord(form, `${field.name}=${item}`) ?? describeAnswer(field, item, speaker))
    .join(', ');
}

/**
 * The staff email. Answers marked `separate` (equality monitoring) never reach it: they are
 * taken out before the record is stored. Staff read the email as the person's own words, so
 * labels are in the voice staff use (about the person), whoever filled the form in.
 */
export function staffEmail(
  form: ServerForm,
  reference: string,
  values: Values,
  receivedAt: string,
  to: string,
): OutgoingMail {
  // Staff read labels in their own words ("Referrer's name"), whoever filled the form in.
  const speaker = speakerFor(form, values);
  const rowOf = (field: FieldOf) => ({
    label: staffLabel(form, field, speaker),
    answer: staffAnswer(form, field, values[field.name], speaker),
  });
  const asked = askedSections(form, values);
  const first = new Set((form.actFirst ?? []).flatMap((group) => group.fields));
  const groups: Group[] = asked
    .map(({ section, fields }) => ({
      heading: staffWord(form, section.id) ?? say(section.heading, speaker),
      rows: fields.filter((field) => !field.separate && !first.has(field.name)).map(rowOf),
    }))
    .filter((group) => group.rows.length > 0);
  const askedFields = asked.flatMap(({ fields }) => fields);
  const firstGroups: Group[] = (form.actFirst ?? [])
    .map((group) => ({
      heading: group.heading,
      rows: group.fields.flatMap((name) => askedFields.filter((field) => field.name === name)).map(rowOf),
    }))
    .filter((group) => group.rows.length > 0);
  const textGroup = (g: Group) =>
    `${g.heading.toUpperCase()}\n${g.rows.map((r) => `${r.label}:\n  ${r.answer.replace(/\n/g, '\n  ')}`).join('\n')}`;
  const htmlGroup = (g: Group) =>
    `<h2 style="font-size:18px">${escapeHtml(g.heading)}</h2><table cellpadding="6" style="border-collapse:collapse">${g.rows
      .map(
        (r) =>
          `<tr><th align="left" valign="top" style="border-bottom:1px solid #ccc">${escapeHtml(r.label)}</th>` +
          `<td style="border-bottom:1px solid #ccc">${escapeHtml(r.answer).replace(/\n/g, '<br>')}</td></tr>`,
      )
      .join('')}</table>`;
  const received = receivedWords(receivedAt, form.anonymous === true);
  const subject = `${form.staffSubject}${routeWords(form, values)}`;
  const intro = `${form.staffSubject} from the website. Reference ${reference}, received ${received}.`;
  const all = [...firstGroups, ...groups];
  return {
    to,
    tag: `${reference}-${form.id}`,
    subject: `[${reference}] ${subject}`,
    text: [intro, form.staffNote, ...all.map(textGroup)].join('\n\n'),
    html:
      `<div style="${HTML_STYLE}"><p>${escapeHtml(intro)}</p><p><strong>${escapeHtml(form.staffNote)}</strong></p>` +
      all.map(htmlGroup).join('') +
      `</div>`,
  };
}

/** The sender's own answer the confirmation repeats (FormSettings.echoes), as a line, if given. */
function echoed(form: ServerForm, values: Values): string[] {
  const answer = form.echoes ? values[form.echoes.field] : undefined;
  return typeof answer === 'string' && answer.trim() ? [`${form.echoes!.label}: ${answer.trim()}.`] : [];
}

/** One date style in every email: "1 July 2027 at 09:05", UK time; the day alone for an anonymous form. */
export function receivedWords(at: string, dayOnly: boolean): string {
  const when = new Date(at);
  const day = when.toLocaleDateString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  if (dayOnly) return day;
  return `${day} at ${when.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' })}`;
}

/** ", from a professional": the form's route in staff's words, or nothing. */
function routeWords(form: ServerForm, values: Values): string {
  const answer = form.subjectRoute && values[form.subjectRoute.field];
  if (typeof answer !== 'string' || !Object.hasOwn(form.subjectRoute!.words, answer)) return '';
  return `, ${form.subjectRoute!.words[answer]}`;
}

/** The confirmation to whoever sent it: their reference and what happens next, nothing they told us. */
export function personEmail(
  form: ServerForm,
  reference: string,
  to: string,
  contact: Contact,
  values: Values = {},
): OutgoingMail {
  const speaker = speakerFor(form, values);
  const ui = uiOf(form);
  const named = form.confirms ? values[form.confirms] : undefined;
  const what = typeof named === 'string' && named.trim() ? `${form.noun} for ${named.trim()}` : form.noun;
  const lines = [
    fill(ui.mailThanks, { noun: what }),
    fill(ui.mailReference, { reference }),
    ...echoed(form, values),
    say(form.nextSteps[0], speaker),
    fill(ui.mailContact, { phone: keepLtr(contact.phone, ui), email: keepLtr(contact.email, ui) }),
    'Restorative Gloucestershire',
  ];
  // In the form's language and direction, as the person read the form.
  const style = ui.lang === ENGLISH_UI.lang ? HTML_STYLE : `${HTML_STYLE};direction:${ui.dir}`;
  return {
    to,
    tag: `${reference}-confirmation`,
    subject: fill(ui.mailSubject, { noun: what, reference }),
    text: lines.join('\n\n'),
    html:
      `<div lang="${escapeHtml(ui.lang)}" dir="${ui.dir}" style="${style}">` +
      `${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`,
  };
}

export function alertEmail(reference: string, formId: string, attempts: number, to: string): OutgoingMail {
  const text = `The website could not deliver submission ${reference} (${formId}) after ${attempts} attempts. It is kept, encrypted, and will keep being retried. Check the mail settings (SMTP_URL) and the function logs.`;
  return {
    to,
    tag: `${reference}-alert`,
    subject: `[${reference}] Alert: a website submission has not been delivered`,
    text,
    html: `<p>${escapeHtml(text)}</p>`,
  };
}
