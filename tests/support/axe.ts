/**
 * axe, on the page as the person saw it. axe needs script in the page: for a page seen without
 * JavaScript, the same HTML is shown again in a second page whose own scripts are blocked, so
 * axe checks exactly what the person without JavaScript saw.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
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

export async function expectAccessible(page: Page, state: string, scriptsOff = false) {
  let target = page;
  if (scriptsOff) {
    const html = await page.content();
    const url = page.url();
    const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
    target = await context.newPage();
    await target.route('**/*.js', (route) => route.abort());
    await target.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
    await target.goto(url);
  }
  const violations = await wcagViolations(target);
  if (target !== page) await target.context().close();
  expect(violations.map((v) => `${state}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}
