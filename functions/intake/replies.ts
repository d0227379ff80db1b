/**
 * The pages a form post is answered with when the browser has no JavaScript (the questions
 * again, check your answers, a problem), poured into the site's page shell. Pages answering a
 * plain form post are kept by the browser (never by shared caches), so that Back returns to
 * them instead of to the browser's "Confirm form resubmission" error.
 */
import type { ServerForm } from '../forms/definition.ts';
import type { Values } from '../../src/forms/fields.ts';
import { escapeHtml, renderAudienceQuestion, renderCheckAnswers, renderQuestions } from '../../src/forms/render.ts';
import { fill, keepLtr, uiOf } from '../../src/forms/ui.ts';
import { contactFacts } from '../settings/config.ts';
import { html } from './http.ts';
import { renderPage } from './pages.ts';

export type Errors = Record<string, string>;

export function problemMessage(form: Pick<ServerForm, 'noun' | 'ui'>) {
  const ui = uiOf(form);
  return fill(ui.problemMessage, { noun: form.noun, phone: keepLtr(contactFacts.phone, ui) });
}

function titled(form: ServerForm, errors: Errors) {
  return `${Object.keys(errors).length ? `${uiOf(form).errorPrefix} ` : ''}${form.title}`;
}

export function repliesFor(form: ServerForm, origin: string) {
  const ui = uiOf(form);
  const page = (status: number, title: string, main: string) =>
    renderPage({ origin, path: form.pagePath, title, main, shell: ui.shellPath }).then((text) =>
      html(status, text, { 'Cache-Control': 'private, no-cache' }),
    );
  return {
    page,
    questions: (status: number, values: Values, errors: Errors = {}, focus?: string) =>
      page(status, titled(form, errors), `<h1>${form.title}</h1>${renderQuestions(form, { values, errors, focus })}`),
    audience: (status: number, values: Values, errors: Errors = {}) =>
      page(status, titled(form, errors), `<h1>${form.title}</h1>${renderAudienceQuestion(form, { values, errors })}`),
    checkAnswers: (status: number, values: Values, token: string, notice?: string) =>
      page(
        status,
        fill(ui.checkPageTitle, { title: form.title }),
        `${notice ? `<p class="notice">${escapeHtml(notice)}</p>` : ''}${renderCheckAnswers(form, values, token)}`,
      ),
    problem: (status: number) =>
      page(
        status,
        `${ui.errorPrefix} ${form.title}`,
        `<h1>${escapeHtml(ui.problemPageTitle)}</h1><p>${escapeHtml(problemMessage(form))}</p>`,
      ),
  };
}

export type Replies = ReturnType<typeof repliesFor>;
