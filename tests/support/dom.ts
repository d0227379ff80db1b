/**
 * HTML as a browser would read it, for tests: a parsed document to query with selectors, so a
 * test asserts what is on the page (an input's attributes, a link's target, a label's words)
 * and not how the markup happens to be written (attribute order, spacing, quotes).
 */
import { parseHTML } from 'linkedom';

export function parse(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

/** The text of an element as read, with runs of white space as one space. */
export const textOf = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
