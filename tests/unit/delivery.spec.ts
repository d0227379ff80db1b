import { beforeEach, afterEach, expect, test } from 'vitest';
import { logsOf } from '../support/logs.ts';
import { existsSync, readdirSync } from 'node:fs';
import { deliver } from '../../functions/delivery/deliver.ts';
import { sweep } from '../../functions/delivery/sweep.ts';
import { purgeLocalOutbox } from '../../scripts/lib/local-mail.ts';
import { storeSubmission, type RecordMetadata } from '../../functions/records/store.ts';
import { newKeySpec, parseKeyring, seal } from '../../functions/records/seal.ts';
import referralForm from '../../functions/forms/referral.ts';
import volunteerApplicationForm from '../../functions/forms/volunteer-application.ts';
import { decode, TestMailServer } from '../support/smtp.ts';
import { overriding } from '../support/stores.ts';
import { usedTokenKey } from '../../functions/intake/used-tokens.ts';
import {
  checkedWithoutScript,
  checkThenSend,
  formRequest,
  REFERRAL_ANSWERS,
  startPipeline,
  type Pipeline,
} from '../support/pipeline.ts';

/**
 * The intake's promises, each against a real local Blobs store and a real SMTP server: a
 * record is sent exactly once however many deliveries race, a bad record never stops the
 * others, operators can see when mail is down, nothing is kept past its limit, a token
 * sends once, and the site cannot be used to mail strangers.
 */
const MINUTE = 60_000;
const DAY = 86_400_000;

let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await startPipeline();
});
afterEach(async () => pipeline.stop());

/** Everything the pipeline logs during `run`, as lines. */
const captureLogs = async (run: () => Promise<void>) => (await logsOf(run)).text;

const staffMailFor = (reference: string) =>
  pipeline.mail.received.filter((mail) => decode(mail.raw).includes(`[${reference}] New referral`));

async function metadataOf(reference: string): Promise<RecordMetadata | undefined> {
  const entry = await pipeline.deps.outbox.store.getMetadata(reference, { consistency: 'strong' });
  return entry?.metadata as unknown as RecordMetadata | undefined;
}

test('any number of concurrent deliveries and sweeps of one record send exactly one email', async () => {
  const outbox = pipeline.deps.outbox;
  const references = await Promise.all(
    [1, 2, 3].map((i) => storeSubmission(outbox, referralForm, { ...REFERRAL_ANSWERS, fullName: `Race ${i}` })),
  );
  pipeline.advance(5 * MINUTE); // past the grace period, so the sweeps try them too
  await captureLogs(async () => {
    await Promise.all([
      ...references.flatMap((reference) => Array.from({ length: 8 }, () => deliver(outbox, reference))),
      ...Array.from({ length: 4 }, () => sweep(outbox)),
    ]);
  });
  for (const reference of references) {
    expect(staffMailFor(reference), reference).toHaveLength(1);
    expect((await metadataOf(reference))?.status).toBe('delivered');
  }
  // And later sweeps leave delivered records alone.
  await captureLogs(async () => void (await sweep(outbox)));
  for (const reference of references) expect(staffMailFor(reference)).toHaveLength(1);
});

test('a record that cannot be opened is parked and reported; the good ones are still delivered', async () => {
  const outbox = pipeline.deps.outbox;
  const good = await Promise.all(
    [1, 2].map((i) => storeSubmission(outbox, referralForm, { ...REFERRAL_ANSWERS, fullName: `Good ${i}` })),
  );
  const metadata = (form: string) => ({
    form,
    receivedAt: new Date(pipeline.now()).toISOString(),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: new Date(pipeline.now()).toISOString(),
  });
  // Corrupt JSON; sealed with a key since removed at rotation; a form that no longer exists.
  await outbox.store.set('RG-BAD0-JSON', '{"v":1,', { metadata: metadata('referral') });
  const retired = parseKeyring(newKeySpec('retired'));
  const submission = (form: string, reference: string) =>
    JSON.stringify({ form, reference, receivedAt: new Date().toISOString(), values: { fullName: 'X' } });
  await outbox.store.setJSON('RG-BAD0-KEYS', seal(retired, submission('referral', 'RG-BAD0-KEYS'), 'RG-BAD0-KEYS'), {
    metadata: metadata('referral'),
  });
  await outbox.store.setJSON(
    'RG-BAD0-FORM',
    seal(pipeline.config.keyring, submission('old-form', 'RG-BAD0-FORM'), 'RG-BAD0-FORM'),
    { metadata: metadata('old-form') },
  );
  pipeline.advance(5 * MINUTE);

  let counts: Awaited<ReturnType<typeof sweep>> | undefined;
  const logs = await captureLogs(async () => {
    counts = await sweep(outbox);
  });
  expect(counts).toMatchObject({ delivered: 2, parked: 3, problems: 0 });
  for (const reference of good) expect(staffMailFor(reference)).toHaveLength(1);
  expect(logs).toMatch(/"reference":"RG-BAD0-JSON","outcome":"parked","reason":"corrupt-record"/);
  expect(logs).toMatch(/"reference":"RG-BAD0-KEYS","outcome":"parked","reason":"key-missing"/);
  expect(logs).toMatch(/"reference":"RG-BAD0-FORM","outcome":"parked","reason":"unknown-form"/);
  expect((await metadataOf('RG-BAD0-KEYS'))?.status).toBe('parked');

  const health = await pipeline.health(
    new Request('http://localhost/api/health', { headers: { Authorization: 'Bearer health-secret' } }),
  );
  expect(await health.json()).toMatchObject({
    status: 'attention',
    parked: 3,
    reasons: { 'corrupt-record': 1, 'key-missing': 1, 'unknown-form': 1 },
  });
  // A parked record is kept for a person to look at: the next sweep neither retries nor loses it.
  const again = await captureLogs(async () => void (await sweep(outbox)));
  expect(again).not.toContain('delivery');
  expect(await outbox.store.get('RG-BAD0-KEYS')).not.toBeNull();
});

test('mail down past the alert threshold: the health summary shows it and the log names the cause', async () => {
  await pipeline.mail.stop();
  const logs = await captureLogs(async () => {
    const sent = await checkThenSend(pipeline, referralForm, { ...REFERRAL_ANSWERS, fullName: 'Kept Safe' });
    expect(sent.status).toBe(201);
    await pipeline.settle();
    for (let i = 0; i < pipeline.config.maxAttempts; i++) {
      pipeline.advance(7 * 60 * MINUTE);
      await sweep(pipeline.deps.outbox);
    }
  });
  expect(logs).toContain('"outcome":"delivery-failed"');
  expect(logs).toContain('"reason":"smtp-connection-refused"');
  expect(logs).toContain('"outcome":"alert-undelivered"');
  expect(logs).not.toContain('Kept Safe');

  const ask = (headers: Record<string, string>) =>
    pipeline.health(new Request('http://localhost/api/health', { headers }));
  expect((await ask({})).status).toBe(401);
  expect((await ask({ Authorization: 'Bearer wrong' })).status).toBe(401);
  const health = await ask({ Authorization: 'Bearer health-secret' });
  expect(health.status).toBe(200);
  const text = await health.text();
  expect(JSON.parse(text)).toMatchObject({
    status: 'attention',
    waiting: 1,
    undelivered: 1,
    alerted: 0,
    reasons: { 'smtp-connection-refused': 1 },
  });
  expect(JSON.parse(text).oldestWaitingMinutes).toBeGreaterThanOrEqual(21 * 60);
  expect(text).not.toMatch(/RG-|Kept/);
});

test('a referral acknowledged while mail is down is kept, then delivered by the retry', async () => {
  const port = pipeline.mail.port;
  await pipeline.mail.stop();
  const logs = await captureLogs(async () => {
    const sent = await checkThenSend(pipeline, referralForm, {
      ...REFERRAL_ANSWERS,
      fullName: 'Later Delivered',
      contactMethods: ['email'],
      email: 'kept@example.org',
      emailConfirmation: 'no',
    });
    expect(sent.status).toBe(201);
    const { reference } = (await sent.json()) as { reference: string };
    await pipeline.settle();
    expect((await metadataOf(reference))?.attempts).toBe(1);

    const back = new TestMailServer(port);
    await back.start();
    pipeline.advance(2 * MINUTE);
    await sweep(pipeline.deps.outbox);
    expect(back.received.filter((m) => decode(m.raw).includes(`[${reference}] New referral`))).toHaveLength(1);
    // They said it is not safe to email them: nothing goes to their address.
    expect(back.received.some((m) => m.to.includes('kept@example.org'))).toBe(false);
    await back.stop();
  });
  expect(logs).toContain('"outcome":"delivered"');
});

test('no record outlives its limit: delivered after retention, undelivered after the documented maximum', async () => {
  const { config } = pipeline;
  const outbox = pipeline.deps.outbox;
  const delivered = await storeSubmission(outbox, referralForm, { ...REFERRAL_ANSWERS, fullName: 'Delivered' });
  await captureLogs(async () => void (await deliver(outbox, delivered)));
  await pipeline.mail.stop();
  const undelivered = await storeSubmission(outbox, referralForm, { ...REFERRAL_ANSWERS, fullName: 'Never' });

  const logs = await captureLogs(async () => {
    pipeline.advance(config.retentionDays * DAY - MINUTE);
    await sweep(outbox);
    expect(await outbox.store.get(delivered)).not.toBeNull();
    pipeline.advance(2 * MINUTE);
    await sweep(outbox);
    expect(await outbox.store.get(delivered)).toBeNull();
    expect(await outbox.store.get(undelivered)).not.toBeNull();

    pipeline.advance(config.undeliveredMaxDays * DAY);
    await sweep(outbox);
  });
  expect(await outbox.store.get(undelivered)).toBeNull();
  expect(logs).toContain(`"reference":"${undelivered}","outcome":"purged-undelivered"`);
  // Its delivery claims went with it.
  expect((await outbox.markers.list({ prefix: `claim/${undelivered}/` })).blobs).toEqual([]);
});

test('a parked record is deleted at the same maximum age, and kept until then', async () => {
  const outbox = pipeline.deps.outbox;
  const received = new Date(pipeline.now()).toISOString();
  await outbox.store.set('RG-PARK-0001', 'not a sealed record', {
    metadata: { form: 'referral', receivedAt: received, status: 'pending', attempts: 0, nextAttemptAt: received },
  });
  const limit = (pipeline.config.retentionDays + pipeline.config.undeliveredMaxDays) * DAY;
  await captureLogs(async () => {
    pipeline.advance(5 * MINUTE);
    await sweep(outbox);
    expect((await metadataOf('RG-PARK-0001'))?.status).toBe('parked');
    pipeline.advance(limit - 6 * MINUTE);
    await sweep(outbox);
    expect(await outbox.store.get('RG-PARK-0001')).not.toBeNull();
    pipeline.advance(2 * MINUTE);
    await sweep(outbox);
  });
  expect(await outbox.store.get('RG-PARK-0001')).toBeNull();
});

test('a sweep whose time runs out still deletes what has reached its limit', async () => {
  const outbox = pipeline.deps.outbox;
  const old = await storeSubmission(outbox, referralForm, { ...REFERRAL_ANSWERS, fullName: 'Old' });
  pipeline.advance((pipeline.config.retentionDays + pipeline.config.undeliveredMaxDays) * DAY);
  const due = await storeSubmission(outbox, referralForm, { ...REFERRAL_ANSWERS, fullName: 'Due' });
  pipeline.advance(5 * MINUTE);
  let counts: Awaited<ReturnType<typeof sweep>> | undefined;
  // No time at all for deliveries, as when a hanging mail server has used up the run.
  await captureLogs(async () => {
    counts = await sweep(outbox, -1);
  });
  expect(counts).toMatchObject({ purged: 1, delivered: 0, pending: 1 });
  expect(await outbox.store.get(old)).toBeNull();
  expect(staffMailFor(due)).toHaveLength(0);
});

test('the health summary asks for attention when a submission has waited half an hour without a try', async () => {
  const health = async () =>
    (await (
      await pipeline.health(
        new Request('http://localhost/api/health', { headers: { Authorization: 'Bearer health-secret' } }),
      )
    ).json()) as { status: string; waiting: number };
  await storeSubmission(pipeline.deps.outbox, referralForm, REFERRAL_ANSWERS);
  expect(await health()).toMatchObject({ status: 'ok', waiting: 1 });
  pipeline.advance(31 * MINUTE);
  expect(await health()).toMatchObject({ status: 'attention', waiting: 1 });
});

test('the local mail outbox follows the retention period (npm start purges it after each sweep)', async () => {
  await pipeline.stop();
  pipeline = await startPipeline({ smtpUrl: undefined });
  const outbox = pipeline.deps.outbox;
  const reference = await storeSubmission(outbox, referralForm, REFERRAL_ANSWERS);
  await captureLogs(async () => void (await deliver(outbox, reference)));
  const files = () => (existsSync(pipeline.config.mailDir) ? readdirSync(pipeline.config.mailDir) : []);
  expect(files().some((name) => name.includes(reference))).toBe(true);
  pipeline.advance(pipeline.config.retentionDays * DAY - MINUTE);
  await purgeLocalOutbox(pipeline.config, pipeline.now());
  expect(files().some((name) => name.includes(reference))).toBe(true);
  pipeline.advance(2 * MINUTE);
  await purgeLocalOutbox(pipeline.config, pipeline.now());
  expect(files()).toEqual([]);
});

test('a token sends once, only with the answers it was issued for, and not a millisecond early', async () => {
  const handle = pipeline.handler(referralForm);
  const records = async () => (await pipeline.deps.outbox.store.list()).blobs.length;
  const check = await handle(formRequest('/api/referral', { ...REFERRAL_ANSWERS, action: 'check' }));
  const { token, sendAfterMs } = (await check.json()) as { token: string; sendAfterMs: number };
  expect(sendAfterMs).toBe(pipeline.config.minMsBeforeSend);
  const send = (answers: Record<string, unknown>) =>
    handle(formRequest('/api/referral', { ...answers, action: 'send', token }));

  pipeline.advance(pipeline.config.minMsBeforeSend - 1);
  expect((await send(REFERRAL_ANSWERS)).status).toBe(409);
  pipeline.advance(1);
  const changed = await send({ ...REFERRAL_ANSWERS, fullName: 'Someone Else' });
  expect(changed.status).toBe(409);
  expect(await records()).toBe(0);

  const first = await send(REFERRAL_ANSWERS);
  expect(first.status).toBe(201);
  const { reference } = (await first.json()) as { reference: string };
  // Sent again (a double click, Back then Send): the same referral's confirmation, not a second one.
  const replay = await send(REFERRAL_ANSWERS);
  expect(replay.status).toBe(201);
  expect(((await replay.json()) as { reference: string }).reference).toBe(reference);
  const replayWithoutScript = await handle(
    formRequest('/api/referral', { ...REFERRAL_ANSWERS, action: 'send', token }, { form: true }),
  );
  expect(replayWithoutScript.status).toBe(303);
  expect(replayWithoutScript.headers.get('location')).toContain(reference);
  expect(await records()).toBe(1);

  // Sends of one token at the same moment: one record, and every answer is its confirmation.
  const check2 = await handle(formRequest('/api/referral', { ...REFERRAL_ANSWERS, action: 'check' }));
  const token2 = ((await check2.json()) as { token: string }).token;
  pipeline.advance(pipeline.config.minMsBeforeSend);
  const racing = await Promise.all(
    Array.from({ length: 5 }, () =>
      handle(formRequest('/api/referral', { ...REFERRAL_ANSWERS, action: 'send', token: token2 })),
    ),
  );
  const answers = await Promise.all(racing.map(async (r) => ({ status: r.status, body: await r.json() })));
  expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
  expect(new Set(answers.map((a) => (a.body as { reference: string }).reference)).size).toBe(1);
  expect(await records()).toBe(2);
  await pipeline.settle();
});

test('ten sends of one token at once without JavaScript, the first still being stored: one record, one email, ten confirmations of it', async () => {
  const handle = pipeline.handler(referralForm);
  const outbox = pipeline.deps.outbox;
  const token = await checkedWithoutScript(pipeline, handle, '/api/referral', REFERRAL_ANSWERS);
  // The first store write waits until the nine others have found the token taken.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let waiting = 0;
  const store = outbox.store;
  const markers = outbox.markers;
  outbox.store = overriding(store, (target, name) =>
    name === 'setJSON'
      ? async (...args: Parameters<typeof target.setJSON>) => {
          await held;
          return target.setJSON(...args);
        }
      : undefined,
  );
  outbox.markers = overriding(markers, (target, name) =>
    name === 'getMetadata'
      ? async (...args: Parameters<typeof target.getMetadata>) => {
          if (++waiting === 9) release();
          return target.getMetadata(...args);
        }
      : undefined,
  );
  try {
    const { result: responses, lines } = await logsOf(() =>
      Promise.all(
        Array.from({ length: 10 }, () =>
          handle(formRequest('/api/referral', { ...REFERRAL_ANSWERS, action: 'send', token }, { form: true })),
        ),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(303));
    const locations = new Set(responses.map((response) => response.headers.get('location')));
    expect(locations.size).toBe(1);
    const { blobs } = await store.list();
    expect(blobs).toHaveLength(1);
    expect([...locations][0]).toContain(blobs[0].key);
    expect(lines.filter((line) => line.outcome === 'stored')).toHaveLength(1);
    expect(lines.filter((line) => line.outcome === 'already-sent')).toHaveLength(9);
  } finally {
    outbox.store = store;
    outbox.markers = markers;
  }
  await captureLogs(() => pipeline.settle());
  expect(pipeline.mail.received.filter((mail) => decode(mail.raw).includes('New referral'))).toHaveLength(1);
});

test('a second send of a token whose first is never stored waits a while, then keeps the same token to press Send again', async () => {
  const handle = pipeline.handler(referralForm);
  const outbox = pipeline.deps.outbox;
  const token = await checkedWithoutScript(pipeline, handle, '/api/referral', REFERRAL_ANSWERS);
  // The used-token marker is written, but the store never answers (a first send still running).
  // A token's id is its signature, its last part (functions/intake/token.ts).
  const marker = usedTokenKey(token.split('.')[3]);
  await outbox.markers.set(marker, '', { metadata: { at: pipeline.now() } });
  const started = performance.now();
  const { result: response, lines } = await logsOf(() =>
    handle(formRequest('/api/referral', { ...REFERRAL_ANSWERS, action: 'send', token }, { form: true })),
  );
  const waited = performance.now() - started;
  // It waits most of its time (the last pause would overrun it), and not much longer.
  const { sendWaitMs } = pipeline.config;
  expect(waited).toBeGreaterThan(sendWaitMs / 2);
  expect(waited).toBeLessThan(sendWaitMs + 2000);
  expect(response.status).toBe(409);
  const page = await response.text();
  expect(page).toContain('still being sent');
  expect(page).toContain(`name="token" value="${token}"`);
  expect(lines).toEqual([expect.objectContaining({ outcome: 'token-still-sending', status: 409 })]);
  expect((await outbox.store.list()).blobs).toHaveLength(0);
  // A script is told the same, with the same token, its answers and how long to wait.
  const { result: scripted } = await logsOf(() =>
    handle(formRequest('/api/referral', { ...REFERRAL_ANSWERS, action: 'send', token })),
  );
  expect(scripted.status).toBe(409);
  expect(await scripted.json()).toEqual({
    error: expect.stringContaining('still being sent'),
    token,
    values: expect.objectContaining({ fullName: REFERRAL_ANSWERS.fullName, phone: REFERRAL_ANSWERS.phone }),
    sendAfterMs: pipeline.config.minMsBeforeSend,
  });
  expect((await outbox.store.list()).blobs).toHaveLength(0);
  // Once the first has given its claim up (its store failed), Send again stores it.
  await outbox.markers.delete(marker);
  const again = await captureLogs(async () => {
    const sent = await handle(
      formRequest('/api/referral', { ...REFERRAL_ANSWERS, action: 'send', token }, { form: true }),
    );
    expect(sent.status).toBe(303);
  });
  expect(again).toContain('"outcome":"stored"');
  await captureLogs(() => pipeline.settle());
}, 20_000);

test('a plain form post with "Origin: null" and no Sec-Fetch-Site is answered at both steps', async () => {
  const handle = pipeline.handler(referralForm);
  const oldBrowser = { Origin: 'null' };
  const answers = { ...REFERRAL_ANSWERS, contactMethods: 'phone' };
  const check = await handle(
    formRequest('/api/referral', { ...answers, action: 'check' }, { form: true, headers: oldBrowser }),
  );
  expect(check.status).toBe(200);
  const token = (await check.text()).match(/name="token" value="([^"]+)"/)?.[1];
  expect(token).toBeTruthy();
  pipeline.advance(pipeline.config.minMsBeforeSend);
  const withoutToken = await handle(
    formRequest('/api/referral', { ...answers, action: 'send' }, { form: true, headers: oldBrowser }),
  );
  expect(withoutToken.status).toBe(409);
  const send = await handle(
    formRequest('/api/referral', { ...answers, action: 'send', token: token! }, { form: true, headers: oldBrowser }),
  );
  expect(send.status).toBe(303);
  expect(send.headers.get('location')).toMatch(/\/forms\/referral\/sent\/\?reference=RG-/);
  await pipeline.settle();
});

test('confirmations: at most one email to an address in an hour, whatever is submitted', async () => {
  const answers = {
    fullName: 'Sam Applicant',
    email: 'Sam@Example.org',
    phone: '07700 900 982',
    postcode: 'GL1 2AB',
    over18: 'yes',
    availability: ['weekday-evenings'],
    canAttendTraining: 'yes',
    commitment: 'yes',
    backgroundCheck: 'yes',
    itComfort: 'willing',
    experience: 'Listening service volunteer.',
    motivation: 'To help people.',
    consent: 'yes',
  };
  const confirmationsTo = () =>
    pipeline.mail.received.filter((m) => m.to.some((to) => to.toLowerCase() === 'sam@example.org'));
  await captureLogs(async () => {
    for (const email of ['Sam@Example.org', 'sam@example.org', ' SAM@EXAMPLE.ORG']) {
      const sent = await checkThenSend(pipeline, volunteerApplicationForm, { ...answers, email });
      expect(sent.status, await sent.clone().text()).toBe(201);
      await pipeline.settle();
    }
  });
  expect(confirmationsTo()).toHaveLength(1);
  // The store never holds the address itself.
  const { blobs } = await pipeline.deps.outbox.markers.list({ prefix: 'confirmation/' });
  expect(blobs).toHaveLength(1);
  expect(blobs[0].key.toLowerCase()).not.toContain('example');

  pipeline.advance(61 * MINUTE);
  await captureLogs(async () => {
    await checkThenSend(pipeline, volunteerApplicationForm, answers);
    await pipeline.settle();
  });
  expect(confirmationsTo()).toHaveLength(2);
});

test('three feedbacks at 09:01, 09:02 and 17:59 reach staff as one email at the next digest hour; nothing kept is finer than the day', async () => {
  const { default: feedbackForm } = await import('../../functions/forms/feedback.ts');
  const { ukDayAndHour } = await import('../../functions/delivery/digest.ts');
  const { readdirSync, statSync } = await import('node:fs');
  const path = await import('node:path');
  const HOUR = 3_600_000;
  // To the next 09:01 UK time (UK offsets are whole hours).
  pipeline.advance(HOUR - (pipeline.now() % HOUR));
  while (ukDayAndHour(pipeline.now()).hour !== 9) pipeline.advance(HOUR);
  pipeline.advance(MINUTE - pipeline.config.minMsBeforeSend);
  const references: string[] = [];
  const { lines } = await logsOf(async () => {
    for (const [answer, wait] of [
      ['Being listened to.', 0],
      ['The room was calm.', MINUTE - pipeline.config.minMsBeforeSend],
      ['It took a long time.', 8 * HOUR + 57 * MINUTE - pipeline.config.minMsBeforeSend],
    ] as const) {
      pipeline.advance(wait);
      const sent = await checkThenSend(pipeline, feedbackForm, { overall: 'good', whatHelped: answer });
      expect(sent.status).toBe(201);
      references.push(((await sent.json()) as { reference: string }).reference);
    }
    expect(ukDayAndHour(pipeline.now()).hour).toBe(17);
    await pipeline.settle();
    pipeline.advance(6 * MINUTE);
    await sweep(pipeline.deps.outbox);
    expect(pipeline.mail.received).toEqual([]);
    // The next morning, from the digest hour: one email of all three.
    pipeline.advance(15 * HOUR + 4 * MINUTE);
    expect(ukDayAndHour(pipeline.now()).hour).toBe(9);
    await sweep(pipeline.deps.outbox);
  });
  expect(pipeline.mail.received).toHaveLength(1);
  const [mail] = pipeline.mail.received;
  expect(mail.to).toEqual(['feedback@test.invalid']);
  const text = decode(mail.raw);
  for (const answer of ['Being listened to.', 'The room was calm.', 'It took a long time.'])
    expect(text).toContain(answer);
  // The day only, in the body and the headers: a time could point to the one person seen then.
  const { mimePart } = await import('../support/smtp.ts');
  const body = mimePart(mail.raw, 'text/plain') + mimePart(mail.raw, 'text/html');
  expect(body).not.toMatch(/\d{1,2}:\d{2}/);
  expect(body).not.toMatch(/Reply to|Name:|Reference:\n/);
  expect(mail.raw).toMatch(/^Date: .* 00:00:00 \+0000$/m);
  // The records, their metadata, the markers and the files on disk: days, never times.
  const outbox = pipeline.deps.outbox;
  for (const reference of references) {
    const { metadata } = (await outbox.store.getMetadata(reference))!;
    for (const field of ['receivedAt', 'nextAttemptAt', 'deliveredAt'])
      expect(String(metadata[field]), field).toMatch(/T00:00:00\.000Z$/);
    const opened = (await import('../../functions/records/open.ts')).openRecord(
      outbox,
      reference,
      (await outbox.store.get(reference, { type: 'text' }))!,
    );
    expect(opened.receivedAt).toMatch(/T00:00:00\.000Z$/);
  }
  for (const { key } of (await outbox.markers.list()).blobs) {
    const at = Number((await outbox.markers.getMetadata(key))!.metadata.at);
    expect(at % DAY, key).toBe(0);
  }
  const files = readdirSync(pipeline.blobsDir, { recursive: true, encoding: 'utf8' });
  expect(files.length).toBeGreaterThan(6);
  for (const file of files) expect(statSync(path.join(pipeline.blobsDir, file)).mtimeMs % DAY, file).toBe(0);
  // The log: days only, and no line names a feedback's reference.
  for (const line of lines) {
    expect(String(line.at)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(line)).not.toMatch(/RG-/);
  }
  expect(lines.filter((line) => line.outcome === 'stored')).toHaveLength(3);
  // Nobody is sent a confirmation: there is no one to send it to.
  expect(pipeline.mail.received.filter((m) => decode(m.raw).includes('Your reference'))).toHaveLength(0);

  const handle = pipeline.handler(feedbackForm);
  // Asking for a reply is the person's choice, and then an address is needed.
  const missing = await handle(
    formRequest(feedbackForm.endpoint, { overall: 'poor', wantsReply: 'yes', action: 'check' }),
  );
  expect(missing.status).toBe(422);
  expect(((await missing.json()) as { errors: Record<string, string> }).errors).toEqual({
    replyEmail: 'Enter the email address we should reply to',
  });
});
