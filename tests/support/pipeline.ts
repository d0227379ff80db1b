/**
 * The form pipeline in-process, for tests: the real handlers and outbox against a real
 * local Netlify Blobs server in a temporary folder, a real SMTP server on loopback, and a
 * clock the test moves. Nothing is mocked but time.
 */
import type { Context } from '@netlify/functions';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PipelineConfig } from '../../functions/settings/config.ts';
import { createHealthHandler } from '../../functions/health/endpoint.ts';
import { createSubmissionHandler } from '../../functions/intake/submission.ts';
import type { HandlerDeps } from '../../functions/settings/deps.ts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { createMailer } from '../../functions/delivery/mail.ts';
import { newKeySpec, parseKeyring } from '../../functions/records/seal.ts';
import { startLocalBlobs } from '../../scripts/lib/local-blobs.ts';
import type { ServerForm } from '../../functions/forms/definition.ts';
import { TestMailServer } from './smtp.ts';

/** The name of the one event the test pipeline lists (see `bookable` below). */
export const BOOKABLE_EVENT = 'Restorative practice in schools, Friday 12 March 2027, 9:30am to 3:30pm';

export interface Pipeline {
  deps: HandlerDeps;
  config: PipelineConfig;
  mail: TestMailServer;
  blobsDir: string;
  now(): number;
  advance(ms: number): void;
  /** A handler for this form, as the function calls it. */
  handler(form: ServerForm): (request: Request) => Promise<Response>;
  health(request: Request): Promise<Response>;
  /** Waits for every delivery the handlers handed to waitUntil. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPipeline(
  overrides: Partial<PipelineConfig> = {},
  forms: Readonly<Record<string, ServerForm>> = SERVER_FORMS,
): Promise<Pipeline> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-pipeline-'));
  const blobs = await startLocalBlobs(dir, { processContext: false });
  const mail = new TestMailServer();
  await mail.start();
  // Starts at the real time, so files the pipeline writes (the local outbox) agree with it.
  let now = Date.now();
  const config: PipelineConfig = {
    deployContext: 'test',
    isLocal: true,
    dataDir: dir,
    keyring: parseKeyring(newKeySpec('test')),
    tokenSecret: randomBytes(32),
    smtpUrl: mail.url,
    mailDir: path.join(dir, 'mail'),
    mailFrom: 'Website <website@test.invalid>',
    referralInbox: 'referrals@test.invalid',
    inboxes: {
      REFERRAL_INBOX: 'referrals@test.invalid',
      VOLUNTEER_INBOX: 'volunteers@test.invalid',
      BOOKING_INBOX: 'bookings@test.invalid',
      FEEDBACK_INBOX: 'feedback@test.invalid',
    },
    alertInbox: 'alerts@test.invalid',
    retentionDays: 30,
    undeliveredMaxDays: 14,
    maxAttempts: 3,
    retryBaseMs: 60_000,
    minMsBeforeSend: 2000,
    // A second send waits this long for the first (6 s in production): long enough to see it wait.
    sendWaitMs: 1000,
    healthToken: 'health-secret',
    storeName: 'submissions-test',
    markersStoreName: 'submissions-test-markers',
    equalityStoreName: 'submissions-test-equality',
    siteOrigins: [],
    takesSubmissions: true,
    siteConfirmationsPerHour: 30,
    ...overrides,
  };
  const mailer = createMailer(config);
  const deps: HandlerDeps = {
    config,
    mailer,
    outbox: {
      store: blobs.store(config.storeName),
      markers: blobs.store(config.markersStoreName),
      equality: blobs.store(config.equalityStoreName),
      config,
      mailer,
      forms,
      now: () => now,
    },
    // One course, listed and a month away: the event a booking enquiry in a test names.
    bookable: () => ({
      events: [{ name: BOOKABLE_EVENT, ends: new Date(now + 30 * 86_400_000).toISOString(), places: 'open' }],
    }),
  };
  const pending: Promise<unknown>[] = [];
  const context = { waitUntil: (promise: Promise<unknown>) => pending.push(promise) } as unknown as Context;
  return {
    deps,
    config,
    mail,
    blobsDir: blobs.directory,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    handler: (form) => {
      const handle = createSubmissionHandler(form, () => deps);
      return (request) => handle(request, context);
    },
    health: (request) => createHealthHandler(() => deps)(request, context),
    settle: async () => {
      while (pending.length) await Promise.all(pending.splice(0));
    },
    stop: async () => {
      await Promise.all(pending);
      await mail.stop();
      await blobs.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Check your answers without JavaScript, as a plain form post: the token from the page's hidden
 * input, the clock moved on past the shortest wait, ready for the send.
 */
export async function checkedWithoutScript(
  pipeline: Pipeline,
  handle: (request: Request) => Promise<Response>,
  endpoint: string,
  answers: Record<string, unknown>,
): Promise<string> {
  const check = await handle(formRequest(endpoint, { ...answers, action: 'check' }, { form: true }));
  const token = (await check.text()).match(/name="token" value="([^"]+)"/)![1];
  pipeline.advance(pipeline.config.minMsBeforeSend);
  return token;
}

/** A request as a browser script (JSON) or a plain form post (urlencoded) would send it. */
export function formRequest(
  url: string,
  body: Record<string, unknown> | string,
  options: { headers?: Record<string, string>; method?: string; form?: boolean } = {},
): Request {
  const asForm = options.form ?? false;
  const payload =
    typeof body === 'string'
      ? body
      : asForm
        ? new URLSearchParams(
            Object.entries(body).flatMap(([key, value]) =>
              (Array.isArray(value) ? value : [value]).map((item) => [key, String(item)]),
            ),
          ).toString()
        : JSON.stringify(body);
  return new Request(new URL(url, 'http://localhost:4321'), {
    method: options.method ?? 'POST',
    headers: {
      'Content-Type': asForm ? 'application/x-www-form-urlencoded' : 'application/json',
      Accept: asForm ? 'text/html' : 'application/json',
      ...options.headers,
    },
    body: options.method === 'GET' ? undefined : payload,
  });
}

export const REFERRAL_ANSWERS = {
  referralFor: 'harmed',
  fullName: 'Alex Example',
  contactMethods: ['phone'],
  phone: '01632 960 001',
  leaveMessage: 'no',
  setting: 'crime',
  description: 'Someone broke into my shed.',
};

/** Check answers, let the minimum time pass on the fake clock, then send: as a person would. */
export async function checkThenSend(
  pipeline: Pipeline,
  form: ServerForm,
  answers: Record<string, unknown>,
): Promise<Response> {
  const handle = pipeline.handler(form);
  const check = await handle(formRequest(form.endpoint, { ...answers, action: 'check' }));
  if (check.status !== 200) throw new Error(`check answers gave ${check.status}: ${await check.text()}`);
  const { token } = (await check.json()) as { token: string };
  pipeline.advance(pipeline.config.minMsBeforeSend);
  return handle(formRequest(form.endpoint, { ...answers, action: 'send', token }));
}

/** A volunteer application that passes every check (tests change the parts they look at). */
export const VOLUNTEER_ANSWERS = {
  fullName: 'Equal Applicant',
  email: 'equal.applicant@example.org',
  phone: '07700 900 982',
  postcode: 'GL1 2AB',
  over18: 'yes',
  availability: ['weekends'],
  canAttendTraining: 'yes',
  commitment: 'yes',
  backgroundCheck: 'yes',
  itComfort: 'confident',
  experience: 'Some.',
  motivation: 'To help.',
  consent: 'yes',
};
