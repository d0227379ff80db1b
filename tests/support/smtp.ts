import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives, for the tests to read. */
export class TestMailServer {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;

  constructor(private readonly port: number) {}

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
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until a message whose raw text contains `text` arrives. */
  async waitFor(text: string, timeoutMs = 20_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.received.find((mail) => decode(mail.raw).includes(text));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`No mail containing "${text}" within ${timeoutMs} ms`);
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
