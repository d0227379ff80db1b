/**
 * `npm start`: builds the site, then serves the production build, the functions and
 * (from later issues) the CMS on http://localhost:4321 through Netlify's local emulation.
 *
 *   PORT=8080 npm start        another port
 *   npm start -- --no-build    serve the existing dist/ as it is
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSweep } from '../functions/submissions/handler.ts';
import { loadConfig } from '../functions/submissions/config.ts';
import { createMailer } from '../functions/submissions/mail.ts';
import { startDecapServer } from './lib/decap-server.ts';
import { startLocalServer } from './lib/local-server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.ASTRO_TELEMETRY_DISABLED = '1';

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = Number(process.env.PORT ?? 4321);
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, '.data'));
const server = await startLocalServer({ root, port, host: process.env.HOST ?? '127.0.0.1', dataDir });
const config = loadConfig('dev');
const cms = await startDecapServer(root);
console.log(`\nRestorative Gloucestershire is running:`);
console.log(`  Site:          ${server.url}/`);
console.log(`  Referral form: ${server.url}/refer/`);
console.log(`  Volunteering:  ${server.url}/volunteer/apply/`);
console.log(
  `  CMS:           ${server.url}/admin/ (local backend on ${cms.url}, writing to ${cms.directory}/content/)`,
);
console.log(`  Mail:          ${config.smtpUrl ? createMailer(config).describe() : `file://${config.mailDir}/`}`);
console.log(`  Data:          ${dataDir} (Blobs store, generated key)`);

// Production retries undelivered mail with a scheduled function; locally this loop does it.
const retrySeconds = Number(process.env.RETRY_INTERVAL_SECONDS ?? 60);
let sweeping = false;
const retry = setInterval(() => {
  // One sweep at a time: a slow mail server must not pile sweeps on top of each other.
  if (sweeping) return;
  sweeping = true;
  runSweep()
    .catch((error: Error) => console.error(`Retry of undelivered submissions failed: ${error.name}`))
    .finally(() => (sweeping = false));
}, retrySeconds * 1000);
console.log(`\nPress Ctrl+C to stop.`);

const stop = async () => {
  clearInterval(retry);
  cms.stop();
  await server.close().catch(() => undefined);
  // The emulation keeps handles open after stop(); nothing is left to finish, so exit.
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
