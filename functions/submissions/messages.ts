/**
 * The emails. Subjects carry the reference and the kind of form, never personal data.
 * Every answer is escaped in the HTML part; the text part is plain text.
 */
import { askedSections, describeAnswer, type FormDefinition, type Values } from '../../src/forms/fields.ts';
import { escapeHtml } from '../../src/forms/render.ts';
import type { OutgoingMail } from './mail.ts';

const KIND: Record<FormDefinition['id'], string> = {
  referral: 'New referral',
  'volunteer-application': 'New volunteer application',
};

const HTML_STYLE = 'font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1d2327';

export function staffEmail(
  form: FormDefinition,
  reference: string,
  values: Values,
  receivedAt: string,
  to: string,
): OutgoingMail {
  const groups = askedSections(form, values).map(({ section, fields }) => ({
    heading: section.heading,
    separate: fields.every((field) => field.separate),
    rows: fields.map((field) => ({
      label: field.summaryLabel ?? field.label,
      answer: describeAnswer(field, values[field.name]),
    })),
  }));
  const main = groups.filter((g) => !g.separate);
  const separate = groups.filter((g) => g.separate);
  const textGroup = (g: (typeof groups)[number]) =>
    `${g.heading.toUpperCase()}\n${g.rows.map((r) => `${r.label}:\n  ${r.answer.replace(/\n/g, '\n  ')}`).join('\n')}`;
  const htmlGroup = (g: (typeof groups)[number]) =>
    `<h2 style="font-size:18px">${escapeHtml(g.heading)}</h2><table cellpadding="6" style="border-collapse:collapse">${g.rows
      .map(
        (r) =>
          `<tr><th align="left" valign="top" style="border-bottom:1px solid #ccc">${escapeHtml(r.label)}</th>` +
          `<td style="border-bottom:1px solid #ccc">${escapeHtml(r.answer).replace(/\n/g, '<br>')}</td></tr>`,
      )
      .join('')}</table>`;
  const received = new Date(receivedAt).toLocaleString('en-GB', { timeZone: 'Europe/London' });
  const intro = `${KIND[form.id]} from the website. Reference ${reference}, received ${received}.`;
  const note =
    form.id === 'referral'
      ? 'Contact the person only in the ways and at the times they said are safe.'
      : 'Equality monitoring answers, if any, are at the end, apart from the application. Do not use them to decide.';
  return {
    to,
    tag: `${reference}-${form.id}`,
    subject: `[${reference}] ${KIND[form.id]}`,
    text: [
      intro,
      note,
      ...main.map(textGroup),
      ...separate.map((g) => `--- Kept apart from the application ---\n${textGroup(g)}`),
    ].join('\n\n'),
    html:
      `<div style="${HTML_STYLE}"><p>${escapeHtml(intro)}</p><p><strong>${escapeHtml(note)}</strong></p>` +
      main.map(htmlGroup).join('') +
      (separate.length ? `<hr><p>Kept apart from the application:</p>${separate.map(htmlGroup).join('')}` : '') +
      `</div>`,
  };
}

/** The person's own confirmation: their reference and what happens next, nothing they told us. */
export function personEmail(
  form: FormDefinition,
  reference: string,
  to: string,
  contact: { phone: string; email: string },
): OutgoingMail {
  const what = form.id === 'referral' ? 'referral' : 'application to volunteer';
  const next =
    form.id === 'referral'
      ? 'A trained facilitator will contact you in the way and at the time you said is safe, usually within 5 working days.'
      : 'We will read your application and contact you by email, usually within 10 working days.';
  const lines = [
    `Thank you. We have received your ${what}.`,
    `Your reference number is ${reference}.`,
    next,
    `If you need to contact us, phone ${contact.phone} or email ${contact.email} and quote your reference.`,
    'Restorative Gloucestershire',
  ];
  return {
    to,
    tag: `${reference}-confirmation`,
    subject: `Your reference ${reference}: Restorative Gloucestershire`,
    text: lines.join('\n\n'),
    html: `<div style="${HTML_STYLE}">${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`,
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
