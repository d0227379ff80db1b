import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';

// smtp-server holds every new connection for 100 ms before its greeting, to catch spam senders
// that talk too soon. Our own client never does, and in the tests that pause was most of the
// time each email took (the mutation run sends thousands). Here the greeting goes at once; the
// server is otherwise as it ships. If a new version changes these internals, nothing is changed.
const connection = SMTPConnection.prototype as unknown as {
  init(): void;
  _setListeners?(ready: () => void): void;
  connectionReady?(): void;
};
if (typeof connection._setListeners === 'function' && typeof connection.connectionReady === 'function') {
  connection.init = function (this: typeof connection) {
    this._setListeners!(() => this.connectionReady!());
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on loopback that keeps what it receives, for the tests to read: in
 * memory, and as files in `saveTo` when given (for tests in other processes).
 */
export class TestMailServer {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  port: number;

  private readonly saveTo?: string;
  private readonly host: string;

  /** `host` is where it listens: 127.0.0.1, or another loopback address to stand for a remote server. */
  constructor(port = 0, saveTo?: string, host = '127.0.0.1') {
    this.port = port;
    this.saveTo = saveTo;
    this.host = host;
    if (saveTo) mkdirSync(saveTo, { recursive: true });
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      // No DNS here: a reverse look-up of 127.0.0.1 would stall every delivery until it timed out.
      disableReverseLookup: true,
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const mail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          };
          this.received.push(mail);
          if (this.saveTo) {
            const name = `${Date.now()}-${this.received.length}.json`;
            // Written whole, then renamed, so a reader never sees half a message.
            writeFileSync(path.join(this.saveTo, `.${name}`), JSON.stringify(mail));
            renameSync(path.join(this.saveTo, `.${name}`), path.join(this.saveTo, name));
          }
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, this.host, () => resolve());
    });
    this.port = (this.server.server.address() as { port: number }).port;
  }

  get url(): string {
    return `smtp://${this.host}:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until a message whose raw text contains `text` arrives. */
  waitFor(text: string, timeoutMs = 10_000): Promise<ReceivedMail> {
    return waitForMail(() => this.received, text, timeoutMs);
  }
}

/** The messages a TestMailServer in another process saved to `folder`. */
export function savedMail(folder: string): ReceivedMail[] {
  let names: string[] = [];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
  } catch {
    return [];
  }
  return names.sort().map((name) => JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as ReceivedMail);
}

/** Polls `read` until a message containing `text` is there (a condition, never a fixed sleep). */
export async function waitForMail(read: () => ReceivedMail[], text: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = read().find((mail) => decode(mail.raw).includes(text));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail containing "${text}" within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The message as readable text: quoted-printable and base64 parts decoded. */
export function decode(raw: string): string {
  const parts = raw.split(/\r?\n\r?\n/);
  let text = raw;
  for (const part of parts) {
    if (/^[A-Za-z0-9+/=\r\n]+$/.test(part.trim()) && part.trim().length > 40) {
      text += '\n' + Buffer.from(part.replace(/\s/g, ''), 'base64').toString('utf8');
    }
  }
  const qp = raw
    .replace(/=\r?\n/g, '')
    .replace(/((?:=[0-9A-F]{2})+)/g, (match) => Buffer.from(match.replace(/=/g, ''), 'hex').toString('utf8'));
  return `${text}\n${qp}`;
}

/** One MIME part of a message (text/plain or text/html), decoded from base64 or quoted-printable. */
export function mimePart(raw: string, type: 'text/plain' | 'text/html'): string {
  const start = raw.search(new RegExp(`^Content-Type: ${type.replace('/', '\\/')}`, 'm'));
  if (start < 0) return '';
  const rest = raw.slice(start);
  const headerEnd = rest.search(/\r?\n\r?\n/);
  const headers = rest.slice(0, headerEnd);
  const body = rest
    .slice(headerEnd)
    .replace(/^\s+/, '')
    .split(/\r?\n--/)[0];
  if (/Content-Transfer-Encoding: base64/i.test(headers))
    return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  return body
    .replace(/=\r?\n/g, '')
    .replace(/((?:=[0-9A-F]{2})+)/g, (match) => Buffer.from(match.replace(/=/g, ''), 'hex').toString('utf8'));
}
