/**
 * Everything the submission pipeline reads from the environment, with the embedded
 * defaults that make `npm start` and the tests work on a fresh machine: a key generated
 * under .data/, and mail written as .eml files under .data/mail/ when there is no SMTP_URL.
 * In production (any Netlify deploy context but "dev") nothing is defaulted that matters.
 */
import { takesSubmissions } from '../../src/lib/deploy-context.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import settings from '../../content/settings/site.json' with { type: 'json' };
import { MAX_TOKEN_AGE_MS, MIN_MS_BEFORE_SEND } from '../../src/forms/timing.ts';
import { contactOf } from '../../src/lib/contact.ts';
import { USED_TOKEN_KEEP_MS } from '../intake/used-tokens.ts';
import { newKeySpec, parseKeyring, type Keyring } from '../records/seal.ts';

declare const Netlify: { env: { get(name: string): string | undefined } } | undefined;

export function env(name: string): string | undefined {
  const fromNetlify = typeof Netlify !== 'undefined' ? Netlify.env.get(name) : undefined;
  const value = fromNetlify ?? process.env[name];
  return value === '' ? undefined : value;
}

export class ConfigurationError extends Error {}

export interface PipelineConfig {
  deployContext: string;
  isLocal: boolean;
  dataDir: string;
  keyring: Keyring;
  /** Signs check-answers tokens; separate from the encryption keys. */
  tokenSecret: Buffer;
  smtpUrl?: string;
  mailDir: string;
  mailFrom: string;
  referralInbox: string;
  /** Inboxes by the environment variable that names them, where set or defaulted here. */
  inboxes: Record<string, string>;
  alertInbox: string;
  /** Days a delivered submission is kept after delivery (for staff to ask about it). */
  retentionDays: number;
  /**
   * Days after receipt past which any record, delivered or not, is deleted on top of the
   * retention period: nothing personal is kept longer than retentionDays + this.
   */
  undeliveredMaxDays: number;
  maxAttempts: number;
  retryBaseMs: number;
  /** The shortest time between "check answers" and "send" (MIN_MS_BEFORE_SEND). */
  minMsBeforeSend: number;
  /**
   * How long a second send of a token waits for the first to be stored before it answers
   * "still sending" (SEND_WAIT_MS; well inside a function's time limit, and a first store takes
   * a fraction of a second).
   */
  sendWaitMs: number;
  /** Secret an uptime monitor sends to read the health summary; unset turns the endpoint off. */
  healthToken?: string;
  storeName: string;
  /** Single-use tokens, delivery claims and confirmation limits: no personal data. */
  markersStoreName: string;
  /** Equality answers, sealed, apart from the submissions (functions/equality/). */
  equalityStoreName: string;
  siteOrigins: string[];
  /** Confirmation emails the whole site may send in an hour (SITE_CONFIRMATIONS_PER_HOUR). */
  siteConfirmationsPerHour: number;
  /** False on deploy previews and branch deploys: nothing is stored or mailed there. */
  takesSubmissions: boolean;
}

/**
 * The inbox a form's submissions go to: the environment variable its module names (such as
 * VOLUNTEER_INBOX), else the referral inbox, which is always set.
 */
export function inboxFor(config: Pick<PipelineConfig, 'referralInbox' | 'inboxes'>, form: { inbox: string }): string {
  return config.inboxes[form.inbox] ?? env(form.inbox) ?? config.referralInbox;
}

/** How long a second send of a token waits for the first to be stored (PipelineConfig.sendWaitMs). */
export const SEND_WAIT_MS = 6000;

function localKeySpec(dataDir: string): string {
  const file = path.join(dataDir, 'submission-key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, newKeySpec('local'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * Settings that cannot work together, in words an operator can act on; empty when all is well.
 * The pipeline refuses to start on any (see loadConfig), rather than fail one person at a time.
 */
export function settingsProblems(
  settings: Pick<PipelineConfig, 'minMsBeforeSend' | 'maxAttempts'>,
  lifetimes = { usedTokenMs: USED_TOKEN_KEEP_MS, tokenMs: MAX_TOKEN_AGE_MS },
): string[] {
  const problems: string[] = [];
  if (lifetimes.usedTokenMs <= lifetimes.tokenMs)
    problems.push('used-token markers must outlive tokens, or a token could be sent twice');
  if (settings.minMsBeforeSend >= lifetimes.tokenMs)
    problems.push('MIN_MS_BEFORE_SEND must be shorter than a token lives, or nothing could ever be sent');
  if (!Number.isInteger(settings.maxAttempts) || settings.maxAttempts < 1)
    problems.push('MAX_DELIVERY_ATTEMPTS must be a whole number of at least 1');
  return problems;
}

export function loadConfig(deployContext = env('CONTEXT') ?? 'dev'): PipelineConfig {
  const isLocal = deployContext === 'dev';
  const dataDir = path.resolve(env('DATA_DIR') ?? path.join(process.cwd(), '.data'));
  const keySpec = env('SUBMISSION_KEYS') ?? (isLocal ? localKeySpec(dataDir) : undefined);
  if (!keySpec) throw new ConfigurationError('SUBMISSION_KEYS is not set');
  const keyring = parseKeyring(keySpec);
  const tokenSecret = Buffer.from(
    env('FORM_TOKEN_SECRET') ?? `token:${keyring.keys.get(keyring.currentId)!.toString('base64')}`,
  );
  const referralInbox = env('REFERRAL_INBOX') ?? settings.referralEmail;
  /** A number from the environment, if set and at least `min`; otherwise the default. */
  const number = (name: string, fallback: number, min = Number.MIN_VALUE) => {
    const value = Number(env(name));
    return Number.isFinite(value) && value >= min ? value : fallback;
  };
  const siteUrl = env('URL') ?? env('SITE_URL');
  const storeName = `submissions-${deployContext.replace(/[^a-z0-9-]/gi, '-')}`;
  const config: PipelineConfig = {
    deployContext,
    isLocal,
    dataDir,
    keyring,
    tokenSecret,
    smtpUrl: env('SMTP_URL'),
    mailDir: path.join(dataDir, 'mail'),
    mailFrom: env('MAIL_FROM') ?? 'Restorative Gloucestershire website <website@localhost>',
    referralInbox,
    inboxes: { REFERRAL_INBOX: referralInbox, VOLUNTEER_INBOX: env('VOLUNTEER_INBOX') ?? referralInbox },
    alertInbox: env('ALERT_INBOX') ?? referralInbox,
    retentionDays: number('RETENTION_DAYS', 30),
    undeliveredMaxDays: number('UNDELIVERED_MAX_DAYS', 14),
    maxAttempts: number('MAX_DELIVERY_ATTEMPTS', 8),
    retryBaseMs: number('RETRY_BASE_SECONDS', 60) * 1000,
    minMsBeforeSend: number('MIN_MS_BEFORE_SEND', MIN_MS_BEFORE_SEND, 0),
    sendWaitMs: SEND_WAIT_MS,
    healthToken: env('HEALTH_TOKEN'),
    storeName,
    markersStoreName: `${storeName}-markers`,
    equalityStoreName: `${storeName}-equality`,
    siteOrigins: siteUrl ? [new URL(siteUrl).origin] : [],
    takesSubmissions: isLocal || takesSubmissions(deployContext),
    siteConfirmationsPerHour: number('SITE_CONFIRMATIONS_PER_HOUR', 30, 1),
  };
  const problems = settingsProblems(config);
  if (problems.length) throw new ConfigurationError(`Inconsistent settings: ${problems.join('; ')}`);
  return config;
}

export const contactFacts = contactOf(settings);
