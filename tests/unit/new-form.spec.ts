import { expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVER_FORMS_LIST, serverFormsListSource, writeServerFormsList } from '../../scripts/lib/server-forms-list.ts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { serveForms } from '../../functions/intake/routes.ts';
import { FORMS } from '../../src/forms/registry.ts';
import { renderQuestions } from '../../src/forms/render.ts';
import { decode } from '../support/smtp.ts';
import { parse } from '../support/dom.ts';
import questionWordsFixture from '../fixtures/question-form/form.ts';
import questionServerFixture from '../fixtures/question-form/server.ts';
import { formRequest, startPipeline } from '../support/pipeline.ts';
import { proven } from '../support/proof.ts';

/**
 * A new form is one module: this one exists only in this file, and the pipeline serves it,
 * checks it, stores it, sends it to the inbox its module names and words its confirmation
 * in its own words, with no change to any other code.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

const questionWords = questionWordsFixture;
const questionForm = questionServerFixture;

test('a form defined only by its module is served, checked, stored and delivered to its own inbox', async () => {
  const forms = { ...SERVER_FORMS, [questionForm.id]: questionForm };
  const pipeline = await startPipeline({ inboxes: { QUESTION_INBOX: 'questions@test.invalid' } }, forms);
  try {
    const serve = serveForms(forms, () => pipeline.deps);
    expect(parse(renderQuestions(questionWords)).querySelector('form')?.getAttribute('action')).toBe(
      '/api/forms/question',
    );
    const empty = await serve(formRequest('/api/forms/question', { action: 'check' }));
    expect(empty.status).toBe(422);
    expect(await empty.json()).toEqual({
      errors: { question: 'Enter your question', email: 'Enter your email address' },
    });

    const check = await serve(
      formRequest('/api/forms/question', {
        question: 'When do you open?',
        email: 'asker@example.org',
        action: 'check',
      }),
    );
    expect(check.status).toBe(200);
    const { token } = (await check.json()) as { token: string };
    pipeline.advance(pipeline.config.minMsBeforeSend);
    const sent = await serve(
      formRequest('/api/forms/question', {
        question: 'When do you open?',
        email: 'asker@example.org',
        action: 'send',
        token,
      }),
    );
    expect(sent.status).toBe(201);
    const { reference, confirmationUrl } = (await sent.json()) as { reference: string; confirmationUrl: string };
    expect(confirmationUrl).toBe(`/forms/question/sent/?${proven(pipeline.config.tokenSecret, 'question', reference)}`);
    const { deliver } = await import('../../functions/delivery/deliver.ts');
    await deliver(pipeline.deps.outbox, reference);
    const mail = await pipeline.mail.waitFor(`[${reference}] New question`);
    expect(mail.to).toEqual(['questions@test.invalid']);
    expect(decode(mail.raw)).toContain('When do you open?');

    const page = await serve(new Request(`http://localhost${confirmationUrl}`));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Question sent');
    expect(html).toContain('We answer questions by email within a week.');
    expect(html).toContain('about your question');
    expect((await serve(new Request('http://localhost/api/forms/no-such-form', { method: 'POST' }))).status).toBe(404);
  } finally {
    await pipeline.stop();
  }
});

test('no code outside a form’s own modules asks which form it has', () => {
  const ids = Object.keys(FORMS);
  expect(ids.length).toBeGreaterThan(3);
  const ownModule = (file: string) =>
    ids.some((id) => file.endsWith(`src/forms/${id}/form.ts`) || file.endsWith(`functions/forms/${id}.ts`));
  const files = ['functions', 'src', 'admin', 'scripts']
    .flatMap((folder) =>
      readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(ts|mts|astro)$/.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name)),
    )
    .filter((file) => !ownModule(file));
  expect(files.length).toBeGreaterThan(50);
  // A comparison with a form's id, or a form picked by its id, outside its own modules.
  const askedById = new RegExp(
    `(===|!==|case)\\s*['"\`](${ids.join('|')})['"\`]|FORMS(\\[['"\`]|\\.)(${ids.join('|')})\\b`,
  );
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const where = path.relative(ROOT, file);
    expect(text, where).not.toMatch(/form\.id\s*[!=]==/);
    expect(text, where).not.toMatch(askedById);
  }
});

test('the functions serve exactly the forms the site has', () => {
  expect(Object.keys(SERVER_FORMS).sort()).toEqual(Object.keys(FORMS).sort());
  for (const [id, form] of Object.entries(SERVER_FORMS)) expect(form).toMatchObject(FORMS[id]);
});

test('every form still answers at the addresses it had before the shared ones', async () => {
  const pipeline = await startPipeline();
  try {
    const serve = serveForms(SERVER_FORMS, () => pipeline.deps);
    const former = Object.values(SERVER_FORMS).filter((form) => form.formerAddresses);
    expect(former.length).toBeGreaterThan(1);
    for (const form of former) {
      const { endpoint, confirmationPath } = form.formerAddresses!;
      // An old page posting without JavaScript gets the form's questions back, not a 404.
      const posted = await serve(formRequest(endpoint, { action: 'check' }, { form: true }));
      expect(posted.status, endpoint).toBe(422);
      expect(await posted.text()).toContain(form.title);
      for (const address of [confirmationPath, confirmationPath.replace(/\/$/, '')]) {
        const page = await serve(
          new Request(`http://localhost${address}?${proven(pipeline.config.tokenSecret, form.id, 'RG-7Q2K-M9XD')}`),
        );
        expect(page.status, address).toBe(200);
        expect(await page.text()).toContain(form.sentTitle);
      }
    }
  } finally {
    await pipeline.stop();
  }
});

test('the functions’ list of forms is written from the form folders, and a folder without its server module stops the build', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'rg-forms-list-'));
  try {
    for (const id of ['question', 'call-back']) {
      mkdirSync(path.join(root, 'src', 'forms', id), { recursive: true });
      writeFileSync(path.join(root, 'src', 'forms', id, 'form.ts'), '');
    }
    // Shared modules beside the folders are not forms.
    writeFileSync(path.join(root, 'src', 'forms', 'fields.ts'), '');
    mkdirSync(path.join(root, 'functions', 'forms'), { recursive: true });
    writeFileSync(path.join(root, 'functions', 'forms', 'question.ts'), '');
    expect(() => serverFormsListSource(root)).toThrow(
      'functions/forms/call-back.ts is missing: src/forms/call-back/ needs its server settings',
    );
    writeFileSync(path.join(root, 'functions', 'forms', 'call-back.ts'), '');
    writeServerFormsList(root);
    const list = readFileSync(path.join(root, SERVER_FORMS_LIST), 'utf8');
    expect(list).toContain("import callBack from './call-back.ts';");
    expect(list).toContain("import question from './question.ts';");
    expect(list).toContain('export const SERVER_FORM_LIST: readonly ServerForm[] = [callBack, question].flat();');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  // This checkout's list is the one its folders make, and it names every form the site has.
  const here = path.resolve(import.meta.dirname, '..', '..');
  expect(readFileSync(path.join(here, SERVER_FORMS_LIST), 'utf8')).toBe(serverFormsListSource(here));
  expect(Object.keys(SERVER_FORMS).sort()).toEqual(Object.keys(FORMS).sort());
});
