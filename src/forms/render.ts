/**
 * HTML for every state of a form: the questions (with the error summary and inline errors),
 * check your answers, and the confirmation. One renderer for the static page, the browser
 * script and the functions, so a person sees the same markup with or without JavaScript.
 * Every value is escaped: answers are untrusted.
 */
import {
  allFields,
  askedSections,
  describeAnswer,
  errorTargetId,
  fieldId,
  HONEYPOT_FIELD,
  orderedErrors,
  type ChoiceField,
  type ConfirmField,
  type Errors,
  type Field,
  type FormDefinition,
  type Section,
  type TextareaField,
  type TextField,
  type Values,
} from './fields.ts';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const attr = (name: string, value: string | undefined | false) =>
  value === undefined || value === false ? '' : ` ${name}="${escapeHtml(value)}"`;

const formatCount = (n: number) => n.toLocaleString('en-GB');

function whenAttributes(when: { field: string; oneOf: string[] } | undefined): string {
  return when ? `${attr('data-when-field', when.field)}${attr('data-when-values', when.oneOf.join(' '))}` : '';
}

function hintAndError(
  field: Field,
  error: string | undefined,
  extraHint?: string,
): { html: string; describedBy: string } {
  const id = fieldId(field.name);
  const ids: string[] = [];
  let html = '';
  const hint = [field.hint, extraHint].filter(Boolean).join(' ');
  if (hint) {
    ids.push(`${id}-hint`);
    html += `<div class="form-hint" id="${id}-hint">${escapeHtml(hint)}</div>`;
  }
  if (error) {
    ids.push(`${id}-error`);
    // "Error:" is read out before the message so screen reader users know what it is.
    html += `<p class="form-error" id="${id}-error"><span class="visually-hidden">Error:</span> ${escapeHtml(error)}</p>`;
  }
  return { html, describedBy: ids.join(' ') };
}

const optionalTag = (field: Field) => (field.optional ? ' <span class="form-optional">(optional)</span>' : '');

function groupOpen(field: Field, error: string | undefined, element: 'div' | 'fieldset', describedBy = ''): string {
  const classes = `form-group${error ? ' form-group--error' : ''}`;
  const described = element === 'fieldset' && describedBy ? attr('aria-describedby', describedBy) : '';
  return `<${element} class="${classes}" id="group-${escapeHtml(field.name)}"${whenAttributes(field.when)}${described}>`;
}

function renderText(field: TextField, value: string, error?: string): string {
  const id = fieldId(field.name);
  const { html, describedBy } = hintAndError(field, error);
  const type = field.kind === 'postcode' ? 'text' : field.kind;
  const width = field.width ? ` form-input--${field.width}` : '';
  return (
    `${groupOpen(field, error, 'div')}` +
    `<label class="form-label" for="${id}">${escapeHtml(field.label)}${optionalTag(field)}</label>${html}` +
    `<input class="form-input${width}${error ? ' form-input--error' : ''}" id="${id}" name="${escapeHtml(field.name)}" type="${type}"` +
    `${attr('value', value)}${attr('autocomplete', field.autocomplete ?? 'off')}` +
    `${field.spellcheck === false ? ' spellcheck="false"' : ''}` +
    `${field.kind === 'tel' ? ' inputmode="tel"' : ''}${field.kind === 'postcode' ? ' autocapitalize="characters"' : ''}` +
    `${attr('aria-describedby', describedBy || undefined)}${error ? ' aria-invalid="true"' : ''}></div>`
  );
}

function renderTextarea(field: TextareaField, value: string, error?: string): string {
  const id = fieldId(field.name);
  const { html, describedBy } = hintAndError(
    field,
    error,
    `You can enter up to ${formatCount(field.maxLength)} characters.`,
  );
  return (
    `${groupOpen(field, error, 'div')}` +
    `<label class="form-label" for="${id}">${escapeHtml(field.label)}${optionalTag(field)}</label>${html}` +
    `<textarea class="form-textarea${error ? ' form-input--error' : ''}" id="${id}" name="${escapeHtml(field.name)}" rows="${field.rows ?? 4}"` +
    `${attr('aria-describedby', describedBy || undefined)}${error ? ' aria-invalid="true"' : ''}>${escapeHtml(value)}</textarea></div>`
  );
}

function renderChoices(field: ChoiceField, value: string | string[], error?: string): string {
  const id = fieldId(field.name);
  const chosen = Array.isArray(value) ? value : [value];
  const { html, describedBy } = hintAndError(field, error);
  const type = field.kind === 'radios' ? 'radio' : 'checkbox';
  const items = field.options
    .map((option, index) => {
      const optionId = `${id}-${index + 1}`;
      const hint = option.hint
        ? `<div class="form-hint choice__hint" id="${optionId}-hint">${escapeHtml(option.hint)}</div>`
        : '';
      return (
        `<div class="choice"><input class="choice__input" id="${optionId}" name="${escapeHtml(field.name)}" type="${type}"` +
        `${attr('value', option.value)}${chosen.includes(option.value) ? ' checked' : ''}${option.hint ? attr('aria-describedby', `${optionId}-hint`) : ''}>` +
        `<label class="choice__label" for="${optionId}">${escapeHtml(option.label)}</label>${hint}</div>`
      );
    })
    .join('');
  return (
    `${groupOpen(field, error, 'fieldset', describedBy)}` +
    `<legend class="form-legend">${escapeHtml(field.label)}${optionalTag(field)}</legend>${html}` +
    `<div class="choices choices--${type}">${items}</div></fieldset>`
  );
}

function renderConfirm(field: ConfirmField, value: string, error?: string): string {
  const id = `${fieldId(field.name)}`;
  const { html, describedBy } = hintAndError(field, error);
  return (
    `${groupOpen(field, error, 'fieldset', describedBy)}` +
    `<legend class="form-legend">${escapeHtml(field.label)}</legend>${html}` +
    `<div class="choices choices--checkbox"><div class="choice"><input class="choice__input" id="${id}" name="${escapeHtml(field.name)}" type="checkbox" value="yes"${value === 'yes' ? ' checked' : ''}>` +
    `<label class="choice__label" for="${id}">${escapeHtml(field.statement)}</label></div></div></fieldset>`
  );
}

export function renderField(field: Field, value: string | string[] | undefined, error?: string): string {
  switch (field.kind) {
    case 'radios':
    case 'checkboxes':
      return renderChoices(field, value ?? [], error);
    case 'confirm':
      return renderConfirm(field, typeof value === 'string' ? value : '', error);
    case 'textarea':
      return renderTextarea(field, typeof value === 'string' ? value : '', error);
    default:
      return renderText(field, typeof value === 'string' ? value : '', error);
  }
}

export function renderErrorSummary(form: FormDefinition, errors: Errors): string {
  const fields = new Map(allFields(form).map((field) => [field.name, field]));
  const items = orderedErrors(form, errors)
    .map(({ field, message }) => {
      const target = fields.get(field);
      const href = target ? `#${errorTargetId(target)}` : '#form-top';
      return `<li><a href="${escapeHtml(href)}">${escapeHtml(message)}</a></li>`;
    })
    .join('');
  // tabindex -1 so the script can move focus here; role=alert so it is announced at once.
  return (
    `<div class="error-summary" data-error-summary tabindex="-1" role="alert" aria-labelledby="error-summary-title">` +
    `<h2 class="error-summary__title" id="error-summary-title">There is a problem</h2>` +
    `<ul class="error-summary__list">${items}</ul></div>`
  );
}

function renderSection(section: Section, values: Values, errors: Errors): string {
  const intro = (section.intro ?? []).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const fields = section.fields.map((field) => renderField(field, values[field.name], errors[field.name])).join('');
  return `<section class="form-section" id="section-${escapeHtml(section.id)}"${whenAttributes(section.when)}><h2>${escapeHtml(section.heading)}</h2>${intro}${fields}</section>`;
}

/** The honeypot: hidden from people (and screen readers), tempting to bots that fill every box. */
const honeypot = () =>
  `<div class="form-honeypot" aria-hidden="true"><label for="field-${HONEYPOT_FIELD}">Leave this empty</label>` +
  `<input id="field-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off"></div>`;

export interface QuestionsOptions {
  values?: Values;
  errors?: Errors;
  /** The question to put the cursor in, when the person chose to change an answer. */
  focus?: string;
}

/** The questions, as a form that posts natively to the function and is enhanced by script. */
export function renderQuestions(
  form: FormDefinition,
  { values = {}, errors = {}, focus }: QuestionsOptions = {},
): string {
  const summary = Object.keys(errors).length ? renderErrorSummary(form, errors) : '';
  const focusField = allFields(form).find((field) => field.name === focus);
  const html =
    `<form class="form" id="form-top" method="post" action="${form.endpoint}" novalidate data-form="${form.id}" data-step="questions">` +
    summary +
    form.sections.map((section) => renderSection(section, values, errors)).join('') +
    honeypot() +
    `<input type="hidden" name="step" value="check">` +
    `<div class="form-actions"><button class="button" type="submit" name="action" value="check">Continue</button></div>` +
    `</form>`;
  if (!focusField) return html;
  const id = errorTargetId(focusField);
  return html.replace(`id="${id}"`, `id="${id}" autofocus`);
}

function hiddenInputs(form: FormDefinition, values: Values): string {
  return allFields(form)
    .flatMap((field) => {
      const value = values[field.name];
      if (value === undefined) return [];
      const list = Array.isArray(value) ? value : [value];
      return list.map((item) => `<input type="hidden" name="${escapeHtml(field.name)}" value="${escapeHtml(item)}">`);
    })
    .join('');
}

/** What happens next and the privacy notice, shown before anyone sends anything. */
export function renderBeforeSend(form: FormDefinition): string {
  const next =
    form.id === 'referral'
      ? [
          'A trained facilitator will contact you, in the way and at the time you said is safe, usually within 5 working days.',
          'They will listen, explain how it works and check whether it is safe to go ahead.',
          'Taking part is your choice. Nothing happens without your agreement, and you can stop at any time.',
        ]
      : [
          'We will read your application and contact you by email, usually within 10 working days.',
          'If we can offer you an interview, we will tell you what happens next, including the background check.',
          'Not all applications are accepted, because places are limited.',
        ];
  return (
    `<h2>What happens next</h2><ul>${next.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` +
    `<h2>How we use your information</h2>` +
    `<p>We use what you tell us only to ${form.id === 'referral' ? 'respond to this referral' : 'consider your application'}. ` +
    `It is sent securely, stored encrypted, seen only by the staff who need it, and deleted when no longer needed. ` +
    `Read our <a href="/privacy/">privacy notice</a> to find out more, including your rights.</p>`
  );
}

/** Check your answers: each answer with a Change button, then the send button. */
export function renderCheckAnswers(form: FormDefinition, values: Values, token: string): string {
  const sections = askedSections(form, values)
    .map(({ section, fields }) => {
      const rows = fields
        .map((field) => {
          const label = field.summaryLabel ?? field.label;
          const answer = escapeHtml(describeAnswer(field, values[field.name])).replace(/\n/g, '<br>');
          return (
            `<div class="summary-list__row"><dt class="summary-list__key">${escapeHtml(label)}</dt>` +
            `<dd class="summary-list__value">${answer}</dd>` +
            `<dd class="summary-list__actions"><button class="link-button" type="submit" name="change" value="${escapeHtml(field.name)}" formnovalidate>` +
            `Change<span class="visually-hidden"> ${escapeHtml(label.toLowerCase())}</span></button></dd></div>`
          );
        })
        .join('');
      return `<h2>${escapeHtml(section.heading)}</h2><dl class="summary-list">${rows}</dl>`;
    })
    .join('');
  return (
    `<form class="form" id="form-top" method="post" action="${form.endpoint}" novalidate data-form="${form.id}" data-step="check">` +
    `<h1>Check your answers before sending</h1>${sections}` +
    hiddenInputs(form, values) +
    `<input type="hidden" name="token" value="${escapeHtml(token)}">` +
    honeypot() +
    renderBeforeSend(form) +
    `<div class="form-actions"><button class="button" type="submit" name="action" value="send" data-send-button>${escapeHtml(form.sendLabel)}</button></div>` +
    `</form>`
  );
}

export interface ContactFacts {
  phone: string;
  email: string;
}

/** The confirmation: the reference in a panel with no links in it, then what happens next. */
export function renderConfirmation(form: FormDefinition, reference: string, contact: ContactFacts): string {
  const what = form.id === 'referral' ? 'referral' : 'application';
  const tel = contact.phone.replace(/[^0-9+]/g, '');
  const next =
    form.id === 'referral'
      ? `<p>A trained facilitator will contact you, or the person you referred, in the way and at the time you said is safe. This is usually within 5 working days.</p>
         <p>They will listen, explain how a restorative process works and check whether it is safe to go ahead. Taking part is a free choice, and anyone can stop at any time.</p>`
      : `<p>We will read your application and contact you by email, usually within 10 working days.</p>
         <p>Places are limited, so not all applications are accepted. If we can offer you an interview, we will tell you about the next steps, including the background check.</p>`;
  return (
    `<div class="panel"><h1 class="panel__title">${form.id === 'referral' ? 'Referral sent' : 'Application sent'}</h1>` +
    `<div class="panel__body">Your reference number<br><strong data-reference>${escapeHtml(reference)}</strong></div></div>` +
    `<p>Keep a record of your reference number. Write it down, take a screenshot or print this page. Quote it if you contact us about your ${what}.</p>` +
    `<h2>What happens next</h2>${next}` +
    `<h2>If you need to contact us</h2>` +
    `<p>Phone: <a href="tel:${escapeHtml(tel)}" data-contact="phone">${escapeHtml(contact.phone)}</a><br>` +
    `Email: <a class="break-anywhere" href="mailto:${escapeHtml(contact.email)}" data-contact="referral-email">${escapeHtml(contact.email)}</a></p>` +
    `<p>If you are in danger now, call 999.</p>` +
    `<p><a href="/">Return to the home page</a></p>`
  );
}
