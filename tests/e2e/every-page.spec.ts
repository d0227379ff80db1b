import { expect } from '@playwright/test';
import { wcagViolations } from '../support/axe.ts';
import { test } from '../support/e2e.ts';
import { builtPages } from '../support/dist.ts';
import { exitAtEachScroll, expectInView, VIEWPORTS } from '../support/exit-in-view.ts';

/**
 * Every built page, in a real browser, loaded once for all of these: WCAG 2.2 AA by axe, no
 * console error, no request to any other origin, no Content-Security-Policy violation; the quick
 * exit on screen at the top, middle and end of the page at 1280, 740, 375 and 320 px wide (the
 * layout reflows as a window does); and (WCAG 1.4.10 Reflow) nothing scrolls sideways at 320 CSS
 * pixels wide, which is 400% zoom on a laptop.
 */
test('the build is there to test (run `npm run build` first)', () => {
  expect(builtPages().length).toBeGreaterThan(20);
});

test('the audit finds what WCAG 2.2 AA forbids, in the page and in a frame (a clean page is checked, not skipped)', async ({
  page,
}) => {
  const faults = '<img src="data:,"><input id="unlabelled"><p style="color:#777;background:#888">Faint words</p>';
  await page.setContent(`<!doctype html><html lang="en"><title>Faults</title><main>${faults}</main></html>`);
  expect((await wcagViolations(page)).map((v) => v.id).sort()).toEqual(['color-contrast', 'image-alt', 'label']);
  await page.setContent(
    `<!doctype html><html lang="en"><title>Framed</title><main><iframe title="Faults" srcdoc='${faults}'></iframe></main></html>`,
  );
  await expect.poll(() => page.frames().length).toBe(2);
  expect((await wcagViolations(page)).map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'label']));
});

// The shared tab cannot turn JavaScript off or touch: a test asking it to is stopped, not run
// quietly with JavaScript on; and the refusal leaves the next reader test a working tab. In one
// worker, in order: the worker's tab is closed first, so the refused test is the first to ask
// for one (the tab used to be opened there, with JavaScript off, and the next test hung).
test.describe('a reader asked for a setting it cannot give', () => {
  test.describe.configure({ mode: 'serial' });
  test('(the worker’s shared tab closed, so the next reader test opens it)', async ({ readerTab }) => {
    await readerTab.context?.close();
    readerTab.context = undefined;
    readerTab.page = undefined;
  });
  test.describe(() => {
    test.use({ javaScriptEnabled: false });
    test.fail();
    test('is refused', async ({ reader }) => {
      await reader.goto('/');
    });
  });
  test('leaves the next reader test its JavaScript', async ({ reader }) => {
    await reader.goto('/');
    // A timer fires only where the page may run script (the audit needs them); Playwright's own
    // evaluate runs either way, so it alone would not tell.
    const timerFired = reader.evaluate(() => new Promise<boolean>((fired) => setTimeout(() => fired(true), 0)));
    expect(await Promise.race([timerFired, new Promise((late) => setTimeout(() => late(false), 5_000))])).toBe(true);
  });
});

for (const pagePath of builtPages()) {
  // `reader`: one tab per worker kept from page to page (tests/support/e2e.ts), which also turns a
  // Content-Security-Policy violation into a console error.
  test(`${pagePath} is accessible, quiet and self-contained`, async ({ reader: page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const foreignRequests: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreignRequests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    const response = await page.goto(pagePath === '/404.html' ? '/this-page-does-not-exist/' : pagePath);
    expect(response?.status()).toBe(pagePath === '/404.html' ? 404 : 200);
    // Loaded, with its fonts: what the page asks for by itself has been asked for. (Not
    // "networkidle", which waits half a second on every page; the CSP, checked here too, refuses
    // any other origin whenever a request is made.)
    await page.waitForLoadState('load');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));

    const violations = await wcagViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
      [],
    );
    // The browser itself reports the 404 status of the not-found page; nothing else may.
    const expected = pagePath === '/404.html' ? [expect.stringContaining('404')] : [];
    expect(consoleErrors).toEqual(expected);
    expect(foreignRequests).toEqual([]);

    // Widest first, ending on the small phone, where the sideways check below is made.
    for (const viewport of [...VIEWPORTS].reverse()) {
      await page.setViewportSize(viewport);
      expectInView(pagePath, await exitAtEachScroll(page));
    }
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), {
        message: `${pagePath} scrolls sideways at 320px`,
      })
      .toBeLessThanOrEqual(0);
  });
}
