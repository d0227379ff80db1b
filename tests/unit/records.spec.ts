import { afterEach, beforeEach, expect, test } from 'vitest';
import { logsOf } from '../support/logs.ts';
import { overriding } from '../support/stores.ts';
import type { Store } from '@netlify/blobs';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { openRecord } from '../../functions/records/open.ts';
import { storeSubmission } from '../../functions/records/store.ts';
import { REFERRAL_ANSWERS, startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * Storing: a submission never takes the place of another, however references fall; equality
 * answers kept apart cannot cost the submission itself.
 */
const referral = SERVER_FORMS.referral;
let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await startPipeline();
});
afterEach(async () => pipeline.stop());

/** The store, with `setJSON` sent to `key` instead, for the first `times` calls (a reference in use). */
function clashing(store: Store, key: string, times: number): { store: Store; calls: () => number } {
  let calls = 0;
  const proxy = new Proxy(store, {
    get(target, name) {
      const value = Reflect.get(target, name) as unknown;
      if (name !== 'setJSON') return typeof value === 'function' ? value.bind(target) : value;
      return (reference: string, data: unknown, options: unknown) => {
        calls++;
        return target.setJSON(calls <= times ? key : reference, data, options as never);
      };
    },
  });
  return { store: proxy, calls: () => calls };
}

test('a reference already in use is passed over: the stored submission stays as it was', async () => {
  const outbox = pipeline.deps.outbox;
  const existing = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  const before = await outbox.store.get(existing, { type: 'text' });
  const clash = clashing(outbox.store, existing, 1);
  const reference = await storeSubmission({ ...outbox, store: clash.store }, referral, {
    ...REFERRAL_ANSWERS,
    fullName: 'Someone Else',
  });
  expect(reference).not.toBe(existing);
  expect(clash.calls()).toBe(2);
  expect(await outbox.store.get(existing, { type: 'text' })).toBe(before);
  const stored = openRecord(outbox, reference, (await outbox.store.get(reference, { type: 'text' }))!);
  expect(stored.values.fullName).toBe('Someone Else');
});

test('after five references in use it gives up, having overwritten nothing', async () => {
  const outbox = pipeline.deps.outbox;
  const existing = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  const before = await outbox.store.get(existing, { type: 'text' });
  const clash = clashing(outbox.store, existing, Infinity);
  await expect(storeSubmission({ ...outbox, store: clash.store }, referral, REFERRAL_ANSWERS)).rejects.toThrow(
    'Could not find a free reference',
  );
  expect(clash.calls()).toBe(5);
  expect(await outbox.store.get(existing, { type: 'text' })).toBe(before);
  expect((await outbox.store.list()).blobs).toHaveLength(1);
});

test('equality answers that cannot be kept apart are lost, never the application, and the log says so', async () => {
  const outbox = pipeline.deps.outbox;
  const equality = overriding(outbox.equality, (_target, name) =>
    name === 'setJSON' ? async () => Promise.reject(new Error('equality store down')) : undefined,
  );
  const { result: reference, lines } = await logsOf(() =>
    storeSubmission({ ...outbox, equality }, SERVER_FORMS['volunteer-application'], {
      fullName: 'Sam Carter',
      email: 'sam@example.org',
      gender: 'woman',
    }),
  );
  expect(lines).toEqual([
    expect.objectContaining({ outcome: 'separate-answers-failed', form: 'volunteer-application' }),
  ]);
  const stored = openRecord(outbox, reference, (await outbox.store.get(reference, { type: 'text' }))!);
  expect(stored.values).toEqual({ fullName: 'Sam Carter', email: 'sam@example.org' });
});
