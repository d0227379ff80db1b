import { afterAll, beforeAll, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import type { ServerForm } from '../../functions/forms/definition.ts';
import { serveForms } from '../../functions/intake/routes.ts';
import { parseAnswers } from '../../functions/intake/validate.ts';
import { TOO_MANY_PATH, tooMany } from '../../functions/intake/too-many.ts';
import { contactFacts } from '../../functions/settings/config.ts';
import { callBackFor } from '../../src/forms/call-back/find.ts';
import { allFields, type ChoiceField } from '../../src/forms/fields.ts';
import { FORMS } from '../../src/forms/registry.ts';
import { characterCount } from '../../src/forms/character-count.ts';
import { ENGLISH_UI, fill, keepLtr, plural, type FormUi } from '../../src/forms/ui.ts';
import { decode } from '../support/smtp.ts';
import { parse, textOf } from '../support/dom.ts';
import { checkedWithoutScript, formRequest, startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * The call-back form in every language it has, in process, through every page its functions
 * answer with: not one word of English outside the partnership's name, addresses and the
 * reference, on the questions, the errors, check your answers, the confirmation and the
 * refusals; staff read it in English, the language first.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const LANGUAGES = path.join(ROOT, 'content', 'languages');
const frontMatter = (file: string) =>
  parseYaml(readFileSync(file, 'utf8').split(/^---$/m)[1]!) as { lang: string; name: string; englishName: string };
const languages = readdirSync(LANGUAGES)
  .filter((name) => name.endsWith('.md'))
  .map((name) => frontMatter(path.join(LANGUAGES, name)));
const callBacks = Object.values(SERVER_FORMS).filter((form) => form.ui);
const REFERENCE = /RG-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/g;

/** Every word the English forms use, their shared words too: what must not be left in a translation. */
const ENGLISH_WORDS = new Set(
  [
    ...Object.values(ENGLISH_UI).flatMap((value) => (typeof value === 'string' ? [value] : Object.values(value))),
    ...Object.values(FORMS)
      .filter((form) => !form.ui)
      .flatMap((form) => [
        form.title,
        form.sendLabel,
        form.sentTitle,
        form.timeToComplete,
        ...allFields(form).flatMap((field) => [
          JSON.stringify(field.label),
          JSON.stringify(field.hint ?? ''),
          JSON.stringify(field.messages),
        ]),
      ]),
  ]
    .join(' ')
    .toLowerCase()
    .match(/[a-z]{3,}/g),
);
// Words English shares with a language here, spelt the same (Romanian "are" and "care", Polish "problem").
const SHARED = new Set([
  'are',
  'care',
  'for',
  'mail',
  'moment',
  'problem',
  'site',
  'internet',
  'telefon',
  'format',
  'minute',
]);

/**
 * English left in text meant to be in another language (addresses, references and our name
 * taken out): in a language not written in Latin letters, any Latin word; in one that is, any
 * word of the English forms' own.
 */
function englishIn(text: string, lang: string): string[] {
  const words =
    text
      .replace(/\S+@\S+/g, ' ')
      .replace(REFERENCE, ' ')
      .replace(/Restorative Gloucestershire/g, ' ')
      .match(/[\p{L}]{2,}/gu) ?? [];
  const latinScript = ['pl', 'pt', 'ro'].includes(lang);
  return words.filter((word) =>
    latinScript ? ENGLISH_WORDS.has(word.toLowerCase()) && !SHARED.has(word.toLowerCase()) : /^[A-Za-z]+$/.test(word),
  );
}

/** What a page of the form says: the form's part of the shell, and the title. */
async function pageWords(response: Response): Promise<string> {
  const html = await response.text();
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const main = /<div data-form-shell>([\s\S]*)<\/div>\s*<\/main>/.exec(html)?.[1] ?? html;
  // A space at every tag, so words of neighbouring elements are never read as one; an email
  // address is an address, not wording (and is cut into parts where it may wrap).
  const spaced = main
    .replace(/<a [^>]*href="mailto:[^>]*>[\s\S]*?<\/a>/g, ' ')
    .replace(/</g, ' <')
    .replace(/>/g, '> ');
  const document = parse(spaced);
  // Hidden words count too (read out, or shown without CSS), as do the busy words of buttons.
  const busy = [...document.querySelectorAll('[data-busy-label]')].map((b) => b.getAttribute('data-busy-label'));
  return [title, textOf(document.body), ...busy].join(' ');
}

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.stop();
});

test('every language on the site has its call-back form, in its language, named as its page names it', () => {
  expect(callBacks.map((form) => form.ui!.lang).sort()).toEqual(languages.map((language) => language.lang).sort());
  for (const language of languages) {
    const form = callBackFor(language.lang)!;
    expect(form, language.lang).toBeDefined();
    expect(form.pagePath).toBe(`/languages/${language.lang}/call-back/`);
    const offered = (allFields(form).find((field) => field.name === 'language') as ChoiceField).options;
    expect(offered[0]).toEqual({ value: language.lang, label: language.name });
    // Staff read the language's English name, first.
    const server = SERVER_FORMS[form.id]!;
    expect(server.staffSubject).toBe(`Call-back request in ${language.englishName}`);
    expect(server.staffWords![`language=${language.lang}`]).toBe(language.englishName);
    expect(server.actFirst![0]!.fields[0]).toBe('language');
  }
  // Staff are told to book the interpreter, whichever way the person asked to be reached.
  expect(SERVER_FORMS['call-back-ar']!.staffNote).toMatch(/^Book an Arabic interpreter before you contact them /);
  expect(SERVER_FORMS['call-back-pl']!.staffNote).toMatch(/^Book a Polish interpreter before you contact them /);
  // A language without words for the form has no call-back form, and no page for one.
  expect(callBackFor('xx')).toBeUndefined();
  expect(Object.keys(FORMS)).toEqual(expect.arrayContaining(callBacks.map((form) => form.id)));
});

test('the shared words fill in their names, choose the plural the language needs, and leave unknown names', () => {
  expect(fill('Sending your {noun}…', { noun: 'referral' })).toBe('Sending your referral…');
  expect(fill('{a} and {b}', { a: '1' })).toBe('1 and {b}');
  expect(fill('{toString}', {})).toBe('{toString}');
  expect(plural(ENGLISH_UI.remaining, 1, 'en-GB')).toBe('1 character remaining');
  expect(plural(ENGLISH_UI.remaining, 2, 'en-GB', '2')).toBe('2 characters remaining');
  const polish = callBackFor('pl')!.ui!;
  expect(characterCount('a'.repeat(499), 500, polish).text).toBe('Pozostał 1 znak');
  expect(characterCount('a'.repeat(497), 500, polish).text).toBe('Pozostały 3 znaki');
  expect(characterCount('a'.repeat(495), 500, polish).text).toBe('Pozostało 5 znaków');
  expect(characterCount('a'.repeat(505), 500, polish)).toEqual({ text: '5 znaków za dużo', over: true });
  // A category the words do not give falls back to `other`.
  expect(plural({ other: '{count} x' }, 2, 'ar')).toBe('2 x');
});

for (const form of callBacks) {
  const ui = form.ui as FormUi;
  const noEnglish = (words: string, where: string) =>
    expect(englishIn(words, ui.lang), `${ui.lang} ${where}`).toEqual([]);

  test(`${ui.lang}: every page of the journey without JavaScript, and every refusal, is in the language`, async () => {
    // Posts as the function gets them (deliveries waited for); pages by their addresses.
    const handle = pipeline.handler(form);
    const serve = serveForms(SERVER_FORMS, () => pipeline.deps);
    const post = (body: Record<string, unknown> | string, headers: Record<string, string> = {}) =>
      handle(formRequest(form.endpoint, body, { form: true, headers }));

    const empty = await post({ action: 'check' });
    expect(empty.status).toBe(422);
    const errors = await pageWords(empty);
    expect(errors.startsWith(`${ui.errorPrefix} `)).toBe(true);
    expect(errors).toContain(ui.problemTitle);
    noEnglish(errors, 'errors');

    const answers = {
      name: 'Zoë 名前',
      language: 'another',
      otherLanguage: 'Kurdî',
      contactBy: 'phone',
      phone: '07700 900 982',
      times: ['morning', 'evening'],
      message: 'no',
      anything: 'x'.repeat(10),
    };
    const token = await checkedWithoutScript(pipeline, handle, form.endpoint, answers);
    const check = await post({ ...answers, action: 'check' });
    const checkWords = await pageWords(check);
    expect(checkWords).toContain(ui.checkTitle);
    noEnglish(checkWords.replace('Zoë', '').replace('Kurdî', '').replace(/x{10}/, ''), 'check answers');

    // Change, without JavaScript: the questions again, the answers kept, in the language.
    const change = await post({ ...answers, change: 'name' });
    noEnglish((await pageWords(change)).replace('Zoë', '').replace('Kurdî', '').replace(/x{10}/, ''), 'change');

    const sent = await post({ ...answers, action: 'send', token });
    expect(sent.status).toBe(303);
    const confirmation = await serve(new Request(new URL(sent.headers.get('location')!, 'http://localhost:4321')));
    expect(confirmation.status).toBe(200);
    const confirmed = await pageWords(confirmation);
    expect(confirmed).toContain(form.sentTitle);
    expect(confirmed).toContain(ui.danger);
    noEnglish(confirmed, 'confirmation');
    await pipeline.settle();

    // Staff: one email, in English, the language first; the person asked for another language.
    const reference = /reference=(RG-[^&]+)/.exec(sent.headers.get('location')!)![1]!;
    const staff = pipeline.mail.received.filter((mail) => mail.raw.includes(`[${reference}]`));
    expect(staff).toHaveLength(1);
    const text = decode(staff[0]!.raw);
    expect(text).toMatch(
      /LANGUAGE: BOOK AN INTERPRETER\s+Language to speak:\s+Another language \(below\)\s+The other language, in their words:\s+Kurdî/,
    );
    expect(text.indexOf('Language to speak')).toBeLessThan(text.indexOf('Zoë'));
    expect(text).toContain('Evening');

    // Over the rate limit, a post is rewritten to a page that knows no form: the language the
    // form's pages send with every post (here as the questions page has it) still answers it.
    const sentLang = /name="form-lang" value="([^"]+)"/.exec(await (await post({ action: 'check' })).text())?.[1];
    expect(sentLang).toBe(ui.lang);
    const over = await tooMany(formRequest(TOO_MANY_PATH, { ...answers, 'form-lang': sentLang! }, { form: true }));
    expect(over.status).toBe(429);
    const overWords = await pageWords(over);
    expect(overWords).toContain(ui.overLimitTitle);
    noEnglish(overWords, 'over the limit');
    const overJson = await tooMany(formRequest(TOO_MANY_PATH, { action: 'check', 'form-lang': ui.lang }));
    expect(await overJson.json()).toEqual({ error: fill(ui.overLimit, { phone: keepLtr(contactFacts.phone, ui) }) });

    // Refused: from another site, or a post that cannot be read.
    const cross = await post('name=a', { 'Sec-Fetch-Site': 'cross-site' });
    expect(cross.status).toBe(403);
    noEnglish(await pageWords(cross), 'cross-site');
    const unreadable = await handle(
      new Request(new URL(form.endpoint, 'http://localhost:4321'), {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Accept: 'text/html' },
        body: 'hello',
      }),
    );
    expect(unreadable.status).toBe(415);
    noEnglish(await pageWords(unreadable), 'unreadable');
    // A confirmation address without its proof claims nothing, in the language.
    const unproven = await serve(new Request(`http://localhost:4321${form.confirmationPath}?reference=RG-7Q2K-M9XD`));
    expect(unproven.status).toBe(404);
    noEnglish(await pageWords(unproven), 'reference not shown');
  });

  test(`${ui.lang}: the browser's answers (JSON) carry the language's messages`, async () => {
    const serve = serveForms(SERVER_FORMS, () => pipeline.deps);
    const answer = await serve(
      formRequest(form.endpoint, { action: 'check', contactBy: 'email', email: 'not an address' }),
    );
    expect(answer.status).toBe(422);
    const { errors } = (await answer.json()) as { errors: Record<string, string> };
    // By email, nothing is asked about leaving a message: an email is one.
    expect(Object.keys(errors).sort()).toEqual(['email', 'language', 'name', 'times']);
    for (const message of Object.values(errors)) noEnglish(message.replace('name@example.com', ''), 'JSON errors');
    // By phone, whether a message may be left is asked; "another language" must say which.
    const byPhone = await serve(
      formRequest(form.endpoint, { action: 'check', contactBy: 'phone', language: 'another' }),
    );
    const phoneErrors = ((await byPhone.json()) as { errors: Record<string, string> }).errors;
    expect(Object.keys(phoneErrors).sort()).toEqual(['message', 'name', 'otherLanguage', 'phone', 'times']);
    for (const message of Object.values(phoneErrors)) noEnglish(message, 'JSON errors by phone');
    const cross = await serve(
      formRequest(form.endpoint, { action: 'check' }, { headers: { 'Sec-Fetch-Site': 'cross-site' } }),
    );
    expect(await cross.json()).toEqual({ error: ui.notOurSite });
    // JSON that is not an object of answers (text, a list) is refused in the language.
    expect(ui.unreadable).toBeTruthy();
    for (const body of ['"hello"', '["a"]']) {
      const unreadable = await serve(formRequest(form.endpoint, body));
      expect(unreadable.status, body).toBe(400);
      expect(await unreadable.json(), body).toEqual({ error: ui.unreadable });
      // And parseAnswers, which the function runs after the guard, gives the same answer.
      expect(parseAnswers(form, JSON.parse(body)), body).toEqual({
        ok: false,
        errors: { form: ui.unreadable },
        values: {},
      });
    }
  });

  test(`${ui.lang}: no sentence of the English words is left in the form's own`, () => {
    const english = new Set(
      Object.values(ENGLISH_UI).flatMap((value) => (typeof value === 'string' ? [value] : Object.values(value))),
    );
    // Punctuation and addresses may be the same in both.
    const same = ['lang', 'dir', 'homePath', 'shellPath', 'goToForm', 'quoted', 'or'];
    const own = Object.entries(ui).filter(([key]) => !same.includes(key));
    for (const [key, value] of own) {
      for (const text of typeof value === 'string' ? [value] : Object.values(value as Record<string, string>))
        expect(english.has(text), `${ui.lang} ${key}`).toBe(false);
    }
    expect(ui.homePath).toBe(`/languages/${ui.lang}/`);
    expect(ui.shellPath).toBe(`/languages/${ui.lang}/form-shell/`);
  });
}

/** Every form served is a ServerForm with words for staff: a check on the list itself. */
test('each call-back form is served at its own addresses, apart from the others', () => {
  const ids = new Set(callBacks.map((form: ServerForm) => form.id));
  expect(ids.size).toBe(callBacks.length);
  for (const form of callBacks) expect(form.endpoint).toBe(`/api/forms/${form.id}`);
});
