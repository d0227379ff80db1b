/**
 * The browser suite's server (Playwright's webServer): a real SMTP server on a free loopback
 * port that saves what it receives under the run's data folder, and the site exactly as
 * `npm start` serves it, with its own Blobs store, key, log and CMS content copy.
 */
import { appendFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { serveSite } from '../../scripts/lib/serve.ts';
import { TestMailServer } from './smtp.ts';
import { testPaths } from './test-paths.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const paths = testPaths(process.env.TEST_DATA_DIR!);
rmSync(paths.dataDir, { recursive: true, force: true });
mkdirSync(paths.cmsRepoDir, { recursive: true });
for (const folder of ['content', 'public']) {
  cpSync(path.join(root, folder), path.join(paths.cmsRepoDir, folder), { recursive: true });
}

// Everything the server prints also goes to a file, so tests can prove no value is ever logged.
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (chunk: string | Uint8Array) => boolean;
  stream.write = ((chunk: string | Uint8Array) => {
    appendFileSync(paths.serverLog, chunk);
    return write(chunk);
  }) as typeof stream.write;
}

// The port chosen for the site is held while the mail server asks the system for a port of its
// own, so the system cannot give it that one; the site takes it over straight after.
const placeholder = createServer();
await new Promise<void>((resolve) => placeholder.listen(Number(process.env.PORT), '127.0.0.1', resolve));
const mail = new TestMailServer(0, paths.mailDir);
await mail.start();
await new Promise<void>((resolve) => placeholder.close(() => resolve()));
Object.assign(process.env, {
  SMTP_URL: mail.url,
  MAIL_FROM: 'Website <website@test.invalid>',
  REFERRAL_INBOX: 'referrals@test.invalid',
  VOLUNTEER_INBOX: 'volunteers@test.invalid',
  BOOKING_INBOX: 'bookings@test.invalid',
  FEEDBACK_INBOX: 'feedback@test.invalid',
  // No waiting between "check answers" and "send" in the browser tests: the minimum time
  // itself is tested in-process, with a fake clock.
  MIN_MS_BEFORE_SEND: '0',
  RETRY_BASE_SECONDS: '1',
});
const server = await serveSite({
  root,
  port: Number(process.env.PORT),
  dataDir: paths.dataDir,
  cmsRepoDir: paths.cmsRepoDir,
  // The retry sweep every minute, as under `npm start`. No browser test waits for it (retries and
  // digests are tested in-process; a new record is left alone for two minutes, except one that
  // waits for a digest), and run every second it read every stored record's metadata each time:
  // a steady cost on both cores that grew with every form the suite sent.
  retrySeconds: 60,
});
console.log(`Test server on ${server.url}, mail on ${mail.url}`);

const stop = async () => {
  await server.close().catch(() => undefined);
  await mail.stop();
  // The run's key, store and received mail go with the run (KEEP_TEST_DATA=1 keeps them to look at).
  if (!process.env.KEEP_TEST_DATA) rmSync(process.env.TEST_DATA_DIR!, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
