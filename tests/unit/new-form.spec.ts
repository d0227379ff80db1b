import { expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveForms, sharedAddresses } from '../../functions/submissions/handler.ts';
import type { FormDefinition } from '../../src/forms/definition.ts';
import { FORMS } from '../../src/forms/registry.ts';
import { renderQuestions } from '../../src/forms/render.ts';
import { decode } from '../support/smtp.ts';
import { formRequest, startPipeline } from '../support/pipeline.ts';

/**
 * A new form is one module: this one exists only in this file, and the pipeline serves it,
 * checks it, stores it, sends it to the inbox its module names and words its confirmation
 * in its own words, with no change to any other code.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

const questionForm: FormDefinition = {
  id: 'test-question',
  ...sharedAddresses('test-question'),
  pagePath: '/ask/',
  title: 'Ask a question',
  sendLabel: 'Send question',
  noun: 'question',
  sentTitle: 'Question sent',
  timeToComplete: 'It takes a minute.',
  staffSubject: 'New question',
  staffNote: 'Answer within a week.',
  inbox: 'QUESTION_INBOX',
  privacyPurpose: 'answer your question',
  nextSteps: ['We will answer by email.'],
  confirmationTo: () => undefined,
  sections: [
    {
      id: 'question',
      heading: 'Your question',
      fields: [
        {
          kind: 'textarea',
          name: 'question',
          label: 'What would you like to ask?',
          maxLength: 500,
          messages: { required: 'Enter your question', tooLong: 'Your question must be 500 characters or fewer' },
        },
      ],
    },
  ],
};

test('a form defined only by its module is served, checked, stored and delivered to its own inbox', async () => {
  const forms = { ...FORMS, [questionForm.id]: questionForm };
  const pipeline = await startPipeline({ inboxes: { QUESTION_INBOX: 'questions@test.invalid' } }, forms);
  try {
    const serve = serveForms(forms, () => pipeline.deps);
    expect(renderQuestions(questionForm)).toContain('action="/api/forms/test-question"');
    const empty = await serve(formRequest('/api/forms/test-question', { action: 'check' }));
    expect(empty.status).toBe(422);
    expect(await empty.json()).toEqual({ errors: { question: 'Enter your question' } });

    const check = await serve(
      formRequest('/api/forms/test-question', { question: 'When do you open?', action: 'check' }),
    );
    expect(check.status).toBe(200);
    const { token } = (await check.json()) as { token: string };
    pipeline.advance(pipeline.config.minMsBeforeSend);
    const sent = await serve(
      formRequest('/api/forms/test-question', { question: 'When do you open?', action: 'send', token }),
    );
    expect(sent.status).toBe(201);
    const { reference, confirmationUrl } = (await sent.json()) as { reference: string; confirmationUrl: string };
    expect(confirmationUrl).toBe(`/forms/test-question/sent/?reference=${reference}`);
    const { deliver } = await import('../../functions/submissions/outbox.ts');
    await deliver(pipeline.deps.outbox, reference);
    const mail = await pipeline.mail.waitFor(`[${reference}] New question`);
    expect(mail.to).toEqual(['questions@test.invalid']);
    expect(decode(mail.raw)).toContain('When do you open?');

    const page = await serve(new Request(`http://localhost${confirmationUrl}`));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Question sent');
    expect(html).toContain('We will answer by email.');
    expect(html).toContain('about your question');
    expect((await serve(new Request('http://localhost/api/forms/no-such-form', { method: 'POST' }))).status).toBe(404);
  } finally {
    await pipeline.stop();
  }
});

test('no code outside a form’s own module asks which form it has', () => {
  const files = ['functions', 'src/lib', 'src/scripts', 'src/components', 'src/layouts', 'src/forms']
    .flatMap((folder) =>
      readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(ts|mts|astro)$/.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name)),
    )
    .filter((file) => !Object.keys(FORMS).some((id) => file.endsWith(`src/forms/${id}.ts`)));
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    expect(text, path.relative(ROOT, file)).not.toMatch(
      /form\.id\s*[!=]==|\.id\s*[!=]==\s*'(referral|volunteer-application)'/,
    );
  }
});
