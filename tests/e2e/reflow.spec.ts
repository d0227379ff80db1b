import { expect } from '@playwright/test';
import { test } from '../support/e2e.ts';

/** A small phone. (Reflow at 320 pixels is checked on every page in every-page.spec.ts.) */
test.use({ viewport: { width: 320, height: 640 } });

test('the quick exit is visible without scrolling on a small phone', async ({ reader: page }) => {
  await page.goto('/refer/');
  const exit = page.getByRole('link', { name: 'Exit this page' });
  await expect(exit).toBeInViewport();
});

/**
 * Where each line of the referral email breaks: for every break, whether it falls between two
 * of the address's parts (after the @, before a dot), or inside a part too wide for its box,
 * the only place a mid-word break is allowed.
 */
function emailBreaks() {
  return [...document.querySelectorAll<HTMLElement>('a[data-contact="referral-email"]')]
    .filter((link) => link.getClientRects().length > 0)
    .flatMap((link) => {
      const text = link.textContent ?? '';
      const nodes: { node: Text; start: number }[] = [];
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      let start = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        nodes.push({ node, start });
        start += node.length;
      }
      const rectOf = (index: number) => {
        const found = nodes.findLast((n) => n.start <= index)!;
        const range = document.createRange();
        range.setStart(found.node, index - found.start);
        range.setEnd(found.node, index - found.start + 1);
        return range.getBoundingClientRect();
      };
      const holder = link.closest('p, dd, li, div') ?? link.parentElement!;
      const style = getComputedStyle(holder);
      const box = holder.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const parts = text.split(/(?<=[a-z])(?=[A-Z])|(?<=@)|(?=\.)/);
      const breaks: { at: string; ok: boolean }[] = [];
      let offset = 0;
      for (const part of parts) {
        // The part's width on one line, in the link's own type.
        const probe = document.createElement('span');
        probe.style.whiteSpace = 'nowrap';
        probe.textContent = part;
        link.append(probe);
        const tooWide = probe.getBoundingClientRect().width > box;
        probe.remove();
        for (let i = offset + 1; i < offset + part.length; i++) {
          if (rectOf(i).top > rectOf(i - 1).top + 2) breaks.push({ at: text.slice(0, i), ok: tooWide });
        }
        offset += part.length;
      }
      return breaks.filter((b) => !b.ok).map((b) => b.at);
    });
}

for (const width of [320, 375, 1280]) {
  test(`at ${width} px the long email address wraps between its words, after its @ and before its dots, not mid-word`, async ({
    reader: page,
  }) => {
    await page.setViewportSize({ width, height: 740 });
    for (const pagePath of [
      '/',
      '/contact/',
      '/refer/',
      '/about/',
      '/restorative-processes/easy-read/',
      '/professionals/',
    ]) {
      await page.goto(pagePath);
      expect(await page.evaluate(emailBreaks), pagePath).toEqual([]);
    }
  });
}
