/**
 * Quick exit, after the GOV.UK "Exit this page" pattern.
 *
 * The link already works without JavaScript. With it we also:
 * - blank the page at once, so nothing is left on screen while the next site loads;
 * - use location.replace, so this page leaves the history and Back does not return to it;
 * - listen for Shift pressed three times in a row, for people who cannot reach the button quickly.
 */
const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 5000;

export function leave(doc: Document, url: string): void {
  const cover = doc.querySelector<HTMLElement>('[data-quick-exit-cover]');
  if (cover) cover.hidden = false;
  doc.title = 'Loading.';
  // Screen reader users hear "Loading." rather than the page they are leaving.
  cover?.setAttribute('role', 'status');
  doc.defaultView?.location.replace(url);
}

export function enableQuickExit(doc: Document): void {
  const link = doc.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
  if (!link) return;
  const url = link.href;

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
