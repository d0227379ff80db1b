/**
 * axe, on the page as the person saw it. axe needs script in the page: for a page seen without
 * JavaScript, the same HTML is shown again in a second page whose own scripts are blocked, so
 * axe checks exactly what the person without JavaScript saw.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page, type Route } from '@playwright/test';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** WCAG 2.2 AA: the rules of every level up to it. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Violations only: passes and incomplete checks are never read, and skipping them is quicker. */
const RUN_OPTIONS: RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The WCAG 2.2 AA violations axe finds on the page as it is now.
 *
 * The site's pages have no frames, so axe-core (the engine inside @axe-core/playwright) is put
 * into the page once and run there. AxeBuilder, made for pages with frames of other origins,
 * evaluates axe's 640 KB twice and finishes each audit in a new blank page: measured here, 1.5 to
 * 2 s an audit against 0.65 s, on each of the hundred-odd pages every run audits. A page that has
 * frames still goes through AxeBuilder, which audits inside them too. Evaluated through the
 * DevTools protocol, axe is not stopped by the page's own Content-Security-Policy.
 */
export async function wcagViolations(page: Page): Promise<Result[]> {
  if (page.frames().length > 1) {
    const results = await new AxeBuilder({ page }).options(RUN_OPTIONS).analyze();
    return results.violations;
  }
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run(c: Document, o: RunOptions): Promise<AxeResults> } }).axe.run(
        document,
        options,
      ),
    RUN_OPTIONS,
  );
  return results.violations;
}

/**
 * The tab where what a person saw without JavaScript is shown again for axe: one per worker's
 * browser, kept between audits (a new tab costs more than the audit), its own scripts blocked.
 */
const replayTabs = new WeakMap<Browser, Promise<Page>>();
function replayTab(browser: Browser): Promise<Page> {
  let tab = replayTabs.get(browser);
  if (!tab) {
    tab = (async () => {
      // Settings named: a context made during a test otherwise takes that test's (`test.use`).
      const context = await browser.newContext({ javaScriptEnabled: true, hasTouch: false, isMobile: false });
      const page = await context.newPage();
      await page.route('**/*.js', (route) => route.abort());
      return page;
    })();
    // A tab that could not be opened is tried again by the next audit, not kept as a failure.
    tab.catch(() => replayTabs.delete(browser));
    replayTabs.set(browser, tab);
  }
  return tab;
}

export async function expectAccessible(page: Page, state: string, scriptsOff = false) {
  let target = page;
  if (scriptsOff) {
    const html = await page.content();
    const url = page.url();
    target = await replayTab(page.context().browser()!);
    const size = page.viewportSize();
    if (size) await target.setViewportSize(size);
    // The page's own address, answered with exactly the HTML the person saw.
    const replay = (route: Route) => route.fulfill({ body: html, contentType: 'text/html' });
    await target.route(url, replay);
    try {
      await target.goto(url);
    } finally {
      await target.unroute(url, replay);
    }
    // The page shown again is the one the person saw, never the tab's last one.
    expect(await target.title(), `${state}: the page shown again`).toBe(await page.title());
  }
  const violations = await wcagViolations(target);
  expect(violations.map((v) => `${state}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}
