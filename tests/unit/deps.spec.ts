import { afterAll, beforeAll, expect, test } from 'vitest';
import type { getStore } from '@netlify/blobs';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import deliverOutbox from '../../functions/deliver-outbox.mts';
import forms from '../../functions/forms.mts';
import health from '../../functions/health.mts';
import nightlyRebuild from '../../functions/nightly-rebuild.mts';
import { loadBookable } from '../../functions/forms/bookable.ts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { clockOf, depsFor, openStores } from '../../functions/settings/deps.ts';
import { startLocalBlobs, type LocalBlobs } from '../../scripts/lib/local-blobs.ts';
import { logsOf } from '../support/logs.ts';

/**
 * What the functions build for themselves in a deploy: settings once per deploy context, the
 * stores in the EU region, every form's server settings; and the nightly rebuild's call.
 */
let dir: string;
let blobs: LocalBlobs;
const saved = { ...process.env };
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rg-deps-'));
  // The process-wide Blobs context, as Netlify gives a function.
  blobs = await startLocalBlobs(dir);
  process.env.DATA_DIR = dir;
  process.env.SUBMISSION_KEYS = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
});
afterAll(async () => {
  process.env = saved;
  await blobs.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('all three stores are opened in the EU region, by name, with strong reads', () => {
  const asked: Parameters<typeof getStore>[0][] = [];
  const open = ((options: Parameters<typeof getStore>[0]) => {
    asked.push(options);
    return { name: options } as never;
  }) as typeof getStore;
  openStores(
    {
      storeName: 'submissions-production',
      markersStoreName: 'submissions-production-markers',
      equalityStoreName: 'submissions-production-equality',
    },
    open,
  );
  expect(asked).toEqual([
    { name: 'submissions-production', consistency: 'strong', region: 'eu-central-1' },
    { name: 'submissions-production-markers', consistency: 'strong', region: 'eu-central-1' },
    { name: 'submissions-production-equality', consistency: 'strong', region: 'eu-central-1' },
  ]);
});

test('each deploy context has its own settings, made once, its own stores, and every form', async () => {
  const production = depsFor({ deploy: { context: 'production' } } as never);
  expect(production.config.deployContext).toBe('production');
  expect(production.config.storeName).toBe('submissions-production');
  expect(production.outbox.forms).toBe(SERVER_FORMS);
  expect(production.outbox.config).toBe(production.config);
  expect(production.outbox.mailer).toBe(production.mailer);
  // Kept while the instance lives: the same settings and mailer on the next call.
  const again = depsFor({ deploy: { context: 'production' } } as never);
  expect(again.config).toBe(production.config);
  expect(again.mailer).toBe(production.mailer);
  const preview = depsFor({ deploy: { context: 'deploy-preview' } } as never);
  expect(preview.config).not.toBe(production.config);
  expect(preview.config.storeName).toBe('submissions-deploy-preview');
  // No context (npm start), or one without a deploy: the local settings.
  expect(depsFor(undefined).config.isLocal).toBe(true);
  expect(depsFor({ deploy: { context: '' } } as never).config).toBe(depsFor(undefined).config);
  expect(depsFor({} as never).config).toBe(depsFor(undefined).config);
  // A booking enquiry is checked against the build's list of events, read once an instance.
  expect(production.bookable).toBe(loadBookable);

  // The region travels with every request and the local server files it under the store's name.
  await production.outbox.store.set('RG-AAAA-BBBB', 'sealed');
  expect(await production.outbox.store.get('RG-AAAA-BBBB')).toBe('sealed');
  expect((await production.outbox.store.list()).blobs.map((blob) => blob.key)).toEqual(['RG-AAAA-BBBB']);
  expect(readdirSync(path.join(blobs.directory, 'entries', 'local-site'))).toContain('site:submissions-production');
});

test('the functions as Netlify calls them: forms, the scheduled sweep and health, each in its deploy context', async () => {
  process.env.HEALTH_TOKEN = 'monitor';
  process.env.MIN_MS_BEFORE_SEND = '0';
  const context = { deploy: { context: 'branch-deploy' } } as never;
  try {
    const sent = await forms(
      new Request('https://site.example/api/forms/feedback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ action: 'check', overall: 'good' }),
      }),
      context,
    );
    expect(sent.status).toBe(200);
    expect(await sent.json()).toHaveProperty('token');
    const swept = await logsOf(() => deliverOutbox(new Request('https://site.example/'), context));
    expect(swept.result.status).toBe(204);
    // The sweep behind it runs in the same deploy context and says what it did.
    const { runSweep } = await import('../../functions/delivery/sweep.ts');
    expect((await logsOf(() => runSweep(context))).result).toEqual({
      delivered: 0,
      failed: 0,
      purged: 0,
      pending: 0,
      parked: 0,
      problems: 0,
    });
    const asked = await health(
      new Request('https://site.example/api/health', { headers: { Authorization: 'Bearer monitor' } }),
      context,
    );
    expect(asked.status).toBe(200);
    expect(await asked.json()).toMatchObject({ status: 'ok', waiting: 0 });
  } finally {
    delete process.env.HEALTH_TOKEN;
    delete process.env.MIN_MS_BEFORE_SEND;
  }
});

test('the clock is the deps’ own when they have one, the real one otherwise', () => {
  expect(clockOf({ now: () => 42 })()).toBe(42);
  const real = clockOf({})();
  expect(Math.abs(real - Date.now())).toBeLessThan(1000);
});

test('the nightly rebuild posts to the build hook, and says what came of it', async () => {
  const posts: string[] = [];
  let status = 200;
  const hook = createServer((req, res) => {
    posts.push(`${req.method} ${req.url}`);
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(hook.address() as { port: number }).port}/build_hooks/abc`;
  try {
    delete process.env.BUILD_HOOK_URL;
    expect((await logsOf(() => nightlyRebuild())).lines).toEqual([
      expect.objectContaining({ outcome: 'nightly-rebuild-not-configured' }),
    ]);
    expect(posts).toEqual([]);
    process.env.BUILD_HOOK_URL = url;
    expect((await logsOf(() => nightlyRebuild())).lines).toEqual([
      expect.objectContaining({ outcome: 'nightly-rebuild-requested', status: 200 }),
    ]);
    expect(posts).toEqual(['POST /build_hooks/abc']);
    status = 404;
    expect((await logsOf(() => nightlyRebuild())).lines).toEqual([
      expect.objectContaining({ outcome: 'nightly-rebuild-refused', status: 404 }),
    ]);
  } finally {
    await new Promise<void>((resolve) => hook.close(() => resolve()));
  }
  // Nothing listening: the failure is logged, never thrown.
  expect((await logsOf(() => nightlyRebuild())).lines).toEqual([
    expect.objectContaining({ outcome: 'nightly-rebuild-failed', reason: 'TypeError' }),
  ]);
  delete process.env.BUILD_HOOK_URL;
});
