import { beforeAll, afterAll, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CMS_LOCAL_API, createCmsLocalBackend } from '../../scripts/lib/cms-local-backend.ts';

/**
 * The CMS's local backend behind its guard: decap-server's real file-system API on a
 * throwaway project folder holding content, uploads, and things it must never reach.
 */
let dir: string;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rg-cms-guard-'));
  for (const folder of ['content/services', 'public/uploads', '.data', 'functions']) {
    mkdirSync(path.join(dir, folder), { recursive: true });
  }
  writeFileSync(path.join(dir, 'content/services/schools.md'), '---\ntitle: Schools\n---\nText');
  writeFileSync(path.join(dir, '.data/submission-key'), 'local:SECRETKEY');
  writeFileSync(path.join(dir, 'package.json'), '{}');
  const handle = await createCmsLocalBackend({ repoDir: dir, siteOrigins: () => [`http://localhost:${port}`] });
  server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so the Host header can be anything (as in DNS rebinding). */
function call(
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: CMS_LOCAL_API,
        method: 'POST',
        headers: {
          Host: `localhost:${port}`,
          Origin: `http://localhost:${port}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : {} }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

test('the site’s own page reads and writes content and uploads', async () => {
  expect((await call({ action: 'info', params: {} })).status).toBe(200);
  const entry = await call({ action: 'getEntry', params: { branch: 'main', path: 'content/services/schools.md' } });
  expect(entry.status).toBe(200);
  expect(entry.json.data).toContain('title: Schools');
  const saved = await call({
    action: 'persistEntry',
    params: {
      branch: 'main',
      entry: { slug: 'courts', path: 'content/services/courts.md', raw: '---\ntitle: Courts\n---\n' },
      assets: [],
      options: { commitMessage: 'Create', useWorkflow: false, status: 'draft' },
    },
  });
  expect(saved.status).toBe(200);
  expect(readFileSync(path.join(dir, 'content/services/courts.md'), 'utf8')).toContain('Courts');
  const media = await call({ action: 'getMedia', params: { branch: 'main', mediaFolder: 'public/uploads' } });
  expect(media.status).toBe(200);
  // A picture that is not there: 404, not decap-server's 500.
  const missing = await call({ action: 'getMediaFile', params: { branch: 'main', path: 'public/uploads/gone.jpg' } });
  expect(missing).toEqual({ status: 404, json: { error: 'There is no such file' } });
});

test('a path outside the content and upload folders is refused, reading or writing', async () => {
  const outside = [
    { action: 'getEntry', params: { branch: 'main', path: '.data/submission-key' } },
    { action: 'getEntry', params: { branch: 'main', path: 'content/../.data/submission-key' } },
    { action: 'getMediaFile', params: { branch: 'main', path: '/etc/passwd' } },
    { action: 'getMedia', params: { branch: 'main', mediaFolder: '.data' } },
    { action: 'entriesByFolder', params: { branch: 'main', folder: '.', extension: 'md', depth: 5 } },
    { action: 'entriesByFiles', params: { branch: 'main', files: [{ path: 'package.json' }] } },
    {
      action: 'persistEntry',
      params: {
        branch: 'main',
        entry: { slug: 'x', path: 'functions/evil.mts', raw: 'export default 1' },
        assets: [],
        options: {},
      },
    },
    {
      action: 'persistEntry',
      params: {
        branch: 'main',
        entry: { slug: 'x', path: 'content/services/x.md', raw: 'x' },
        assets: [{ path: 'package.json', content: 'e30=', encoding: 'base64' }],
        options: {},
      },
    },
    {
      action: 'persistMedia',
      params: {
        branch: 'main',
        asset: { path: 'public/uploads/../../package.json', content: 'e30=', encoding: 'base64' },
      },
    },
    { action: 'deleteFiles', params: { branch: 'main', paths: ['content/services/schools.md', 'package.json'] } },
    // A rename moves every file in the folder: never to another folder.
    {
      action: 'persistEntry',
      params: {
        branch: 'main',
        entry: { slug: 'x', path: 'content/services/schools.md', newPath: 'public/uploads/schools.md', raw: 'x' },
        assets: [],
        options: {},
      },
    },
    { action: 'deleteFile', params: { branch: 'main', path: 'content' } },
  ];
  for (const body of outside) {
    const response = await call(body);
    expect(response.status, JSON.stringify(body)).toBe(403);
    expect(JSON.stringify(response.json)).not.toContain('SECRETKEY');
  }
  expect(existsSync(path.join(dir, 'functions/evil.mts'))).toBe(false);
  expect(existsSync(path.join(dir, 'content/services/schools.md'))).toBe(true);
  expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe('{}');
});

test('a foreign Host (DNS rebinding), a foreign Origin or no Origin is refused', async () => {
  const read = { action: 'getEntry', params: { branch: 'main', path: 'content/services/schools.md' } };
  expect((await call(read, { Host: `evil.example:${port}` })).status).toBe(403);
  expect((await call(read, { Origin: 'https://evil.example' })).status).toBe(403);
  expect((await call(read, { Origin: `http://localhost:${port + 1}` })).status).toBe(403);
  expect((await call(read, { Origin: '' })).status).toBe(403);
  expect((await call({ action: 'runShell', params: {} })).status).toBe(422);
});
