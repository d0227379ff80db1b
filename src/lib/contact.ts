/** `tel:` link for a phone number written for people (spaces kept in the text, not the link). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}
