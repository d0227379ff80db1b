/**
 * `npm run dev`: Astro's dev server (with the functions, through @netlify/vite-plugin) and
 * the local CMS backend, so /admin/ edits content/ and the page reloads.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDecapServer } from './lib/decap-server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cms = await startDecapServer(root);
console.log(`CMS local backend on ${cms.url}; open /admin/ on the dev server.`);
const astro = spawn(
  process.execPath,
  [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  },
);
const stop = () => {
  cms.stop();
  astro.kill();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
astro.on('exit', (code) => {
  cms.stop();
  process.exit(code ?? 0);
});
