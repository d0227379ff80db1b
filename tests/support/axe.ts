/**
 * axe, on the page as the person saw it. axe needs script in the page: for a page seen without
 * JavaScript, the same HTML is shown again in a second page whose own scripts are blocked, so
 * axe checks exactly what the person without JavaScript saw.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

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
  const results = await new AxeBuilder({ page: target })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  if (target !== page) await target.context().close();
  expect(results.violations.map((v) => `${state}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}
