import { expect, type Page } from '@playwright/test';

/**
 * Whether the quick exit is within reach: its box at the top, the middle and the end of a page
 * (QuickExit.astro makes its bar sticky). Used on every page by every-page.spec.ts and at double
 * text size by exit-in-reach.spec.ts.
 */

/** The widths people use: a small phone, a phone, a phone on its side, a laptop. */
export const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 375, height: 740 },
  { width: 740, height: 375 },
  { width: 1280, height: 800 },
];

interface Seen {
  at: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface ExitView {
  seen: Seen[];
  width: number;
  height: number;
}

/**
 * The Exit button's box at the top, the middle and the end of the page, each as laid out after
 * the scroll. The browser works out a sticky box's place for the new scroll position when asked
 * for it (a bar left in the page's flow reads thousands of pixels above the window at the end),
 * and draws from that same layout. Waiting for frames to be drawn as well cost a software-drawn
 * frame at each position, twelve a page: measured, 13 s of every-page.spec.ts's 78.
 */
export async function exitAtEachScroll(page: Page): Promise<ExitView> {
  return page.evaluate(async () => {
    const button = document.querySelector('a[data-quick-exit]')!;
    const end = document.documentElement.scrollHeight - innerHeight;
    const seen = [];
    for (const [at, y] of [
      ['top', 0],
      ['middle', end / 2],
      ['end', end],
    ] as const) {
      scrollTo(0, y);
      const box = button.getBoundingClientRect();
      seen.push({ at, top: box.top, bottom: box.bottom, left: box.left, right: box.right });
    }
    return { seen, width: innerWidth, height: innerHeight };
  });
}

/** Every box wholly inside the window. */
export function expectInView(path: string, view: ExitView) {
  for (const box of view.seen) {
    const where = `${path} at the ${box.at}, ${view.width}×${view.height}`;
    expect(box.top, where).toBeGreaterThanOrEqual(0);
    expect(box.left, where).toBeGreaterThanOrEqual(0);
    expect(box.bottom, where).toBeLessThanOrEqual(view.height);
    expect(box.right, where).toBeLessThanOrEqual(view.width);
  }
}
