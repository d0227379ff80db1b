/**
 * Function benchmark, in-process: the real handlers against a file-backed Netlify Blobs
 * server and a real SMTP server on loopback. (The local Netlify emulation rebuilds a
 * function on every call, so it is no measure of production speed.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../functions/settings/config.ts';
import { SERVER_FORMS } from '../functions/forms/registry.ts';
import { createSubmissionHandler } from '../functions/intake/submission.ts';
import type { HandlerDeps } from '../functions/settings/deps.ts';
import { createMailer } from '../functions/delivery/mail.ts';
import { newKeySpec } from '../functions/records/seal.ts';
import { issueToken } from '../functions/intake/token.ts';
import { validate } from '../src/forms/fields.ts';
import referralForm from '../functions/forms/referral.ts';
import { startLocalBlobs } from './lib/local-blobs.ts';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function benchFunctions(): Promise<void> {
  // The pipeline logs a line per submission; over a thousand of them would bury the figures.
  const print = console.log.bind(console);
  const quiet = () => {
    console.log = () => undefined;
  };
  const loud = () => {
    console.log = print;
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-bench-functions-'));
  const blobs = await startLocalBlobs(dir);

  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as { port: number }).port;

  process.env.SUBMISSION_KEYS = newKeySpec('bench');
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
  process.env.DATA_DIR = dir;
  // Tokens are fetched from "check" just before each send; no waiting in between.
  process.env.MIN_MS_BEFORE_SEND = '0';
  const config = loadConfig('bench');
  const mailer = createMailer(config);
  const store = blobs.store(config.storeName);
  const markers = blobs.store(config.markersStoreName);
  const equality = blobs.store(config.equalityStoreName);
  const deps: HandlerDeps = {
    config,
    mailer,
    outbox: { store, markers, equality, config, mailer, forms: SERVER_FORMS },
    // The benchmark sends referrals only: no event list needed.
    bookable: () => ({ events: [] }),
  };
  const handler = createSubmissionHandler(referralForm, () => deps);
  const pending: Promise<unknown>[] = [];
  const context = { waitUntil: (promise: Promise<unknown>) => pending.push(promise) } as never;

  const answers = (i: number) => ({
    referralFor: 'harmed',
    fullName: `Bench Person ${i}`,
    contactMethods: ['phone'],
    phone: '01632 960 001',
    leaveMessage: 'no',
    setting: 'crime',
    description: 'A short description for the benchmark.',
  });
  const request = (body: object) =>
    new Request(`https://bench.test${referralForm.endpoint}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  /** A token as "check" would issue it for these answers (the benchmark times only the send). */
  const tokenFor = (i: number) => {
    const result = validate(referralForm, answers(i));
    if (!result.ok) throw new Error('The benchmark answers do not validate');
    return issueToken(config.tokenSecret, referralForm.id, result.values, Date.now() - 5000);
  };

  const measure = async (label: string, count: number, make: (i: number) => object, expected: number) => {
    const times: number[] = [];
    quiet();
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      const response = await handler(request(make(i)), context);
      times.push(performance.now() - t);
      if (response.status !== expected) throw new Error(`${label}: status ${response.status}`);
    }
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(pending.splice(0));
    loud();
    times.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(34)} ${String(count).padStart(5)} requests  p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  ${(count / seconds).toFixed(0).padStart(5)} req/s`,
    );
  };

  console.log('\nForm functions, in-process (local Blobs server, SMTP server on loopback)\n');
  await measure('check answers (validate, token)', 300, (i) => ({ ...answers(i), action: 'check' }), 200);
  await measure('invalid answers (422)', 300, () => ({ fullName: '', action: 'check' }), 422);
  await measure('send (seal, store, reply)', 200, (i) => ({ ...answers(i), action: 'send', token: tokenFor(i) }), 201);
  quiet();
  const before = (await store.list()).blobs.length;
  const burstStart = performance.now();
  const responses = await Promise.all(
    Array.from({ length: 500 }, (_, i) => i).map((i) =>
      handler(request({ ...answers(i + 1000), action: 'send', token: tokenFor(i + 1000) }), context),
    ),
  );
  const burstSeconds = (performance.now() - burstStart) / 1000;
  const references = new Set<string>();
  for (const response of responses) {
    if (response.status === 201) references.add(((await response.json()) as { reference: string }).reference);
  }
  await Promise.all(pending.splice(0));
  const stored = (await store.list()).blobs.length - before;
  loud();
  const acknowledged = responses.filter((r) => r.status === 201).length;
  const burst =
    `burst of 500 concurrent sends: ${acknowledged} acknowledged, ${stored} stored, ` +
    `${references.size} distinct references, in ${burstSeconds.toFixed(1)} s; ${received} emails received in all`;
  // A workload refused is a failure, not a figure: every send must be acknowledged, stored once
  // and given its own reference.
  if (acknowledged !== 500 || stored !== 500 || references.size !== 500) {
    const statuses = [...new Set(responses.map((r) => r.status))].join(', ');
    throw new Error(`${burst} (statuses: ${statuses}): the burst was not handled in full`);
  }
  console.log(burst);

  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await blobs.stop();
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchFunctions();
  process.exit(0);
}
