import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * The local CMS backend: decap-server in plain-file mode, bound to 127.0.0.1 only (it
 * listens on every interface otherwise, and its CORS check is no access control).
 * CMS_REPO_DIR points it at another folder than this repository (the tests use a copy).
 */
export async function startDecapServer(root: string): Promise<{ url: string; directory: string; stop(): void }> {
  const port = Number(process.env.DECAP_PORT ?? 8081);
  const directory = path.resolve(process.env.CMS_REPO_DIR ?? root);
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'decap-server', 'dist', 'index.js')], {
    env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: directory },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://localhost:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => resolve(), 5000);
    const ready = (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('listening')) {
        clearTimeout(timer);
        resolve();
      } else if (text.includes('EADDRINUSE')) {
        clearTimeout(timer);
        reject(new Error(`Port ${port} is in use: is another "npm start" running? Set DECAP_PORT to use another.`));
      }
    };
    child.stdout.on('data', ready);
    child.stderr.on('data', ready);
    child.once('error', reject);
  });
  child.stdout.removeAllListeners('data');
  child.stderr.on('data', (chunk: Buffer) => {
    if (/error/i.test(chunk.toString())) console.error(`CMS local backend: ${chunk.toString().trim().split('\n')[0]}`);
  });
  return { url, directory, stop: () => child.kill() };
}
