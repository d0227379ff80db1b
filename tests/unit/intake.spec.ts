import { afterAll, beforeAll, expect, test } from 'vitest';
import { overriding } from '../support/stores.ts';
import { createConfirmationHandler } from '../../functions/intake/confirmation-page.ts';
import { referenceProof } from '../../functions/intake/proof.ts';
import { guard } from '../../functions/intake/guard.ts';
import { problemMessage, repliesFor } from '../../functions/intake/replies.ts';
import { createSubmissionHandler } from '../../functions/intake/submission.ts';
import { parseAnswers } from '../../functions/intake/validate.ts';
import { SERVER_FORMS } from '../../functions/forms/registry.ts';
import type { HandlerDeps } from '../../functions/settings/deps.ts';
import { say } from '../../src/forms/fields.ts';
import { parse, textOf } from '../support/dom.ts';
import { logsOf } from '../support/logs.ts';
import { formRequest, REFERRAL_ANSWERS, startPipeline, type Pipeline } from '../support/pipeline.ts';

/**
 * The first steps of every post and the pages it may be answered with, each with what it logs
 * (the outcomes an operator reads: docs/operating.md), in-process against a real store.
 */
const referral = SERVER_FORMS.referral;
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => pipeline.stop());

const guarded = (request: Request, makeDeps = () => pipeline.deps) => guard(referral, request, undefined, makeDeps);
const answer = async (result: Awaited<ReturnType<typeof guard>>) => {
  if (!('response' in result)) throw new Error('it got through');
  return result.response;
};

test('only a POST gets through, told so with the methods allowed', async () => {
  const response = await answer(await guarded(new Request('http://localhost/api/forms/referral')));
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe('POST');
  expect(await response.json()).toEqual({ error: 'Use POST to send this form' });
});

test('a post whose body breaks off while it is read is refused as unreadable (400), never a 500', async () => {
  const broken = () =>
    new Request('http://localhost/api/forms/referral', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'sec-fetch-site': 'same-origin' },
      body: new ReadableStream({
        pull: (controller) => controller.error(new Error('connection reset')),
      }),
      duplex: 'half',
    } as RequestInit);
  const { result } = await logsOf(async () => answer(await guarded(broken())));
  expect(result.status).toBe(400);
  expect(await result.json()).toEqual({ error: 'The form could not be read' });
});

test('a confirmation keeps the shell’s “Help from other services” for forms with safety lines only', async () => {
  const { createPageRenderer } = await import('../../functions/intake/pages.ts');
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const root = mkdtempSync(path.join(tmpdir(), 'rg-confirm-shell-'));
  try {
    mkdirSync(path.join(root, 'dist', 'form-shell'), { recursive: true });
    writeFileSync(
      path.join(root, 'dist', 'form-shell', 'index.html'),
      '<title>%%TITLE%%</title><main>%%MAIN%%</main><!--other-help--><aside data-other-help>Other help</aside><!--/other-help-->',
    );
    const render = createPageRenderer(root);
    const opened = async (id: string) => {
      const form = SERVER_FORMS[id]!;
      const proof = referenceProof(pipeline.config.tokenSecret, form.id, 'RG-7Q2K-M9XD');
      const page = createConfirmationHandler(form, () => pipeline.deps, render);
      const url = `http://localhost${form.confirmationPath}?reference=RG-7Q2K-M9XD&proof=${proof}`;
      return parse(await (await page(new Request(url))).text());
    };
    expect((await opened('referral')).querySelector('[data-other-help]')).not.toBeNull();
    expect((await opened('feedback')).querySelector('[data-other-help]')).not.toBeNull();
    expect((await opened('volunteer-application')).querySelector('[data-other-help]')).toBeNull();
    expect((await opened('booking-enquiry')).querySelector('[data-other-help]')).toBeNull();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a browser reopening the address a form was posted to (reload, history) goes to the form, a script is told to POST', async () => {
  const opened = (headers: Record<string, string>, method = 'GET') =>
    guarded(new Request('http://localhost/api/forms/referral', { method, headers }));
  const browsers: Record<string, string>[] = [
    { 'sec-fetch-mode': 'navigate' },
    { accept: 'text/html,application/xhtml+xml' },
  ];
  for (const headers of browsers) {
    for (const method of ['GET', 'HEAD']) {
      const response = await answer(await opened(headers, method));
      expect([response.status, response.headers.get('location')], method).toEqual([303, '/refer/']);
    }
  }
  // A script's fetch, or a page asking for HTML without navigating, or another method: 405.
  for (const [headers, method] of [
    [{ 'sec-fetch-mode': 'cors', accept: 'text/html' }, 'GET'],
    [{ accept: 'application/json' }, 'GET'],
    [{ 'sec-fetch-mode': 'navigate' }, 'PUT'],
  ] as const) {
    expect((await answer(await opened(headers, method))).status).toBe(405);
  }
});

test('settings that cannot load get the calm problem message, and the log says why', async () => {
  const { result, lines } = await logsOf(async () =>
    answer(
      await guarded(formRequest('/api/forms/referral', { action: 'check' }), () => {
        throw new RangeError('no keys');
      }),
    ),
  );
  expect(result.status).toBe(503);
  expect(await result.json()).toEqual({ error: problemMessage(referral) });
  expect(lines).toEqual([
    expect.objectContaining({ form: 'referral', outcome: 'not-configured', reason: 'RangeError' }),
  ]);
});

test('a post from another site is refused, in JSON to a script and as a page with a way back to a browser', async () => {
  const cross = (accept: string) =>
    formRequest('/api/forms/referral', 'a=1', {
      form: true,
      headers: { 'Sec-Fetch-Site': 'cross-site', Accept: accept },
    });
  const script = await logsOf(async () => answer(await guarded(cross('application/json'))));
  expect(script.result.status).toBe(403);
  expect(await script.result.json()).toEqual({ error: 'This form can only be sent from our own website.' });
  expect(script.lines).toEqual([expect.objectContaining({ outcome: 'refused-cross-site', status: 403 })]);
  const browser = await logsOf(async () => answer(await guarded(cross('text/html'))));
  expect(browser.result.status).toBe(403);
  expect(browser.result.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const page = parse(await browser.result.text());
  expect(textOf(page.querySelector('h1'))).toBe('Sorry, there is a problem');
  expect(textOf(page.querySelector('main'))).toContain('This form can only be sent from our own website.');
  expect(page.querySelector('main a[href="/refer/"]')).not.toBeNull();
  expect(textOf(page.querySelector('title'))).toContain('Sorry, there is a problem');
  // A browser that says nothing of what it accepts is still a browser: it gets the page.
  const plain = await logsOf(async () =>
    answer(
      await guarded(
        formRequest('/api/forms/referral', 'a=1', {
          form: true,
          headers: { 'Sec-Fetch-Site': 'cross-site', Accept: '' },
        }),
      ),
    ),
  );
  expect(plain.result.headers.get('content-type')).toBe('text/html; charset=utf-8');
});

test('a body that cannot be read is logged with its status', async () => {
  const { result, lines } = await logsOf(async () =>
    answer(
      await guarded(
        formRequest('/api/forms/referral', '{', { headers: { 'Content-Type': 'application/json', Accept: '' } }),
      ),
    ),
  );
  expect(result.status).toBe(400);
  expect(lines).toEqual([expect.objectContaining({ form: 'referral', outcome: 'bad-request', status: 400 })]);
  // Sent as JSON, answered in JSON; sent as a form, answered with a page.
  expect(result.headers.get('content-type')).toContain('application/json');
  const tooBig = await logsOf(async () =>
    answer(
      await guarded(
        formRequest('/api/forms/referral', `a=${'x'.repeat(40_000)}`, { form: true, headers: { Accept: '' } }),
      ),
    ),
  );
  expect(tooBig.result.status).toBe(413);
  expect(tooBig.result.headers.get('content-type')).toBe('text/html; charset=utf-8');
});

test('answers that fail their checks are logged as a count, never as words', async () => {
  const handle = pipeline.handler(referral);
  const { result, lines } = await logsOf(() =>
    handle(formRequest('/api/forms/referral', { action: 'check', referralFor: 'harmed' })),
  );
  expect(result.status).toBe(422);
  expect(lines).toEqual([expect.objectContaining({ form: 'referral', outcome: 'invalid', status: 422 })]);
  expect(Number(lines[0].count)).toBeGreaterThan(2);
  const honeypot = await logsOf(() =>
    handle(formRequest('/api/forms/referral', { ...REFERRAL_ANSWERS, website: 'spam', action: 'check' })),
  );
  // A filled hidden box is checked like anyone's answers (the trap springs at the send step),
  // and its value is never logged or echoed.
  expect(honeypot.result.status).toBe(200);
  expect(honeypot.lines).toEqual([]);
  expect(honeypot.text).not.toContain('spam');
  expect(await honeypot.result.text()).not.toContain('spam');
});

test('anything unexpected gets the problem message, never a stack, and is logged by kind', async () => {
  const broken = {
    ...pipeline.deps,
    config: { ...pipeline.deps.config, tokenSecret: undefined },
  } as unknown as HandlerDeps;
  const handle = createSubmissionHandler(referral, () => broken);
  const { result, lines } = await logsOf(() =>
    handle(formRequest('/api/forms/referral', { ...REFERRAL_ANSWERS, action: 'check' })),
  );
  expect(result.status).toBe(503);
  expect(await result.json()).toEqual({ error: problemMessage(referral) });
  expect(lines).toEqual([
    expect.objectContaining({ form: 'referral', outcome: 'unexpected-error', status: 503, reason: expect.any(String) }),
  ]);
});

test('a body that is not an object of answers is sent back to be sent as answers', () => {
  for (const body of [null, 'text', ['a'], 3])
    expect(parseAnswers(referral, body)).toEqual({
      ok: false,
      errors: { form: 'Send the form’s answers' },
      values: {},
    });
});

test('the confirmation page: GET or HEAD only; the reference in the voice it was sent in; nothing claimed without its proof', async () => {
  const page = createConfirmationHandler(referral, () => pipeline.deps);
  const proof = referenceProof(pipeline.config.tokenSecret, referral.id, 'RG-7Q2K-M9XD');
  const post = await page(new Request('http://localhost/forms/referral/sent/', { method: 'POST' }));
  expect(post.status).toBe(405);
  expect(await post.json()).toEqual({ error: 'Use GET for this page' });
  expect(post.headers.get('allow')).toBe('GET, HEAD');
  expect(
    (
      await page(
        new Request(`http://localhost/forms/referral/sent/?reference=RG-7Q2K-M9XD&proof=${proof}`, { method: 'HEAD' }),
      )
    ).status,
  ).toBe(200);

  const self = parse(
    await (
      await page(new Request(`http://localhost/forms/referral/sent/?reference=rg-7q2k-m9xd&proof=${proof}`))
    ).text(),
  );
  expect(textOf(self.querySelector('[data-reference]'))).toBe('RG-7Q2K-M9XD');
  expect(textOf(self.querySelector('title'))).toContain(referral.sentTitle);
  expect(textOf(self.body)).toContain(say(referral.nextSteps[0], { voice: 'self' }));
  const other = parse(
    await (
      await page(new Request(`http://localhost/forms/referral/sent/?reference=RG-7Q2K-M9XD&proof=${proof}&for=other`))
    ).text(),
  );
  expect(textOf(other.body)).toContain(say(referral.nextSteps[0], { voice: 'other' }));
  expect(say(referral.nextSteps[0], { voice: 'other' })).not.toBe(say(referral.nextSteps[0], { voice: 'self' }));
  const odd = parse(
    await (
      await page(new Request(`http://localhost/forms/referral/sent/?reference=RG-7Q2K-M9XD&proof=${proof}&for=x`))
    ).text(),
  );
  expect(textOf(odd.body)).toContain(say(referral.nextSteps[0], { voice: 'self' }));

  // No reference, a reference typed in, a proof for another reference or another form, a proof cut short.
  const otherForm = referenceProof(pipeline.config.tokenSecret, 'feedback', 'RG-7Q2K-M9XD');
  const otherReference = referenceProof(pipeline.config.tokenSecret, referral.id, 'RG-7Q2K-M9XE');
  for (const query of [
    '',
    '?reference=RG-7Q2K-M9XD',
    `?reference=RG-7Q2K-M9XD&proof=${otherForm}`,
    `?reference=RG-7Q2K-M9XD&proof=${otherReference}`,
    `?reference=RG-7Q2K-M9XD&proof=${proof.slice(0, -1)}`,
    `?reference=RG-7Q2K-M9XD&proof=${proof}&proof=x`.replace(`proof=${proof}&`, ''),
  ]) {
    const missing = await page(new Request(`http://localhost/forms/referral/sent/${query}`));
    expect(missing.status, query).toBe(404);
    const notFound = parse(await missing.text());
    expect(textOf(notFound.querySelector('h1'))).toBe('We cannot show a reference on this page');
    expect(textOf(notFound.querySelector('title'))).toMatch(/^Reference not shown/);
    expect(textOf(notFound.body)).toMatch(/cannot say whether anything was sent/);
    expect(textOf(notFound.body)).not.toMatch(/RG-7Q2K-M9XD|has been sent|Referral sent/i);
    expect(notFound.querySelector('main a[href="/refer/"]')).not.toBeNull();
  }
});

test('a problem page without JavaScript: the calm message with the phone number, titled as an error, kept by the browser only', async () => {
  const volunteer = (await import('../../functions/forms/registry.ts')).SERVER_FORMS['volunteer-application'];
  const response = await repliesFor(volunteer, 'http://localhost').problem(503);
  expect(response.status).toBe(503);
  expect(response.headers.get('cache-control')).toBe('private, no-cache');
  const page = parse(await response.text());
  expect(textOf(page.querySelector('title'))).toContain(`Error: ${volunteer.title}`);
  expect(textOf(page.querySelector('main p'))).toBe(problemMessage(volunteer));
  expect(problemMessage(referral)).toMatch(
    /^We could not send your referral\. Nothing was saved\. .* phone us on [0-9 ]+\.$/,
  );
});

test('a token that cannot send gets a fresh one: in JSON with the answers and the wait, or the check page with why', async () => {
  const handle = pipeline.handler(referral);
  const asScript = await logsOf(() =>
    handle(formRequest('/api/forms/referral', { ...REFERRAL_ANSWERS, action: 'send', token: 'forged' })),
  );
  expect(asScript.result.status).toBe(409);
  const body = (await asScript.result.json()) as Record<string, unknown>;
  expect(body).toMatchObject({
    error: 'Check your answers, then send them again.',
    values: REFERRAL_ANSWERS,
    sendAfterMs: pipeline.config.minMsBeforeSend,
  });
  expect(String(body.token)).toMatch(/^\d+\.[^.]+\.[^.]+\.[^.]+$/);
  expect(asScript.lines).toEqual([expect.objectContaining({ outcome: 'token-invalid', status: 409 })]);
  const asPage = await logsOf(() =>
    handle(
      formRequest('/api/forms/referral', { ...REFERRAL_ANSWERS, action: 'send', token: 'forged' }, { form: true }),
    ),
  );
  expect(asPage.result.status).toBe(409);
  const page = parse(await asPage.result.text());
  expect(textOf(page.querySelector('.notice'))).toBe('Check your answers, then send them again.');
  expect(textOf(page.querySelector('title'))).toContain(`Check your answers – ${referral.title}`);
  expect(page.querySelector('input[name="token"]')!.getAttribute('value')).toMatch(/^\d+\./);
});

test('sent and stored even when its token cannot be marked with what it sent; the log says so', async () => {
  const markers = overriding(pipeline.deps.outbox.markers, (target, name) => {
    if (name === 'set')
      return async (key: string, data: string, options?: { onlyIfNew?: boolean }) => {
        if (!options?.onlyIfNew && key.startsWith('used-token/')) throw new RangeError('markers down');
        return target.set(key, data, options as never);
      };
    return undefined;
  });
  const outbox = { ...pipeline.deps.outbox, markers };
  const deps = { ...pipeline.deps, outbox };
  const handle = createSubmissionHandler(referral, () => deps);
  const check = await handle(formRequest('/api/forms/referral', { ...REFERRAL_ANSWERS, action: 'check' }));
  const { token } = (await check.json()) as { token: string };
  pipeline.advance(pipeline.config.minMsBeforeSend);
  const { result, errors } = await logsOf(() =>
    handle(formRequest('/api/forms/referral', { ...REFERRAL_ANSWERS, action: 'send', token })),
  );
  expect(result.status).toBe(201);
  expect(errors).toEqual(['token-marker-failed']);
});

test('pages without JavaScript use the built shell, else the site’s own, else a plain page; the shell is kept', async () => {
  const { createPageRenderer } = await import('../../functions/intake/pages.ts');
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { createServer } = await import('node:http');
  const shell = (name: string) =>
    `<html><head><title>%%TITLE%% (${name})</title><link rel="canonical" href="/form-shell/"></head>` +
    `<body><main><div data-form-shell class="x">%%MAIN%%</div>` +
    `<!--other-help--><section data-other-help>Help from other services</section><!--/other-help--></main></body></html>`;
  const root = mkdtempSync(path.join(tmpdir(), 'rg-shell-'));
  const empty = mkdtempSync(path.join(tmpdir(), 'rg-shell-'));
  let served = 0;
  const site = createServer((req, res) => {
    served++;
    if (req.url === '/form-shell/') res.writeHead(200, { 'Content-Type': 'text/html' }).end(shell('from the site'));
    else if (req.url === '/slow/')
      return; // never answers
    else res.writeHead(404).end('<p>Page not found</p>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  try {
    mkdirSync(path.join(root, 'dist', 'form-shell'), { recursive: true });
    writeFileSync(path.join(root, 'dist', 'form-shell', 'index.html'), shell('built'));
    const options = { origin, path: '/refer/', title: 'A & B', main: '<h1>$& $1 words</h1>' };
    const built = parse(await createPageRenderer(root)(options));
    expect(textOf(built.querySelector('title'))).toBe('A & B (built)');
    expect(built.querySelector('link')!.getAttribute('href')).toBe('/refer/');
    // The main part goes in whole: nothing in it is read as a replacement pattern.
    expect(built.querySelector('[data-form-shell]')!.innerHTML).toBe('<h1>$&amp; $1 words</h1>');
    expect(built.querySelector('[data-form-shell]')!.hasAttribute('class')).toBe(false);
    expect(served).toBe(0);
    // The shell's "Help from other services" is kept on a confirmation only, without its markers.
    expect(built.querySelector('[data-other-help]')).toBeNull();
    const confirmation = await createPageRenderer(root)({ ...options, otherHelp: true });
    expect(parse(confirmation).querySelector('[data-other-help]')).not.toBeNull();
    expect(confirmation).not.toContain('<!--other-help-->');

    // Read from the build once: still there after the file has gone.
    const keeps = createPageRenderer(root);
    await keeps(options);
    rmSync(path.join(root, 'dist', 'form-shell', 'index.html'));
    expect(textOf(parse(await keeps(options)).querySelector('title'))).toBe('A & B (built)');
    // Without the shell's own wrapper, the main part still goes where %%MAIN%% is, and the
    // other-help block leaves nothing behind.
    writeFileSync(
      path.join(root, 'dist', 'form-shell', 'index.html'),
      '<title>%%TITLE%%</title><main>%%MAIN%%</main><p>[<!--other-help-->x<!--/other-help-->]</p>',
    );
    expect(await createPageRenderer(root)(options)).toBe(
      '<title>A &amp; B</title><main><h1>$& $1 words</h1></main><p>[]</p>',
    );
    // A shell the site does not have (an error page) or does not answer for: the plain page, soon.
    for (const missing of ['/nope/', '/slow/']) {
      const page = parse(await createPageRenderer(empty, 200)({ ...options, shell: missing }));
      expect(textOf(page.querySelector('title'))).toBe('A & B – Restorative Gloucestershire');
      expect(page.querySelector('main h1')).not.toBeNull();
    }

    const fromSite = createPageRenderer(empty);
    expect(textOf(parse(await fromSite(options)).querySelector('title'))).toBe('A & B (from the site)');
    site.closeAllConnections();
    await new Promise<void>((resolve) => site.close(() => resolve()));
    // Kept: asked once, and still there when the site cannot be reached.
    expect(textOf(parse(await fromSite(options)).querySelector('title'))).toBe('A & B (from the site)');
    expect(served).toBe(3);

    const plain = parse(await createPageRenderer(empty)(options));
    expect(textOf(plain.querySelector('title'))).toBe('A & B – Restorative Gloucestershire');
    expect(plain.querySelector('main h1')).not.toBeNull();
    expect(plain.querySelector('a')!.textContent).toBe('Exit this page');
  } finally {
    site.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  }
});
