import { afterAll, beforeAll, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import { loadConfig } from '../../functions/settings/config.ts';
import { takesSubmissions } from '../../src/lib/deploy-context.ts';
import { logsOf } from '../support/logs.ts';
import {
  checkedWithoutScript,
  checkThenSend,
  formRequest,
  REFERRAL_ANSWERS,
  startPipeline,
  type Pipeline,
} from '../support/pipeline.ts';

/**
 * Only production (and a local copy) stores and mails: on a deploy preview or a branch deploy a
 * send stores nothing, mails nothing, and says so, with the phone number instead.
 */
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline({ takesSubmissions: false, deployContext: 'deploy-preview', isLocal: false });
});
afterAll(async () => pipeline.stop());

test('which deploy contexts take submissions: production and local copies only', () => {
  for (const context of [undefined, '', 'dev', 'production'])
    expect(takesSubmissions(context), String(context)).toBe(true);
  for (const context of ['deploy-preview', 'branch-deploy', 'feature-x', 'Production'])
    expect(takesSubmissions(context), context).toBe(false);
  const saved = { ...process.env };
  try {
    process.env.SUBMISSION_KEYS = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
    expect(loadConfig('production').takesSubmissions).toBe(true);
    expect(loadConfig('deploy-preview').takesSubmissions).toBe(false);
    expect(loadConfig('branch-deploy').takesSubmissions).toBe(false);
    expect(loadConfig('dev').takesSubmissions).toBe(true);
  } finally {
    process.env = saved;
  }
});

test('a submission on a deploy preview stores nothing and sends nothing, and says so, on both paths', async () => {
  const referral = SERVER_FORMS.referral;
  const { result, lines } = await logsOf(async () => {
    const json = await checkThenSend(pipeline, referral, REFERRAL_ANSWERS);
    const handle = pipeline.handler(referral);
    const token = await checkedWithoutScript(pipeline, handle, referral.endpoint, REFERRAL_ANSWERS);
    const page = await handle(
      formRequest(referral.endpoint, { ...REFERRAL_ANSWERS, action: 'send', token }, { form: true }),
    );
    await pipeline.settle();
    return {
      json: { status: json.status, body: await json.json() },
      page: { status: page.status, text: await page.text() },
    };
  });
  expect(result.json.status).toBe(403);
  expect((result.json.body as { error: string }).error).toMatch(
    /preview copy of the website.*do not send anything.*phone 0/,
  );
  expect(result.page.status).toBe(403);
  expect(result.page.text).toContain(`<title>Not sent – ${referral.title}`);
  expect(result.page.text).toMatch(/nothing you enter here is kept or sent to anyone/);
  expect(lines.filter((line) => line.outcome === 'preview-not-sent')).toHaveLength(2);
  expect((await pipeline.deps.outbox.store.list()).blobs).toEqual([]);
  expect((await pipeline.deps.outbox.markers.list()).blobs).toEqual([]);
  expect((await pipeline.deps.outbox.equality.list()).blobs).toEqual([]);
  expect(pipeline.mail.received).toEqual([]);
  let files: string[] = [];
  try {
    files = readdirSync(pipeline.config.mailDir);
  } catch {
    // no outbox folder: nothing written
  }
  expect(files).toEqual([]);
});
