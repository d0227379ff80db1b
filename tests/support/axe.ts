/**
 * axe, on the page as the person saw it. axe needs script in the page: for a page seen without
 * JavaScript, the same HTML is shown again in a second page whose own scripts are blocked, so
 * axe checks exactly what the person without JavaScript saw.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe with the rules of WCAG 2.2 AA, reporting violations only: passes and incomplete checks are
 * never read, and leaving them out makes each page's audit about a fifth quicker.
 */
export function wcagAudit(page: Page): AxeBuilder {
  // Options first: options() replaces every option, the rule tags withTags() sets among them.
  return new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
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
  const results = await wcagAudit(target).analyze();
  if (target !== page) await target.context().close();
  expect(results.violations.map((v) => `${state}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}
