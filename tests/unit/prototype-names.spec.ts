import { afterAll, beforeAll, expect, test } from 'vitest';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { allFields } from '../../src/forms/fields.ts';
import { quietly } from '../support/logs.ts';
import { formRequest, startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * Names from JavaScript's own objects, sent as answers, as field names and as steps: every one
 * gets an answer a person can act on (a 4xx, or the form again), never a 5xx, on both paths.
 * A lookup keyed by what a client sent that found `Object.prototype.constructor` would
 * otherwise treat it as a real option, path or field.
 */
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => pipeline.stop());

for (const form of Object.values(SERVER_FORMS)) {
  test(`${form.id}: every field sent a name from Object.prototype, on both paths and at every step, gets no 5xx`, async () => {
    const handle = pipeline.handler(form);
    const names = [...allFields(form).map((field) => field.name), ...(form.audience ? [form.audience.field.name] : [])];
    const failures: string[] = [];
    await quietly(async () => {
      for (const name of names)
        for (const value of NAMES)
          for (const action of ['check', 'send', 'choose', undefined])
            for (const asForm of [true, false]) {
              const body: Record<string, unknown> = { [name]: value, ...(action ? { action } : {}) };
              if (action === 'send') body.token = value;
              const response = await handle(formRequest(form.endpoint, body, { form: asForm }));
              if (response.status >= 500)
                failures.push(`${name}=${value} ${action} ${asForm ? 'form' : 'json'}: ${response.status}`);
              const location = response.headers.get('location') ?? '';
              if (location.includes('native code') || location.includes('function'))
                failures.push(`${name}=${value} ${action}: redirected to ${location}`);
            }
      // As the step itself, the question to change, and as field names.
      for (const value of NAMES)
        for (const body of [{ action: value }, { change: value }, { [value]: 'x', action: 'check' }, { [value]: 'x' }])
          for (const asForm of [true, false]) {
            const response = await handle(formRequest(form.endpoint, body, { form: asForm }));
            if (response.status >= 500)
              failures.push(`${JSON.stringify(body)} ${asForm ? 'form' : 'json'}: ${response.status}`);
          }
    });
    expect(failures).toEqual([]);
  });
}

test('a plain form post whose field is named __proto__ or constructor reads as answers, not as the object’s own', async () => {
  const { readBody } = await import('../../functions/intake/http.ts');
  const request = new Request('http://localhost/api/forms/referral', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: '__proto__=a&constructor=b&constructor=c&toString=d',
  });
  const { body } = await readBody(request);
  expect(Object.entries(body)).toEqual([
    ['__proto__', 'a'],
    ['constructor', ['b', 'c']],
    ['toString', 'd'],
  ]);
});
