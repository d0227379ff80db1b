/**
 * Sending mail: SMTP through nodemailer when SMTP_URL is set (TLS required unless the
 * server is on this machine), otherwise, locally, .eml files in .data/mail/.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { PipelineConfig } from '../settings/config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Used in the local .eml file name only. */
  tag: string;
  /**
   * The Date header, when it must say less than the moment of sending (an anonymous form's
   * digest: its day). Also names and dates the local .eml file, to the day.
   */
  date?: Date;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/** A server on this machine: the names and addresses of loopback (as URL.hostname writes them: IPv6 in brackets). */
export function onThisMachine(hostname: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

function smtpMailer(config: PipelineConfig, smtpUrl: string): Mailer {
  const url = new URL(smtpUrl);
  // Personal data must never cross a network unencrypted; a server on this machine is exempt
  // unless its address asks for TLS with ?tls=required.
  const plainAllowed = onThisMachine(url.hostname) && url.searchParams.get('tls') !== 'required';
  // The parameter is ours: nodemailer would read it as its own `tls` options.
  url.searchParams.delete('tls');
  const transport: Transporter = nodemailer.createTransport({
    url: url.toString(),
    requireTLS: url.protocol === 'smtp:' && !plainAllowed,
    ignoreTLS: url.protocol === 'smtp:' && plainAllowed,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(mail) {
      await transport.sendMail({
        from: config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        date: mail.date,
      });
    },
  };
}

function fileMailer(config: PipelineConfig): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        date: mail.date,
      });
      mkdirSync(config.mailDir, { recursive: true });
      const stamp = mail.date
        ? `${mail.date.toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`
        : new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(config.mailDir, `${stamp}-${mail.tag}.eml`);
      writeFileSync(file, info.message as Buffer, { mode: 0o600 });
      // Dated by this process's clock (the purge reads the same clock), to the day when the mail is.
      const when = mail.date ?? new Date();
      utimesSync(file, when, when);
    },
  };
}

export class MailNotConfiguredError extends Error {}

export function createMailer(config: PipelineConfig): Mailer {
  if (config.smtpUrl) return smtpMailer(config, config.smtpUrl);
  if (config.isLocal) return fileMailer(config);
  return {
    async send() {
      throw new MailNotConfiguredError('SMTP_URL is not set');
    },
  };
}

/** Where mail goes, for the operator's start-up lines: never the SMTP user or password. */
export function mailDestination(config: Pick<PipelineConfig, 'smtpUrl' | 'isLocal' | 'mailDir'>): string {
  if (config.smtpUrl) {
    const url = new URL(config.smtpUrl);
    return `SMTP ${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`;
  }
  return config.isLocal ? `files in ${config.mailDir}` : 'not configured';
}

/**
 * What went wrong with a send, as a code an operator can act on. Taken from nodemailer's
 * error codes and SMTP response codes only: never the message, which may quote an address.
 */
export function failureReason(error: unknown): string {
  if (error instanceof MailNotConfiguredError) return 'mail-not-configured';
  const { code, responseCode, command, message } = (error ?? {}) as {
    code?: string;
    responseCode?: number;
    command?: string;
    message?: string;
  };
  if (String(message).includes('ECONNREFUSED')) return 'smtp-connection-refused';
  if (code === 'EAUTH' || responseCode === 535 || responseCode === 534) return 'smtp-authentication-failed';
  if (code === 'ETLS' || code === 'ESOCKET_TLS') return 'smtp-tls-failed';
  if (code === 'EENVELOPE' || (command === 'RCPT TO' && responseCode && responseCode >= 500)) {
    return 'smtp-recipient-rejected';
  }
  if (code === 'ETIMEDOUT') return 'smtp-timeout';
  if (code === 'EDNS') return 'smtp-host-not-found';
  if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ECONNREFUSED') return 'smtp-connection-failed';
  if (code === 'EMESSAGE' || (responseCode && responseCode >= 500)) return 'smtp-message-rejected';
  if (responseCode && responseCode >= 400) return 'smtp-temporarily-refused';
  return 'mail-error';
}
