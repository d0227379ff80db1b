/**
 * `npm start`: builds the site, then serves the production build, the form functions and
 * the CMS on http://localhost:4321 (see scripts/lib/local-server.ts).
 *
 *   PORT=8080 npm start        another port
 *   npm start -- --no-build    serve the existing dist/ as it is
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../functions/settings/config.ts';
import { mailDestination } from '../functions/delivery/mail.ts';
import { serveSite } from './lib/serve.ts';

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

const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, '.data'));
const cmsRepoDir = path.resolve(process.env.CMS_REPO_DIR ?? root);
const server = await serveSite({
  root,
  port: Number(process.env.PORT ?? 4321),
  host: process.env.HOST ?? '127.0.0.1',
  dataDir,
  cmsRepoDir,
  retrySeconds: Number(process.env.RETRY_INTERVAL_SECONDS ?? 60),
});
const config = loadConfig('dev');
console.log(`\nRestorative Gloucestershire is running:`);
console.log(`  Site:          ${server.url}/`);
console.log(`  Referral form: ${server.url}/refer/`);
console.log(`  Volunteering:  ${server.url}/volunteer/apply/`);
console.log(`  CMS:           ${server.url}/admin/ (local backend, writing to ${cmsRepoDir}/content/)`);
console.log(`  Mail:          ${mailDestination(config)}`);
console.log(`  Data:          ${dataDir} (Blobs store, generated key)`);
console.log(`\nPress Ctrl+C to stop.`);

const stop = async () => {
  await server.close().catch(() => undefined);
  // The emulation keeps handles open after stop(); nothing is left to finish, so exit.
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
