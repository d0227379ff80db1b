/**
 * Enhances a form that already works without JavaScript: the same questions, messages,
 * check-answers page and confirmation, without a page load between steps. The server
 * still checks everything; this only saves a round trip and keeps focus where it belongs.
 */
import { allFields, validate, type Errors, type FormDefinition, type Values } from '../forms/fields.ts';
import { renderCheckAnswers, renderErrorSummary, renderQuestions } from '../forms/render.ts';
import { referralForm } from '../forms/referral.ts';
import { volunteerApplicationForm } from '../forms/volunteer-application.ts';
import { MIN_MS_BEFORE_SEND } from '../forms/timing.ts';

const FORMS: Record<string, FormDefinition> = {
  [referralForm.id]: referralForm,
  [volunteerApplicationForm.id]: volunteerApplicationForm,
};

/** Reads the answers the way the server does: checkbox groups as lists, single boxes as "yes". */
function readValues(form: FormDefinition, element: HTMLFormElement): Values {
  const data = new FormData(element);
  const values: Values = {};
  for (const field of allFields(form)) {
    if (field.kind === 'checkboxes') values[field.name] = data.getAll(field.name).map(String);
    else values[field.name] = String(data.get(field.name) ?? '');
  }
  return values;
}

/** Shows a question or section only when the answer it depends on is given. */
function applyConditions(container: HTMLElement, values: Values): void {
  container.querySelectorAll<HTMLElement>('[data-when-field]').forEach((element) => {
    const answer = values[element.dataset.whenField!];
    const answers = Array.isArray(answer) ? answer : [answer];
    const wanted = (element.dataset.whenValues ?? '').split(' ');
    element.hidden = !answers.some((value) => wanted.includes(value));
  });
}

export function enhanceForm(root: HTMLElement, form: FormDefinition): void {
  const doc = root.ownerDocument;
  const intro = root.querySelector<HTMLElement>('[data-form-intro]')!;
  const body = root.querySelector<HTMLElement>('[data-form-body]')!;
  const baseTitle = doc.title;
  let values: Values = {};
  let token = '';
  let checkedAt = 0;
  let sendAfterMs = MIN_MS_BEFORE_SEND;
  let sending = false;

  const setTitle = (prefix?: string) => {
    doc.title = prefix ? `${prefix} ${baseTitle}` : baseTitle;
  };

  const focusSummary = () => {
    const summary = body.querySelector<HTMLElement>('[data-error-summary]');
    summary?.focus();
    summary?.scrollIntoView({ block: 'start' });
  };

  function showQuestions(errors: Errors = {}, focus?: string): void {
    intro.hidden = false;
    body.innerHTML = renderQuestions(form, { values, errors, focus });
    const element = body.querySelector<HTMLFormElement>('form')!;
    applyConditions(element, values);
    element.addEventListener('change', () => applyConditions(element, readValues(form, element)));
    element.addEventListener('submit', onContinue);
    // Error summary links move focus to the field itself, as GOV.UK's do, so its label is read.
    body.querySelector('[data-error-summary]')?.addEventListener('click', (event) => {
      const link = (event.target as HTMLElement).closest('a');
      const target = link && doc.getElementById(link.hash.slice(1));
      if (!target) return;
      event.preventDefault();
      target.focus();
      (target.closest('fieldset, .form-group') ?? target).scrollIntoView({ block: 'start' });
    });
    if (Object.keys(errors).length) {
      setTitle('Error:');
      focusSummary();
    } else {
      setTitle();
      if (focus) body.querySelector<HTMLElement>('[autofocus]')?.focus();
    }
  }

  function showCheckAnswers(): void {
    intro.hidden = true;
    body.innerHTML = renderCheckAnswers(form, values, token);
    setTitle('Check your answers –');
    const element = body.querySelector<HTMLFormElement>('form')!;
    element.addEventListener('submit', onSend);
    const heading = body.querySelector<HTMLElement>('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
    root.scrollIntoView({ block: 'start' });
  }

  function showProblem(message: string): void {
    const summary = body.querySelector('[data-error-summary]');
    const html = renderErrorSummary(form, { form: message });
    if (summary) summary.outerHTML = html;
    else body.querySelector('form')?.insertAdjacentHTML('afterbegin', html);
    setTitle('Error:');
    focusSummary();
  }

  async function post(payload: Record<string, unknown>): Promise<{ status: number; data: Record<string, unknown> }> {
    const response = await fetch(form.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
    });
    const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return { status: response.status, data };
  }

  async function onContinue(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (sending) return;
    const element = event.currentTarget as HTMLFormElement;
    values = readValues(form, element);
    const checked = validate(form, values);
    if (!checked.ok) return showQuestions(checked.errors);
    sending = true;
    try {
      const { status, data } = await post({ ...values, website: readHoneypot(element), action: 'check' });
      if (status === 200) {
        values = data.values as Values;
        token = String(data.token);
        checkedAt = Date.now();
        if (typeof data.sendAfterMs === 'number') sendAfterMs = data.sendAfterMs;
        return showCheckAnswers();
      }
      if (status === 422) return showQuestions(data.errors as Errors);
      showProblem(String(data.error ?? 'We could not check your answers. Try again, or phone us.'));
    } catch {
      showProblem('We could not reach our website. Check your connection and try again, or phone us.');
    } finally {
      sending = false;
    }
  }

  async function onSend(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const submitter = event.submitter as HTMLButtonElement | null;
    if (submitter?.name === 'change') return showQuestions({}, submitter.value);
    // A second press while the first is on its way does nothing; the button stays usable.
    if (sending) return;
    sending = true;
    try {
      // Waits out the minimum time the server asked for, rather than fail and ask again.
      const wait = sendAfterMs - (Date.now() - checkedAt);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 50));
      const { status, data } = await post({ ...values, token, action: 'send' });
      if (status === 201 && typeof data.confirmationUrl === 'string') {
        doc.defaultView?.location.assign(data.confirmationUrl);
        return;
      }
      sending = false;
      if (status === 422) return showQuestions(data.errors as Errors);
      if (status === 409 && typeof data.token === 'string') {
        token = data.token;
        checkedAt = Date.now();
        if (typeof data.sendAfterMs === 'number') sendAfterMs = data.sendAfterMs;
        return showProblem(String(data.error));
      }
      showProblem(String(data.error ?? 'We could not send your answers. Try again, or phone us.'));
    } catch {
      sending = false;
      showProblem(
        'We could not reach our website, so nothing was sent. Check your connection and try again, or phone us.',
      );
    }
  }

  const readHoneypot = (element: HTMLFormElement) => String(new FormData(element).get('website') ?? '');

  // Take over the server-rendered questions without redrawing them, so nothing moves.
  const element = body.querySelector<HTMLFormElement>('form');
  if (!element) return;
  values = readValues(form, element);
  applyConditions(element, values);
  element.addEventListener('change', () => applyConditions(element, readValues(form, element)));
  element.addEventListener('submit', onContinue);
}

export function enhanceForms(doc: Document): void {
  doc.querySelectorAll<HTMLElement>('[data-form-root]').forEach((root) => {
    const form = FORMS[root.dataset.formId ?? ''];
    if (form) enhanceForm(root, form);
  });
}
