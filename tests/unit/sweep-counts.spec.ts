import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Mailer } from '../../functions/delivery/mail.ts';
import { sweep } from '../../functions/delivery/sweep.ts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { loadConfig } from '../../functions/settings/config.ts';
import { storeSubmission } from '../../functions/records/store.ts';
import { quietly } from '../support/logs.ts';
import { REFERRAL_ANSWERS, startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * What one sweep did, as it counts it: what it delivered, what failed, what it deleted, what
 * waits, what is parked, and what it could not handle at all. Each count is one of each kind.
 */
const MINUTE = 60_000;
const DAY = 86_400_000;
const referral = SERVER_FORMS.referral;
let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await startPipeline();
});
afterEach(async () => pipeline.stop());

test('a sweep counts one of each: delivered, failed, purged, waiting, parked and a record it could not read', async () => {
  const outbox = pipeline.deps.outbox;
  const now = () => new Date(pipeline.now()).toISOString();
  const old = await storeSubmission(outbox, referral, REFERRAL_ANSWERS); // will be past its limit
  pipeline.advance(45 * DAY);
  const due = await storeSubmission(outbox, referral, { ...REFERRAL_ANSWERS, fullName: 'Due Now' });
  const failing = await storeSubmission(outbox, referral, { ...REFERRAL_ANSWERS, fullName: 'Mail Refused' });
  pipeline.advance(3 * MINUTE); // past the grace a new record is left to its own request
  const later = await storeSubmission(outbox, referral, { ...REFERRAL_ANSWERS, fullName: 'Sent Later' });
  await outbox.store.set('RG-BAD0-BAD0', 'not a record', {
    metadata: { form: 'referral', receivedAt: now(), status: 'pending', attempts: 0, nextAttemptAt: now() },
  });
  pipeline.advance(3 * MINUTE);
  await outbox.store.set('RG-UNRE-ADBL', 'x', { metadata: { form: 'referral', receivedAt: now(), status: 'pending' } });

  const real = outbox.mailer;
  const refusing: Mailer = {
    send: async (mail) => {
      if (mail.text.includes('Mail Refused')) throw Object.assign(new Error('refused'), { code: 'ECONNECTION' });
      return real.send(mail);
    },
  };
  const store = new Proxy(outbox.store, {
    get(target, name) {
      const value = Reflect.get(target, name) as unknown;
      if (name === 'getMetadata')
        return async (key: string, options: unknown) => {
          if (key === 'RG-UNRE-ADBL') throw new Error('unreadable');
          return target.getMetadata(key, options as never);
        };
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const counts = await quietly(() => sweep({ ...outbox, store, mailer: refusing }));
  expect(counts).toEqual({ delivered: 2, failed: 1, purged: 1, pending: 0, parked: 1, problems: 1 });
  expect(await outbox.store.get(old)).toBeNull();
  for (const reference of [due, later])
    expect(pipeline.mail.received.some((m) => m.raw.includes(reference))).toBe(true);
  expect(pipeline.mail.received.some((m) => m.raw.includes(failing))).toBe(false);

  // The next sweep, at once: the failure waits for its back-off, the parked record stays parked.
  const next = await quietly(() => sweep({ ...outbox, store, mailer: refusing }));
  expect(next).toEqual({ delivered: 0, failed: 0, purged: 0, pending: 1, parked: 1, problems: 1 });
});

test('a record just stored is left to its own request for two minutes, then the sweep takes it', async () => {
  const outbox = pipeline.deps.outbox;
  const reference = await storeSubmission(outbox, referral, REFERRAL_ANSWERS);
  pipeline.advance(2 * MINUTE - 1);
  expect(await quietly(() => sweep(outbox))).toMatchObject({ delivered: 0, pending: 1 });
  pipeline.advance(1);
  expect(await quietly(() => sweep(outbox))).toMatchObject({ delivered: 1, pending: 0 });
  expect(pipeline.mail.received.some((m) => m.raw.includes(reference))).toBe(true);
});

test('without settings, production has the documented defaults and local use its own', () => {
  const saved = { ...process.env };
  try {
    for (const name of Object.keys(process.env)) {
      if (
        /^(SMTP_URL|MAIL_FROM|REFERRAL_INBOX|VOLUNTEER_INBOX|ALERT_INBOX|RETENTION_DAYS|UNDELIVERED_MAX_DAYS|MAX_DELIVERY_ATTEMPTS|RETRY_BASE_SECONDS|MIN_MS_BEFORE_SEND|HEALTH_TOKEN|URL|SITE_URL|FORM_TOKEN_SECRET)$/.test(
          name,
        )
      )
        delete process.env[name];
    }
    process.env.SUBMISSION_KEYS = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    const config = loadConfig('production');
    expect(config).toMatchObject({
      isLocal: false,
      retentionDays: 30,
      undeliveredMaxDays: 14,
      maxAttempts: 8,
      retryBaseMs: 60_000,
      minMsBeforeSend: 2000,
      storeName: 'submissions-production',
      markersStoreName: 'submissions-production-markers',
      siteOrigins: [],
      smtpUrl: undefined,
      healthToken: undefined,
    });
    expect(config.alertInbox).toBe(config.referralInbox);
    expect(config.inboxes.VOLUNTEER_INBOX).toBe(config.referralInbox);
    expect(config.mailFrom).toMatch(/^Restorative Gloucestershire website </);
    // Odd values fall back to the defaults rather than stop the site.
    process.env.RETENTION_DAYS = 'thirty';
    process.env.MAX_DELIVERY_ATTEMPTS = '-1';
    process.env.URL = 'https://example.org/some/page';
    process.env.ALERT_INBOX = 'alerts@example.org';
    const odd = loadConfig('deploy-preview');
    expect(odd).toMatchObject({ retentionDays: 30, maxAttempts: 8, siteOrigins: ['https://example.org'] });
    expect(odd.storeName).toBe('submissions-deploy-preview');
    expect(odd.alertInbox).toBe('alerts@example.org');
    process.env.MIN_MS_BEFORE_SEND = '0';
    expect(loadConfig('production').minMsBeforeSend).toBe(0);
    process.env.RETRY_BASE_SECONDS = '5';
    expect(loadConfig('production').retryBaseMs).toBe(5000);
  } finally {
    process.env = saved;
  }
});
