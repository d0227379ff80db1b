/**
 * The header's Menu button on small screens. Without JavaScript the page shows a "Menu" link
 * to the full menu at the foot of the page instead; with it, that link becomes a button that
 * opens the header panel in place. aria-expanded tells screen reader users whether the panel
 * is open; Escape closes it and puts focus back on the button, as a disclosure should.
 */
export function enableMenu(doc: Document): void {
  const button = doc.querySelector<HTMLButtonElement>('[data-menu-button]');
  const link = doc.querySelector<HTMLElement>('[data-menu-link]');
  const panel = doc.querySelector<HTMLElement>('[data-menu-panel]');
  if (!button || !link || !panel) return;

  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    panel.toggleAttribute('data-open', open);
  };

  link.hidden = true;
  button.hidden = false;
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  // On the whole page: focus may have moved on past the menu's last link.
  doc.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true') return;
    setOpen(false);
    button.focus();
  });
}
