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
const server = await startLocalServer({ root, port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`\nRestorative Gloucestershire is running:`);
console.log(`  Site:        ${server.url}/`);
console.log(`\nPress Ctrl+C to stop.`);

const stop = async () => {
  await server.close().catch(() => undefined);
  // The emulation keeps handles open after stop(); nothing is left to finish, so exit.
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
