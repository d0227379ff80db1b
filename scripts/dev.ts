/**
 * `npm run dev`: Astro's dev server, with the functions (through @netlify/vite-plugin) and
 * the CMS's local backend on the same origin, so /admin/ edits content/ and the page reloads.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const astro = spawn(
  process.execPath,
  [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
);
const stop = () => astro.kill();
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
astro.on('exit', (code) => process.exit(code ?? 0));
