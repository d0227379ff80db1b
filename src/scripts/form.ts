/**
 * Enhances a form that already works without JavaScript: the same questions, messages,
 * check-answers page and confirmation, without a page load between steps. The server
 * still checks everything; this only saves a round trip and keeps focus where it belongs.
 * It imports no validation library: the checks are the plain functions the server runs.
 */
import type { FormDefinition } from '../forms/definition.ts';
import { characterCount } from '../forms/character-count.ts';
import { allFields, hasOtherAnswers, own, say, validate, type Errors, type Values } from '../forms/fields.ts';
import {
  renderAudienceQuestion,
  renderCheckAnswers,
  renderErrorSummary,
  renderQuestions,
  renderSent,
} from '../forms/render.ts';
import { MIN_MS_BEFORE_SEND } from '../forms/timing.ts';
import { fill, LANG_FIELD, uiOf } from '../forms/ui.ts';

/** Reads the answers the way the server does: checkbox groups as lists, single boxes as "yes". */
function readValues(form: FormDefinition, element: HTMLFormElement): Values {
  const data = new FormData(element);
  const values: Values = {};
  for (const field of allFields(form)) {
    if (field.kind === 'checkboxes') values[field.name] = data.getAll(field.name).map(String);
    else if (data.has(field.name)) values[field.name] = String(data.get(field.name) ?? '');
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
  // The "Answer this only if…" notes are for pages without script, where every question shows.
  container.querySelectorAll<HTMLElement>('[data-when-note]').forEach((note) => (note.hidden = true));
}

/**
 * While an answer is on its way: the button says what is happening, the live region beside it
 * says it to screen readers, and an error summary from the last try goes, so nothing on screen
 * is out of date. The button is never disabled (a disabled button loses focus and is skipped).
 */
function setBusy(element: HTMLFormElement, busy: boolean): void {
  const button = element.querySelector<HTMLButtonElement>('button[data-busy-label]');
  const status = element.querySelector<HTMLElement>('[data-form-status]');
  if (!button) return;
  button.dataset.label ??= button.textContent ?? '';
  button.textContent = busy ? button.dataset.busyLabel! : button.dataset.label;
  button.toggleAttribute('data-busy', busy);
  if (status) status.textContent = busy ? button.dataset.busyLabel! : '';
  if (busy) element.querySelector('[data-error-summary]')?.remove();
}

export function enhanceForm(root: HTMLElement, form: FormDefinition): void {
  const doc = root.ownerDocument;
  const intro = root.querySelector<HTMLElement>('[data-form-intro]');
  const body = root.querySelector<HTMLElement>('[data-form-body]')!;
  const baseTitle = doc.title;
  const ui = uiOf(form);
  let values: Values = {};
  let token = '';
  let checkedAt = 0;
  let sendAfterMs = MIN_MS_BEFORE_SEND;
  let sending = false;

  const setTitle = (title: string = baseTitle) => {
    doc.title = title;
  };
  const errorTitle = () => `${ui.errorPrefix} ${baseTitle}`;
  const showIntro = (show: boolean) => intro && (intro.hidden = !show);

  const focusSummary = () => {
    const summary = body.querySelector<HTMLElement>('[data-error-summary]');
    summary?.focus();
    summary?.scrollIntoView({ block: 'start' });
  };

  /**
   * GOV.UK's character count under each long answer: how many characters are left, or how many
   * too many, said politely to screen readers once typing pauses. The limit stays in the hint.
   */
  function countCharacters(element: HTMLFormElement) {
    element.querySelectorAll<HTMLTextAreaElement>('textarea[data-maxlength]').forEach((box) => {
      const max = Number(box.dataset.maxlength);
      const shown = doc.createElement('div');
      shown.className = 'form-hint form-count';
      shown.setAttribute('aria-hidden', 'true');
      const spoken = doc.createElement('div');
      spoken.className = 'visually-hidden';
      spoken.setAttribute('aria-live', 'polite');
      box.after(shown, spoken);
      let pause: ReturnType<typeof setTimeout> | undefined;
      const update = () => {
        const count = characterCount(box.value, max, ui);
        shown.textContent = count.text;
        shown.classList.toggle('form-count--over', count.over);
        clearTimeout(pause);
        pause = setTimeout(() => (spoken.textContent = count.text), 1000);
      };
      box.addEventListener('input', update);
      shown.textContent = characterCount(box.value, max, ui).text;
    });
  }

  /** Wires up whatever form is now in the body. */
  function attach(): HTMLFormElement {
    const element = body.querySelector<HTMLFormElement>('form')!;
    countCharacters(element);
    const step = element.dataset.step;
    applyConditions(element, readValues(form, element));
    element.addEventListener('change', () => applyConditions(element, readValues(form, element)));
    element.addEventListener('submit', step === 'check' ? onSend : step === 'audience' ? onChoose : onContinue);
    // Error summary links move focus to the field itself, as GOV.UK's do, so its label is read.
    body.querySelector('[data-error-summary]')?.addEventListener('click', (event) => {
      const link = (event.target as HTMLElement).closest('a');
      const target = link && doc.getElementById(link.hash.slice(1));
      if (!target) return;
      event.preventDefault();
      target.focus();
      (target.closest('fieldset, .form-group') ?? target).scrollIntoView({ block: 'start' });
    });
    return element;
  }

  function show(html: string, errors: Errors, focus?: string): void {
    body.innerHTML = html;
    attach();
    if (Object.keys(errors).length) {
      setTitle(errorTitle());
      focusSummary();
    } else {
      setTitle();
      if (focus) body.querySelector<HTMLElement>('[autofocus]')?.focus();
    }
  }

  const showQuestions = (errors: Errors = {}, focus?: string) => {
    showIntro(true);
    show(renderQuestions(form, { values, errors, focus }), errors, focus);
  };

  function showAudience(errors: Errors = {}): void {
    showIntro(true);
    show(renderAudienceQuestion(form, { values, errors }), errors, form.audience?.field.name);
  }

  function showCheckAnswers(fromHistory = false): void {
    // Check your answers gets its own entry in the history, so Back returns to the questions
    // with every answer kept, as it would between two pages.
    if (!fromHistory) doc.defaultView?.history.pushState({ formStep: 'check' }, '');
    showIntro(false);
    body.innerHTML = renderCheckAnswers(form, values, token);
    setTitle(fill(ui.checkPageTitle, { title: baseTitle }));
    attach();
    const heading = body.querySelector<HTMLElement>('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
    root.scrollIntoView({ block: 'start' });
  }

  function showProblem(element: HTMLFormElement, message: string): void {
    const html = renderErrorSummary(form, { form: message });
    element.querySelector('[data-error-summary]')?.remove();
    element.insertAdjacentHTML('afterbegin', html);
    setTitle(errorTitle());
    focusSummary();
  }

  async function post(payload: Record<string, unknown>): Promise<{ status: number; data: Record<string, unknown> }> {
    const response = await fetch(form.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      // A form in another language says which, as its pages without script do (ui.ts LANG_FIELD).
      body: JSON.stringify(form.ui ? { ...payload, [LANG_FIELD]: ui.lang } : payload),
    });
    const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return { status: response.status, data };
  }

  /** "Who is this referral for?": opens the questions worded for the answer. */
  function onChoose(event: SubmitEvent): void {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const audience = form.audience!;
    const chosen = readValues(form, element);
    const answer = String(chosen[audience.field.name] ?? '');
    const path = own(audience.paths, answer);
    if (!path) {
      values = chosen;
      return showAudience({ [audience.field.name]: say(audience.field.messages.required) ?? '' });
    }
    // Changing this answer from check your answers keeps everything else the person wrote.
    if (hasOtherAnswers(form, chosen)) {
      values = chosen;
      return showQuestions();
    }
    setBusy(element, true);
    doc.defaultView?.location.assign(path);
  }

  async function onContinue(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (sending) return;
    const element = event.currentTarget as HTMLFormElement;
    values = readValues(form, element);
    const checked = validate(form, values);
    if (!checked.ok) return showQuestions(checked.errors);
    sending = true;
    setBusy(element, true);
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
      setBusy(element, false);
      showProblem(element, String(data.error ?? ui.checkFailed));
    } catch {
      setBusy(element, false);
      showProblem(element, ui.checkUnreachable);
    } finally {
      sending = false;
    }
  }

  async function onSend(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    const submitter = event.submitter as HTMLButtonElement | null;
    if (submitter?.name === 'change') {
      return submitter.value === form.audience?.field.name ? showAudience() : showQuestions({}, submitter.value);
    }
    // A second press while the first is on its way does nothing; the button stays usable.
    if (sending) return;
    sending = true;
    setBusy(element, true);
    try {
      // Waits out the minimum time the server asked for, rather than fail and ask again.
      const wait = sendAfterMs - (Date.now() - checkedAt);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 50));
      const { status, data } = await post({ ...values, token, action: 'send' });
      if (status === 201 && typeof data.confirmationUrl === 'string') {
        // The confirmation takes this page's place in the history, so Back leads to the page
        // before the form rather than to answers ready to send again. Should a browser restore
        // this page anyway, it shows that the answers were sent.
        body.innerHTML = renderSent(form, String(data.reference ?? ''), data.confirmationUrl);
        doc.defaultView?.location.replace(data.confirmationUrl);
        return;
      }
      sending = false;
      if (status === 422) return showQuestions(data.errors as Errors);
      setBusy(element, false);
      if (status === 409 && typeof data.token === 'string') {
        token = data.token;
        checkedAt = Date.now();
        if (typeof data.sendAfterMs === 'number') sendAfterMs = data.sendAfterMs;
        return showProblem(element, String(data.error));
      }
      showProblem(element, String(data.error ?? ui.sendFailed));
    } catch {
      sending = false;
      setBusy(element, false);
      showProblem(element, ui.sendUnreachable);
    }
  }

  const readHoneypot = (element: HTMLFormElement) => String(new FormData(element).get('website') ?? '');

  doc.defaultView?.addEventListener('popstate', (event) => {
    const onCheck = body.querySelector('form')?.dataset.step === 'check';
    const wantsCheck = (event.state as { formStep?: string } | null)?.formStep === 'check';
    if (onCheck && !wantsCheck && !sending) showQuestions();
    else if (!onCheck && wantsCheck && token) showCheckAnswers(true);
  });

  // Take over the server-rendered form without redrawing it, so nothing moves.
  const served = body.querySelector<HTMLFormElement>('form');
  if (!served) return;
  // Coming back to this page from another (Back after sending, say), the browser would fill the
  // boxes with the answers typed before: on a shared phone that shows them to the next person,
  // and they could be sent twice. Start empty instead (what the page itself fills in stays).
  const navigation = doc.defaultView?.performance.getEntriesByType('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  if (navigation?.type === 'back_forward') {
    // The browser puts typed values back as late as the load event: clear them after it too.
    const clear = () => {
      served.reset();
      values = readValues(form, served);
      applyConditions(served, values);
    };
    clear();
    doc.defaultView?.addEventListener('pageshow', (event) => !event.persisted && clear(), { once: true });
  }
  values = readValues(form, attach());
}

/**
 * Each form's questions and words as a chunk of its own, fetched only by the page that has that
 * form: a form page downloads no other form (tests/e2e/budgets.spec.ts checks the built files).
 */
// Stryker disable next-line all: Vite reads this call's literal arguments when it loads the module
const formModules = import.meta.glob<{ default: FormDefinition }>(['../forms/*/form.ts', '../forms/*/form.*.ts']);

export async function enhanceForms(doc: Document): Promise<void> {
  for (const root of doc.querySelectorAll<HTMLElement>('[data-form-root]')) {
    // The page names the module (src/forms/registry.ts FORM_MODULES), as a path under src/forms/.
    const load = formModules[`../forms/${root.dataset.formModule}`];
    // Without its module the form still works as the server sent it, as with JavaScript off.
    if (load) enhanceForm(root, (await load()).default);
  }
}
