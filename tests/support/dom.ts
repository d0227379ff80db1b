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

/**
 * A document as it is read, one node a line, for snapshots: each element with its attributes
 * in name order (so a snapshot never depends on the order markup happens to write them), each
 * run of text as read. Any change a person or a screen reader could notice changes the outline.
 */
export function outline(node: Node, depth = 0): string {
  const pad = '  '.repeat(depth);
  if (node.nodeType === 3) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    return text ? `${pad}"${text}"\n` : '';
  }
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  const attributes = [...element.attributes]
    .map((attribute) => `${attribute.name}="${attribute.value}"`)
    .sort()
    .join(' ');
  const open = `${pad}<${element.tagName.toLowerCase()}${attributes ? ` ${attributes}` : ''}>\n`;
  return open + [...element.childNodes].map((child) => outline(child, depth + 1)).join('');
}
