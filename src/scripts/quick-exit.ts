/**
 * Quick exit, after the GOV.UK "Exit this page" pattern.
 *
 * The link already works without JavaScript. With it we also:
 * - blank the page at once, so nothing is left on screen while the next site loads;
 * - use location.replace, so this page leaves the history and Back does not return to it;
 * - listen for Shift pressed three times in a row, for people who cannot reach the button quickly,
 *   and say so (the hint is hidden until then, and shown only where a keyboard is likely: CSS);
 * - keep the page's scroll padding equal to the sticky bar's height, whatever the text size or
 *   width, so nothing the browser scrolls to is hidden under the bar.
 */
const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 5000;

export function leave(doc: Document, url: string): void {
  const cover = doc.querySelector<HTMLElement>('[data-quick-exit-cover]');
  if (cover) cover.hidden = false;
  // In the page's language: the cover holds the word.
  doc.title = cover?.textContent?.trim() || 'Loading.';
  // Screen reader users hear "Loading." rather than the page they are leaving.
  cover?.setAttribute('role', 'status');
  doc.defaultView?.location.replace(url);
}

export function enableQuickExit(doc: Document): void {
  const link = doc.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
  if (!link) return;
  const url = link.href;
  const keys = doc.querySelector<HTMLElement>('[data-quick-exit-keys]');
  if (keys) keys.hidden = false;
  keepClearOfBar(doc);

  link.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    event.preventDefault();
    leave(doc, url);
  });

  let presses: number[] = [];
  doc.addEventListener('keyup', (event) => {
    if (event.key !== 'Shift') {
      presses = [];
      return;
    }
    const now = Date.now();
    presses = [...presses.filter((time) => now - time < SHIFT_WINDOW_MS), now];
    if (presses.length >= SHIFT_PRESSES) {
      presses = [];
      leave(doc, url);
    }
  });
}

/** The bar's height as a CSS variable on the root, kept up to date as the bar reflows. */
export function keepClearOfBar(doc: Document): void {
  const bar = doc.querySelector<HTMLElement>('[data-quick-exit-bar]');
  const view = doc.defaultView;
  if (!bar || !view || !('ResizeObserver' in view)) return;
  const measure = () =>
    doc.documentElement.style.setProperty('--quick-exit-height', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
  new view.ResizeObserver(measure).observe(bar);
  measure();
}
