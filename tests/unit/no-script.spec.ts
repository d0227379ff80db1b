import { afterAll, beforeAll, expect, test } from 'vitest';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { parse, textOf } from '../support/dom.ts';
import { formRequest, REFERRAL_ANSWERS, startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * The steps only a browser without JavaScript takes, answered by the function: "Change" on check
 * your answers, and the referral's first question, "Who is this referral for?". Nothing is stored.
 */
const referral = SERVER_FORMS.referral;
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => pipeline.stop());

const post = (body: Record<string, unknown>, form = true) =>
  pipeline.handler(referral)(formRequest(referral.endpoint, body, { form }));

test('"Change" goes back to the questions with every answer kept and the one to change named', async () => {
  const response = await post({ ...REFERRAL_ANSWERS, change: 'fullName' });
  expect(response.status).toBe(200);
  const page = parse(await response.text());
  expect(page.querySelector<HTMLInputElement>('input[name="fullName"]')?.getAttribute('value')).toBe(
    REFERRAL_ANSWERS.fullName,
  );
  expect(page.querySelector('input[name="fullName"]')?.hasAttribute('autofocus')).toBe(true);
  expect(textOf(page.querySelector('title'))).not.toMatch(/^Error/);
  // Changing who it is for goes back to that first question, the answer ticked.
  const audience = parse(await (await post({ ...REFERRAL_ANSWERS, change: 'referralFor' })).text());
  const ticked = audience.querySelector('input[name="referralFor"][checked]');
  expect(ticked?.getAttribute('value')).toBe(REFERRAL_ANSWERS.referralFor);
  // The other answers travel with it, unseen, so none is lost on the way back.
  expect(audience.querySelector('input[name="fullName"]')?.getAttribute('type')).toBe('hidden');
  expect(audience.querySelector('input[name="fullName"]')?.getAttribute('value')).toBe(REFERRAL_ANSWERS.fullName);
  expect((await pipeline.deps.outbox.store.list()).blobs).toHaveLength(0);
});

test('"Who is this referral for?" leads to the questions worded for the answer', async () => {
  const first = await post({ action: 'choose', referralFor: 'supporter' });
  expect(first.status).toBe(303);
  expect(first.headers.get('location')).toBe('/refer/someone-i-support/');
  const json = await post({ action: 'choose', referralFor: 'harmed' }, false);
  expect(json.status).toBe(200);
  expect(await json.json()).toEqual({ path: '/refer/i-was-harmed/' });
  // Answers already given (Back, then a different choice) are kept on the page, not lost to a redirect.
  const kept = await post({ action: 'choose', referralFor: 'harmed', fullName: 'Sam Carter' });
  expect(kept.status).toBe(200);
  const page = parse(await kept.text());
  expect(page.querySelector('input[name="fullName"]')?.getAttribute('value')).toBe('Sam Carter');
});

test('no answer, an unknown one or a name from JavaScript’s own objects gets the question again with its error', async () => {
  for (const referralFor of [undefined, 'someone', 'constructor', '__proto__', 'toString']) {
    const response = await post({ action: 'choose', ...(referralFor ? { referralFor } : {}) });
    expect(response.status, String(referralFor)).toBe(422);
    const page = parse(await response.text());
    expect(textOf(page.querySelector('title'))).toMatch(/^Error: /);
    expect(textOf(page.querySelector('.form-error'))).toBe('Error: Select who this referral is for');
    const json = await post({ action: 'choose', ...(referralFor ? { referralFor } : {}) }, false);
    expect(json.status).toBe(422);
    expect(await json.json()).toEqual({ errors: { referralFor: 'Select who this referral is for' } });
  }
  // A list where one answer belongs (a script's own JSON) is no answer, even a list of one.
  const listed = await post({ action: 'choose', referralFor: ['harmed'] }, false);
  expect(listed.status).toBe(422);
});
