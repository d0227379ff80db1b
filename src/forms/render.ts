/**
 * HTML for every state of a form: who it is for, the questions (with the error summary and
 * inline errors), check your answers, and the confirmation. One renderer for the static pages,
 * the browser script and the functions, so a person sees the same markup with or without
 * JavaScript. Every value is escaped: answers are untrusted.
 */
import type { FormDefinition } from './definition.ts';
import {
  allFields,
  askedSections,
  conditionsOf,
  describeAnswer,
  errorTargetId,
  fieldId,
  holds,
  HONEYPOT_FIELD,
  optionsFor,
  orderedErrors,
  own,
  say,
  speakerFor,
  type ChoiceField,
  type Condition,
  type ConfirmField,
  type Errors,
  type Field,
  type Section,
  type Speaker,
  type TextareaField,
  type TextField,
  type Values,
} from './fields.ts';
import { breakParts, contactLinks, type Contact } from '../lib/contact.ts';
import { fill, LANG_FIELD, lowerFirst, uiOf, type FormUi } from './ui.ts';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function attr(name: string, value: string | undefined) {
  return value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`;
}

const ENGLISH_LANG = 'en-GB';

function formatCount(n: number) {
  return n.toLocaleString('en-GB');
}

/** How the page knows who the form is speaking to, and which conditions are already settled. */
interface Context {
  form: FormDefinition;
  speaker: Speaker;
  ui: FormUi;
}

function contextOf(form: FormDefinition, speaker: Speaker): Context {
  return { form, speaker, ui: uiOf(form) };
}

type UiSentence = { [K in keyof FormUi]-?: FormUi[K] extends string ? K : never }[keyof FormUi];

/**
 * A sentence of the form's shared words with markup in it (a link, a bold reference): the
 * sentence and `text` are escaped, the `markup` put in after, in place of its names.
 */
function withMarkup(ui: FormUi, key: UiSentence, markup: Record<string, string>, text: Record<string, string> = {}) {
  // Stand-ins no sentence can contain, and with nothing in them to escape.
  const stand = (name: string) => `\u0000${name}\u0000`;
  const stands = Object.fromEntries(Object.keys(markup).map((name) => [name, stand(name)]));
  let html = escapeHtml(fill(ui[key], { ...text, ...stands }));
  for (const [name, value] of Object.entries(markup)) html = html.replace(stand(name), () => value);
  return html;
}

/** A sentence of the form's shared words, filled in and escaped for HTML. */
function words(ui: FormUi, key: UiSentence, values: Record<string, string> = {}): string {
  return escapeHtml(fill(ui[key], values));
}

/** Conditions on the audience answer are settled by the page itself; only the others remain. */
function openConditions(ctx: Context, conditions: Condition[]): Condition[] {
  const audienceField = ctx.form.audience?.field.name;
  return conditions.filter((condition) => condition.field !== audienceField);
}

function settledFalse(ctx: Context, conditions: Condition[]): boolean {
  const audienceField = ctx.form.audience?.field.name;
  const values: Values = audienceField && ctx.speaker.audience ? { [audienceField]: ctx.speaker.audience } : {};
  return conditions.some((condition) => condition.field === audienceField && !holds(condition, values));
}

function whenAttributes(conditions: Condition[]): string {
  // The browser script shows these only while their condition holds; one condition is enough
  // here because no question depends on two open answers.
  const [first] = conditions;
  return first ? `${attr('data-when-field', first.field)}${attr('data-when-values', first.oneOf.join(' '))}` : '';
}

/**
 * Without JavaScript every question is on the page at once, so a question that depends on an
 * earlier answer says which answer it depends on. The script hides these notes and the
 * questions themselves until they apply.
 */
function conditionNote(ctx: Context, conditions: Condition[]): string {
  const fields = allFields(ctx.form);
  const parts = conditions.map((condition) => {
    const source = fields.find((field) => field.name === condition.field);
    if (!source || (source.kind !== 'radios' && source.kind !== 'checkboxes')) return '';
    const quoted = (text: string) => fill(ctx.ui.quoted, { text });
    const choices = source.options
      .filter((option) => condition.oneOf.includes(option.value))
      .map((option) => quoted(say(option.label, ctx.speaker)))
      .join(ctx.ui.or);
    const sentence = source.kind === 'checkboxes' ? ctx.ui.onlyIfTicked : ctx.ui.onlyIfChose;
    return fill(sentence, { choices, question: quoted(say(source.label, ctx.speaker)) });
  });
  const text = parts.filter(Boolean).join(' ');
  return text ? `<p class="form-when" data-when-note>${escapeHtml(text)}</p>` : '';
}

function hintAndError(
  ctx: Context,
  field: Field,
  error: string | undefined,
  extraHint?: string,
): { html: string; describedBy: string } {
  const id = fieldId(field.name);
  const ids: string[] = [];
  let html = '';
  const hint = [say(field.hint, ctx.speaker), extraHint].filter(Boolean).join(' ');
  if (hint) {
    ids.push(`${id}-hint`);
    html += `<div class="form-hint" id="${id}-hint">${escapeHtml(hint)}</div>`;
  }
  if (error) {
    ids.push(`${id}-error`);
    // "Error:" is read out before the message so screen reader users know what it is.
    html += `<p class="form-error" id="${id}-error"><span class="visually-hidden">${words(ctx.ui, 'errorPrefix')}</span> ${escapeHtml(error)}</p>`;
  }
  return { html, describedBy: ids.join(' ') };
}

function optionalTag(ctx: Context, field: Field) {
  return field.optional ? ` <span class="form-optional">${words(ctx.ui, 'optional')}</span>` : '';
}

function groupOpen(
  ctx: Context,
  field: Field,
  error: string | undefined,
  element: 'div' | 'fieldset',
  /** A fieldset's hint and error (a single input carries its own aria-describedby). */
  describedBy?: string,
): string {
  const classes = `form-group${error ? ' form-group--error' : ''}`;
  const described = describedBy ? attr('aria-describedby', describedBy) : '';
  const open = openConditions(ctx, conditionsOf(field));
  return (
    `<${element} class="${classes}" id="group-${escapeHtml(field.name)}"${whenAttributes(open)}${described}>` +
    (element === 'div' ? conditionNote(ctx, open) : '')
  );
}

/** A field's autocomplete purpose, or "off" where it has none or its form keeps no answers. */
function autocompleteOf(ctx: Context, field: TextField): string {
  if (ctx.form.forgetAnswers) return 'off';
  return say(field.autocomplete, ctx.speaker) ?? 'off';
}

/** On the form element: "off" for a form that keeps no answers (FormWords.forgetAnswers). */
function formAutocomplete(form: FormDefinition): string {
  return form.forgetAnswers ? ' autocomplete="off"' : '';
}

function renderText(ctx: Context, field: TextField, value: string, error?: string): string {
  const id = fieldId(field.name);
  const { html, describedBy } = hintAndError(ctx, field, error);
  const type = field.kind === 'postcode' ? 'text' : field.kind;
  const width = field.width ? ` form-input--${field.width}` : '';
  return (
    `${groupOpen(ctx, field, error, 'div')}` +
    `<label class="form-label" for="${id}">${escapeHtml(say(field.label, ctx.speaker))}${optionalTag(ctx, field)}</label>${html}` +
    `<input class="form-input${width}${error ? ' form-input--error' : ''}" id="${id}" name="${escapeHtml(field.name)}" type="${type}"` +
    `${attr('value', value)}${attr('autocomplete', autocompleteOf(ctx, field))}` +
    `${field.spellcheck === false ? ' spellcheck="false"' : ''}` +
    `${field.kind === 'tel' ? ' inputmode="tel"' : ''}${field.kind === 'postcode' ? ' autocapitalize="characters"' : ''}` +
    `${attr('aria-describedby', describedBy || undefined)}${error ? ' aria-invalid="true"' : ''}></div>`
  );
}

function renderTextarea(ctx: Context, field: TextareaField, value: string, error?: string): string {
  const id = fieldId(field.name);
  const { html, describedBy } = hintAndError(
    ctx,
    field,
    error,
    fill(ctx.ui.upTo, { count: formatCount(field.maxLength) }),
  );
  return (
    `${groupOpen(ctx, field, error, 'div')}` +
    `<label class="form-label" for="${id}">${escapeHtml(say(field.label, ctx.speaker))}${optionalTag(ctx, field)}</label>${html}` +
    `<textarea class="form-textarea${error ? ' form-input--error' : ''}" id="${id}" name="${escapeHtml(field.name)}" rows="${field.rows ?? 4}" data-maxlength="${field.maxLength}"` +
    `${attr('aria-describedby', describedBy || undefined)}${error ? ' aria-invalid="true"' : ''}>${escapeHtml(value)}</textarea></div>`
  );
}

function renderChoices(ctx: Context, field: ChoiceField, value: string | string[], error?: string): string {
  const id = fieldId(field.name);
  const chosen = Array.isArray(value) ? value : [value];
  const { html, describedBy } = hintAndError(ctx, field, error);
  const type = field.kind === 'radios' ? 'radio' : 'checkbox';
  const items = optionsFor(field, ctx.speaker)
    .map((option, index) => {
      const optionId = `${id}-${index + 1}`;
      const optionHint = say(option.hint, ctx.speaker);
      const hint = optionHint
        ? `<div class="form-hint choice__hint" id="${optionId}-hint">${escapeHtml(optionHint)}</div>`
        : '';
      return (
        `<div class="choice"><input class="choice__input" id="${optionId}" name="${escapeHtml(field.name)}" type="${type}"` +
        `${attr('value', option.value)}${chosen.includes(option.value) ? ' checked' : ''}${optionHint ? attr('aria-describedby', `${optionId}-hint`) : ''}>` +
        `<label class="choice__label" for="${optionId}">${escapeHtml(say(option.label, ctx.speaker))}</label>${hint}</div>`
      );
    })
    .join('');
  return (
    `${groupOpen(ctx, field, error, 'fieldset', describedBy)}` +
    `<legend class="form-legend">${escapeHtml(say(field.label, ctx.speaker))}${optionalTag(ctx, field)}</legend>` +
    `${conditionNote(ctx, openConditions(ctx, conditionsOf(field)))}${html}` +
    `<div class="choices choices--${type}">${items}</div></fieldset>`
  );
}

function renderConfirm(ctx: Context, field: ConfirmField, value: string, error?: string): string {
  const id = `${fieldId(field.name)}`;
  const { html, describedBy } = hintAndError(ctx, field, error);
  return (
    `${groupOpen(ctx, field, error, 'fieldset', describedBy)}` +
    `<legend class="form-legend">${escapeHtml(say(field.label, ctx.speaker))}</legend>${html}` +
    `<div class="choices choices--checkbox"><div class="choice"><input class="choice__input" id="${id}" name="${escapeHtml(field.name)}" type="checkbox" value="yes"${value === 'yes' ? ' checked' : ''}>` +
    `<label class="choice__label" for="${id}">${escapeHtml(say(field.statement, ctx.speaker))}</label></div></div></fieldset>`
  );
}

function renderField(ctx: Context, field: Field, value: string | string[] | undefined, error?: string): string {
  switch (field.kind) {
    case 'radios':
    case 'checkboxes':
      return renderChoices(ctx, field, value ?? [], error);
    case 'confirm':
      return renderConfirm(ctx, field, typeof value === 'string' ? value : '', error);
    case 'textarea':
      return renderTextarea(ctx, field, typeof value === 'string' ? value : '', error);
    default:
      return renderText(ctx, field, typeof value === 'string' ? value : '', error);
  }
}

export function renderErrorSummary(form: FormDefinition, errors: Errors): string {
  const ui = uiOf(form);
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
    // autofocus: without JavaScript the page itself puts the cursor on the summary when it loads.
    `<div class="error-summary" data-error-summary tabindex="-1" role="alert" aria-labelledby="error-summary-title" autofocus>` +
    `<h2 class="error-summary__title" id="error-summary-title">${words(ui, 'problemTitle')}</h2>` +
    `<ul class="error-summary__list">${items}</ul></div>`
  );
}

function renderSection(ctx: Context, section: Section, values: Values, errors: Errors): string {
  if (settledFalse(ctx, conditionsOf(section))) return '';
  const fields = section.fields
    .filter((field) => !settledFalse(ctx, conditionsOf(field)))
    .map((field) => renderField(ctx, field, values[field.name], errors[field.name]))
    .join('');
  if (!fields) return '';
  const intro = (section.intro ?? [])
    .map((words) => say(words, ctx.speaker))
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
  const open = openConditions(ctx, conditionsOf(section));
  return `<section class="form-section" id="section-${escapeHtml(section.id)}"${whenAttributes(open)}><h2>${escapeHtml(say(section.heading, ctx.speaker))}</h2>${intro}${fields}</section>`;
}

/** The honeypot: hidden from people (and screen readers), tempting to bots that fill every box. */
function honeypot(ui: FormUi) {
  // Beside it, the form's language, for a form in another language (ui.ts LANG_FIELD).
  const lang =
    ui.lang === ENGLISH_LANG ? '' : `<input type="hidden" name="${LANG_FIELD}" value="${escapeHtml(ui.lang)}">`;
  return (
    lang +
    `<div class="form-honeypot" aria-hidden="true"><label for="field-${HONEYPOT_FIELD}">${words(ui, 'honeypot')}</label>` +
    `<input id="field-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off"></div>`
  );
}

/**
 * The button and, beside it, a live region: while an answer is on its way the button says
 * "Sending…" and the region says so too, because a screen reader does not announce a change
 * to a button's own text.
 */
function actions(label: string, busyLabel: string, name: string, value: string, extra = ''): string {
  return (
    `<div class="form-actions"><button class="button" type="submit" name="${name}" value="${value}"${attr('data-busy-label', busyLabel)}${extra}>${escapeHtml(label)}</button>` +
    `<p class="form-status" role="status" data-form-status></p></div>`
  );
}

function hiddenInputs(form: FormDefinition, values: Values, except: string[] = []): string {
  return allFields(form)
    .filter((field) => !except.includes(field.name))
    .flatMap((field) => {
      const value = values[field.name];
      if (value === undefined) return [];
      const list = Array.isArray(value) ? value : [value];
      return list.map((item) => `<input type="hidden" name="${escapeHtml(field.name)}" value="${escapeHtml(item)}">`);
    })
    .join('');
}

export interface QuestionsOptions {
  values?: Values;
  errors?: Errors;
  /** The question to put the cursor in, when the person chose to change an answer. */
  focus?: string;
}

/**
 * "Who is this referral for?": the first question of a form with an audience. Each answer
 * leads to the questions worded for it. When someone changes this answer on check your
 * answers, their other answers travel with it as hidden fields, so nothing is lost.
 */
export function renderAudienceQuestion(
  form: FormDefinition,
  { values = {}, errors = {} }: QuestionsOptions = {},
): string {
  const audience = form.audience;
  if (!audience) return '';
  const ctx = contextOf(form, speakerFor(form, values));
  const summary = Object.keys(errors).length ? renderErrorSummary(form, errors) : '';
  return (
    `<form class="form" id="form-top" method="post" action="${form.endpoint}" novalidate${formAutocomplete(form)} data-form="${escapeHtml(form.id)}" data-step="audience">` +
    summary +
    renderField(ctx, audience.field, values[audience.field.name], errors[audience.field.name]) +
    hiddenInputs(form, values, [audience.field.name]) +
    honeypot(ctx.ui) +
    actions(ctx.ui.continueLabel, ctx.ui.openingBusy, 'action', 'choose') +
    `</form>`
  );
}

/** The questions, as a form that posts natively to the function and is enhanced by script. */
export function renderQuestions(
  form: FormDefinition,
  { values = {}, errors = {}, focus }: QuestionsOptions = {},
): string {
  const speaker = speakerFor(form, values);
  const ctx = contextOf(form, speaker);
  const summary = Object.keys(errors).length ? renderErrorSummary(form, errors) : '';
  const audience = form.audience;
  const focusField = allFields(form).find((field) => field.name === focus);
  const chosen = audience && own(audience.paths, speaker.audience) ? speaker.audience : undefined;
  // The questions are worded for the audience answer, which the page fixes; without one (a
  // request that left it out) the question is asked here, first.
  const forWhom = !audience
    ? ''
    : chosen
      ? `<p class="form-caption">${escapeHtml(own(audience.captions, chosen) ?? '')}. ` +
        `<a href="${escapeHtml(form.pagePath)}">${words(ctx.ui, 'changeWhoFor', { noun: form.noun })}</a></p>` +
        `<input type="hidden" name="${escapeHtml(audience.field.name)}" value="${escapeHtml(chosen)}">`
      : renderField(ctx, audience.field, values[audience.field.name], errors[audience.field.name]);
  const html =
    `<form class="form" id="form-top" method="post" action="${form.endpoint}" novalidate${formAutocomplete(form)} data-form="${escapeHtml(form.id)}" data-step="questions">` +
    summary +
    forWhom +
    form.sections.map((section) => renderSection(ctx, section, values, errors)).join('') +
    honeypot(ctx.ui) +
    `<input type="hidden" name="step" value="check">` +
    actions(ctx.ui.continueLabel, ctx.ui.checkingBusy, 'action', 'check') +
    `</form>`;
  if (!focusField) return html;
  const id = errorTargetId(focusField);
  return html.replace(`id="${id}"`, `id="${id}" autofocus`);
}

/** What happens next and the privacy notice, shown before anyone sends anything. */
export function renderBeforeSend(form: FormDefinition, speaker: Speaker = speakerFor(form, {})): string {
  const ui = uiOf(form);
  // The privacy notice is in English: a form in another language says so with hreflang.
  const hreflang = ui.lang === ENGLISH_LANG ? '' : ` hreflang="${ENGLISH_LANG}"`;
  const link = `<a href="/privacy/"${hreflang}>${words(ui, 'privacyLink')}</a>`;
  return (
    `<h2>${words(ui, 'nextHeading')}</h2><ul>${form.nextSteps.map((line) => `<li>${escapeHtml(say(line, speaker))}</li>`).join('')}</ul>` +
    `<h2>${words(ui, 'privacyHeading')}</h2>` +
    `<p>${withMarkup(ui, 'privacy', { link }, { purpose: form.privacyPurpose })}</p>`
  );
}

/** Check your answers: each answer with a Change button, then the send button. */
export function renderCheckAnswers(form: FormDefinition, values: Values, token: string): string {
  const speaker = speakerFor(form, values);
  const ui = uiOf(form);
  const sections = askedSections(form, values)
    .map(({ section, fields }) => {
      const rows = fields
        .map((field) => {
          const label = say(field.summaryLabel ?? field.label, speaker);
          const answer = escapeHtml(describeAnswer(field, values[field.name], speaker, ui)).replace(/\n/g, '<br>');
          return (
            `<div class="summary-list__row"><dt class="summary-list__key">${escapeHtml(label)}</dt>` +
            `<dd class="summary-list__value"><bdi>${answer}</bdi></dd>` +
            `<dd class="summary-list__actions"><button class="link-button" type="submit" name="change" value="${escapeHtml(field.name)}" formnovalidate>` +
            // Only the first letter is lowered: "Change using IT", not "Change using it".
            `${words(ui, 'change')}<span class="visually-hidden"> ${escapeHtml(lowerFirst(label, ui.lang))}</span></button></dd></div>`
          );
        })
        .join('');
      const note = section.checkNote ? `<p>${escapeHtml(section.checkNote)}</p>` : '';
      return `<h2>${escapeHtml(say(section.heading, speaker))}</h2>${note}<dl class="summary-list">${rows}</dl>`;
    })
    .join('');
  return (
    `<form class="form" id="form-top" method="post" action="${form.endpoint}" novalidate${formAutocomplete(form)} data-form="${escapeHtml(form.id)}" data-step="check">` +
    `<h1>${words(ui, 'checkTitle')}</h1>${sections}` +
    hiddenInputs(form, values) +
    `<input type="hidden" name="token" value="${escapeHtml(token)}">` +
    honeypot(ui) +
    renderBeforeSend(form, speaker) +
    actions(form.sendLabel, fill(ui.sendingBusy, { noun: form.noun }), 'action', 'send', ' data-send-button') +
    `</form>`
  );
}

/** The partnership's phone and email, as src/lib/contact.ts words and links them. */
export type ContactFacts = Contact;

/** The voice a confirmation page is worded in, carried in its address (`for=other`). */
/** The confirmation page's address: the reference, its proof (functions/intake/proof.ts) and the voice. */
export function confirmationQuery(form: FormDefinition, reference: string, values: Values, proof: string) {
  return `${form.confirmationPath}?reference=${reference}&proof=${encodeURIComponent(proof)}${speakerFor(form, values).voice === 'other' ? '&for=other' : ''}`;
}

/** The confirmation: the reference in a panel with no links in it, then what happens next. */
export function renderConfirmation(
  form: FormDefinition,
  reference: string,
  contact: ContactFacts,
  speaker: Speaker = { voice: 'self' },
): string {
  const ui = uiOf(form);
  const labels = { phone: ui.phoneLabel, email: ui.emailLabel };
  const links = contactLinks(contact).map(
    (link) =>
      `${escapeHtml(labels[link.kind])}: <a dir="ltr" href="${escapeHtml(link.href)}" data-contact="${link.data}">${breakParts(link.text).map(escapeHtml).join('<wbr>')}</a>`,
  );
  const next = form.nextSteps.map((line) => `<p>${escapeHtml(say(line, speaker))}</p>`).join('');
  return (
    `<div class="panel"><h1 class="panel__title">${escapeHtml(form.sentTitle)}</h1>` +
    `<div class="panel__body">${words(ui, 'referenceLabel')}<br><strong data-reference dir="ltr">${escapeHtml(reference)}</strong></div></div>` +
    `<p>${words(ui, 'keepRecord', { noun: form.noun })}</p>` +
    `<h2>${words(ui, 'nextHeading')}</h2>${next}` +
    (form.readNext?.length
      ? `<ul>${form.readNext.map(({ href, text }) => `<li><a href="${escapeHtml(href)}">${escapeHtml(text)}</a></li>`).join('')}</ul>`
      : '') +
    `<h2>${words(ui, 'contactHeading')}</h2>` +
    `<p>${links.join('<br>')}</p>` +
    (form.safetyLines ? `<p>${words(ui, 'danger')}</p>` : '') +
    `<p><a href="${escapeHtml(ui.homePath)}">${words(ui, 'homeLink')}</a></p>`
  );
}

/**
 * What the form page shows once its answers are sent, just before the confirmation loads. If
 * the person comes Back to the page, this is what they find: not their answers, ready to send
 * again, but the reference and a way to start afresh.
 */
export function renderSent(form: FormDefinition, reference: string, confirmationUrl: string): string {
  const ui = uiOf(form);
  const strong = `<strong dir="ltr">${escapeHtml(reference)}</strong>`;
  return (
    `<div class="notice" data-form-sent><h2>${words(ui, 'sentHeading', { noun: form.noun })}</h2>` +
    `<p>${withMarkup(ui, 'sentReference', { reference: strong, link: `<a href="${escapeHtml(confirmationUrl)}">${words(ui, 'seeNext')}</a>` })}</p>` +
    `<p><a href="${escapeHtml(form.pagePath)}">${words(ui, 'startNew', { noun: form.noun })}</a></p></div>`
  );
}
