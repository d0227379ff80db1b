import { afterEach, beforeEach, expect, test } from 'vitest';
import { defineServerForm, type ServerForm } from '../../functions/forms/definition.ts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import {
  digestDue,
  digestEmail,
  sendDigest,
  shuffled,
  ukDayAndHour,
  type Waiting,
} from '../../functions/delivery/digest.ts';
import { parse } from '../support/dom.ts';
import { sweep } from '../../functions/delivery/sweep.ts';
import type { RecordMetadata } from '../../functions/records/store.ts';
import feedbackWords from '../../src/forms/feedback/form.ts';
import { logsOf } from '../support/logs.ts';
import { withFaultyKeyring } from '../support/stores.ts';
import { decode } from '../support/smtp.ts';
import { checkThenSend, startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * A form whose staff get a daily digest (its `delivery` setting) is delivered by the same
 * modules as every other form: here feedback, set to a digest at 09:00 UK time once three have
 * arrived or the oldest has waited a week. Nothing in the pipeline changes for it.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const settings = { hour: 9, atLeast: 3, orAfterDays: 7 };
const digestForm: ServerForm = defineServerForm(feedbackWords, {
  ...SERVER_FORMS.feedback,
  delivery: { digest: settings },
});

let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await startPipeline({}, { ...SERVER_FORMS, feedback: digestForm });
  // To 07:00 UK time on the next day, whatever time it is now.
  const { hour } = ukDayAndHour(pipeline.now());
  pipeline.advance(((24 + 7 - hour) % 24 || 24) * HOUR - (pipeline.now() % HOUR));
  expect(ukDayAndHour(pipeline.now()).hour).toBe(7);
});
afterEach(async () => pipeline.stop());

const send = (answer: string) => checkThenSend(pipeline, digestForm, { overall: 'good', whatHelped: answer });
const feedbackMail = () => pipeline.mail.received.filter((mail) => mail.to.includes('feedback@test.invalid'));
const run = () => sweep(pipeline.deps.outbox);

test('feedback set to a digest waits for the hour and for three from earlier days, then goes in one email, once', async () => {
  for (const answer of ['First answer', 'Second answer']) expect((await send(answer)).status).toBe(201);
  await pipeline.settle();
  expect(feedbackMail()).toEqual([]);

  pipeline.advance(DAY + 2 * HOUR + 5 * 60_000); // 09:05 the next day, but only two are waiting
  await run();
  expect(feedbackMail()).toEqual([]);

  // A third today: it waits for tomorrow, so the email cannot follow it by minutes.
  expect((await send('Third answer')).status).toBe(201);
  await pipeline.settle();
  await run();
  expect(feedbackMail()).toEqual([]);
  pipeline.advance(DAY);
  await run();
  expect(feedbackMail()).toHaveLength(1);
  const text = decode(feedbackMail()[0].raw);
  for (const answer of ['First answer', 'Second answer', 'Third answer']) expect(text).toContain(answer);
  expect(text).toContain('3 feedback');

  const { blobs } = await pipeline.deps.outbox.store.list();
  for (const { key } of blobs) {
    const entry = await pipeline.deps.outbox.store.getMetadata(key);
    expect((entry?.metadata as unknown as RecordMetadata).status, key).toBe('delivered');
  }
  await run();
  pipeline.advance(HOUR);
  await run();
  expect(feedbackMail()).toHaveLength(1);
});

test('before the hour nothing goes, however many are waiting', async () => {
  for (const answer of ['One', 'Two', 'Three', 'Four']) await send(answer);
  await pipeline.settle();
  pipeline.advance(DAY + HOUR + 59 * 60_000); // 08:59 the next day
  await run();
  expect(feedbackMail()).toEqual([]);
  pipeline.advance(60_000); // 09:00
  await run();
  expect(feedbackMail()).toHaveLength(1);
});

test('one feedback alone waits a week, then goes at the hour; health does not call it late meanwhile', async () => {
  await send('Alone');
  await pipeline.settle();
  const health = async () =>
    (await (
      await pipeline.health(
        new Request('http://localhost/api/health', { headers: { Authorization: 'Bearer health-secret' } }),
      )
    ).json()) as { status: string; waiting: number };
  pipeline.advance(2.5 * HOUR); // 09:30, every day for a week
  for (let day = 0; day < 7; day++) {
    await run();
    expect(feedbackMail(), `day ${day}`).toEqual([]);
    pipeline.advance(DAY);
  }
  expect(await health()).toMatchObject({ status: 'ok', waiting: 1 });
  await run(); // a week on, at 09:30
  expect(feedbackMail()).toHaveLength(1);
  expect(decode(feedbackMail()[0].raw)).toContain('Alone');
});

test('a digest that cannot be sent is tried again at the next sweep, and none is lost', async () => {
  for (const answer of ['A', 'B', 'C']) await send(answer);
  await pipeline.settle();
  pipeline.advance(DAY + 2 * HOUR);
  await pipeline.mail.stop();
  await run();
  expect(feedbackMail()).toEqual([]);
  await pipeline.mail.start();
  await run();
  expect(feedbackMail()).toHaveLength(1);
  for (const answer of ['A', 'B', 'C']) expect(decode(feedbackMail()[0].raw)).toContain(`\n  ${answer}`);
});

test('the rule: from the hour, at least the number, or the oldest old enough', () => {
  const nineAm = Date.parse('2027-01-12T09:00:00Z'); // winter: UK time is UTC
  expect(digestDue(settings, [], nineAm)).toBe(false);
  expect(digestDue(settings, [nineAm - HOUR, nineAm - 2 * HOUR], nineAm)).toBe(false);
  expect(digestDue(settings, [nineAm - HOUR, nineAm - 2 * HOUR, nineAm - 3 * HOUR], nineAm)).toBe(true);
  expect(digestDue(settings, [nineAm - HOUR, nineAm - 2 * HOUR, nineAm - 3 * HOUR], nineAm - 1)).toBe(false);
  expect(digestDue(settings, [nineAm - 7 * DAY], nineAm)).toBe(true);
  expect(digestDue(settings, [nineAm - 7 * DAY + 1], nineAm)).toBe(false);
  // Summer: 09:00 UK time is 08:00 UTC.
  expect(ukDayAndHour(Date.parse('2027-07-12T08:00:00Z'))).toEqual({ day: '2027-07-12', hour: 9 });
  const items = Array.from({ length: 50 }, (_, i) => i);
  const mixed = shuffled(items);
  expect([...mixed].sort((a, b) => a - b)).toEqual(items);
  expect(mixed).not.toEqual(items);
});

test('the oldest waiting decides, whatever order they are listed in; the UK day turns at UK midnight', () => {
  const nineAm = Date.parse('2027-01-12T09:00:00Z');
  expect(digestDue(settings, [nineAm - HOUR, nineAm - 7 * DAY], nineAm)).toBe(true);
  expect(digestDue(settings, [nineAm - 7 * DAY, nineAm - HOUR], nineAm)).toBe(true);
  expect(ukDayAndHour(Date.parse('2027-07-01T23:30:00Z'))).toEqual({ day: '2027-07-02', hour: 0 });
  expect(ukDayAndHour(Date.parse('2027-01-01T23:30:00Z'))).toEqual({ day: '2027-01-01', hour: 23 });
  // Every order is possible: the first place is not kept for the first to arrive.
  const firsts = new Set(Array.from({ length: 200 }, () => shuffled([1, 2, 3])[0]));
  expect(firsts).toEqual(new Set([1, 2, 3]));
  expect(shuffled([])).toEqual([]);
});

test('a digest is one email of every waiting submission, counted, each marked delivered once and logged', async () => {
  for (const answer of ['A', 'B', 'C']) await send(answer);
  await pipeline.settle();
  pipeline.advance(DAY + 2 * HOUR);
  const { lines } = await logsOf(() => run());
  expect(lines.filter((line) => String(line.outcome).startsWith('digest'))).toEqual([
    expect.objectContaining({ form: 'feedback', outcome: 'digest-delivered', count: 3 }),
  ]);
  const [mail] = feedbackMail();
  const { day } = ukDayAndHour(pipeline.now());
  const text = decode(mail.raw);
  expect(text).toContain(`Subject: ${digestForm.staffSubject}: 3 ${digestForm.noun}, ${day}`);
  expect(text).toContain(`${digestForm.staffSubject}: 3 ${digestForm.noun} from the website, in no particular order.`);
  expect(text.split('----------').length).toBeGreaterThanOrEqual(3);
  const { blobs } = await pipeline.deps.outbox.store.list();
  for (const { key } of blobs) {
    const metadata = (await pipeline.deps.outbox.store.getMetadata(key))!.metadata as unknown as RecordMetadata;
    expect(metadata).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(metadata.lastFailure).toBeUndefined();
  }
  // The day is claimed: another sweep sends nothing more.
  await run();
  expect(feedbackMail()).toHaveLength(1);
});

test('a digest that fails is logged as an error with its count, and the day is free to try again', async () => {
  for (const answer of ['A', 'B', 'C']) await send(answer);
  await pipeline.settle();
  pipeline.advance(DAY + 2 * HOUR);
  await pipeline.mail.stop();
  const { lines, errors } = await logsOf(() => run());
  expect(errors).toContain('digest-failed');
  expect(lines.find((line) => line.outcome === 'digest-failed')).toMatchObject({ form: 'feedback', count: 3 });
  const { day } = ukDayAndHour(pipeline.now());
  expect(await pipeline.deps.outbox.markers.get(`digest/feedback/${day}`)).toBeNull();
  await pipeline.mail.start();
});

/** The waiting records as the sweep finds them: each reference with its metadata. */
async function waitingRecords(): Promise<Waiting[]> {
  const store = pipeline.deps.outbox.store;
  const { blobs } = await store.list();
  return Promise.all(
    blobs.map(async ({ key }) => ({
      reference: key,
      metadata: (await store.getMetadata(key))!.metadata as unknown as RecordMetadata,
    })),
  );
}

test('a record that cannot be opened is parked and left out; the rest of the digest still goes', async () => {
  for (const answer of ['A', 'B', 'C']) await send(answer);
  await pipeline.settle();
  const store = pipeline.deps.outbox.store;
  const [broken, ...others] = await waitingRecords();
  await store.set(broken!.reference, 'not a sealed record', { metadata: { ...broken!.metadata } });
  pipeline.advance(DAY + 2 * HOUR);
  const { lines, errors } = await logsOf(() => run());
  expect(errors).toContain('parked');
  expect(lines.find((line) => line.outcome === 'digest-delivered')).toMatchObject({ count: 2 });
  const text = decode(feedbackMail()[0]!.raw);
  expect(text).toContain(`2 ${digestForm.noun}`);
  expect(['A', 'B', 'C'].filter((answer) => text.includes(`\n  ${answer}`))).toHaveLength(2);
  expect((await store.getMetadata(broken!.reference))!.metadata).toMatchObject({
    status: 'parked',
    lastFailure: 'corrupt-record',
  });
  for (const { reference } of others) {
    expect((await store.getMetadata(reference))!.metadata).toMatchObject({ status: 'delivered' });
  }
});

test('when nothing waiting can be opened, no empty digest goes and the records are parked', async () => {
  for (const answer of ['A', 'B', 'C']) await send(answer);
  await pipeline.settle();
  const store = pipeline.deps.outbox.store;
  for (const { reference, metadata } of await waitingRecords()) {
    await store.set(reference, '{"kid":1}', { metadata: { ...metadata } });
  }
  pipeline.advance(DAY + 2 * HOUR);
  await run();
  expect(feedbackMail()).toEqual([]);
  for (const { metadata } of await waitingRecords()) expect(metadata.status).toBe('parked');
});

test('a record gone between the list and the read is skipped, not brought back; earlier attempts still count', async () => {
  for (const answer of ['A', 'B', 'C']) await send(answer);
  await pipeline.settle();
  const store = pipeline.deps.outbox.store;
  const waiting = await waitingRecords();
  // Tried twice before this form was set to a digest: the digest is its third attempt.
  for (const { reference, metadata } of waiting) {
    const text = (await store.get(reference, { type: 'text' }))!;
    await store.set(reference, text, { metadata: { ...metadata, attempts: 2 } });
  }
  const gone = { reference: 'RG-GONE-GONE', metadata: waiting[0]!.metadata };
  pipeline.advance(DAY + 2 * HOUR);
  const fresh = await waitingRecords();
  expect(await sendDigest(pipeline.deps.outbox, digestForm, [gone, ...fresh])).toBe(3);
  expect(await store.get(gone.reference)).toBeNull();
  for (const { metadata } of await waitingRecords()) expect(metadata).toMatchObject({ attempts: 3 });
});

test('the digest email: its intro, then each submission as its own email would show it, divided by a rule', () => {
  const receivedAt = '2027-01-11T10:00:00.000Z';
  const submissions = ['First', 'Second'].map((answer, i) => ({
    form: digestForm.id,
    reference: `RG-AAAA-000${i}`,
    receivedAt,
    values: { overall: 'good', whatHelped: answer },
  }));
  const mail = digestEmail(digestForm, submissions, '2027-01-12', 'feedback@test.invalid');
  expect(mail.tag).toBe(`digest-${digestForm.id}-2027-01-12`);
  const doc = parse(mail.html);
  expect(doc.querySelector('p')!.textContent).toBe(
    `${digestForm.staffSubject}: 2 ${digestForm.noun} from the website, in no particular order.`,
  );
  expect(doc.querySelectorAll('hr')).toHaveLength(1);
  const [first, second] = mail.html.split('<hr>');
  expect(first).toContain('First');
  expect(first).not.toContain('Second');
  expect(second).toContain('Second');
});

test('a digest set to go with any number waiting still never goes with none', () => {
  const nineAm = Date.parse('2027-01-12T09:00:00Z');
  expect(digestDue({ hour: 9, atLeast: 0, orAfterDays: 7 }, [], nineAm)).toBe(false);
  expect(digestDue({ hour: 9, atLeast: 0, orAfterDays: 7 }, [nineAm - HOUR], nineAm)).toBe(true);
});

test('a fault of the function itself while opening the digest’s records parks none of them', async () => {
  for (const answer of ['A', 'B', 'C']) await send(answer);
  await pipeline.settle();
  pipeline.advance(DAY + 2 * HOUR);
  const outbox = pipeline.deps.outbox;
  const { result, errors } = await logsOf(() => sweep(withFaultyKeyring(outbox)));
  expect(errors).toContain('digest-failed');
  expect(errors).not.toContain('parked');
  expect(result.parked).toBe(0);
  for (const { metadata } of await waitingRecords()) expect(metadata.status).not.toBe('parked');
  expect(feedbackMail()).toHaveLength(0);
});
