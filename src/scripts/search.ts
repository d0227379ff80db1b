/**
 * Runs the search on /search/ with Pagefind, reading the query and type from the URL so
 * the header's plain GET form, a bookmarked link and the Back button all work.
 */
import { openingWords, visibleSegments, type Segment } from '../lib/excerpt.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  /** `terms`: the page's hidden search words (BaseLayout.astro), to keep out of its excerpt. */
  meta: { title?: string; terms?: string };
  filters: Record<string, string[]>;
}
interface Pagefind {
  init(): Promise<void>;
  search(
    query: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const MAX_RESULTS = 20;
let pagefindPromise: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  // The index is written after the build, so it is loaded from its fixed URL, not bundled.
  const url = '/pagefind/pagefind.js';
  pagefindPromise ??= import(/* @vite-ignore */ url).then(async (module: Pagefind) => {
    await module.init();
    return module;
  });
  return pagefindPromise;
}

/** Pagefind's excerpt as runs of text, marked or not: only text is kept, so no markup from the index runs. */
function excerptSegments(html: string): Segment[] {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const segments: Segment[] = [];
  parsed.body.firstChild?.childNodes.forEach((node) =>
    segments.push({ text: node.textContent ?? '', marked: node.nodeName === 'MARK' }),
  );
  return segments;
}

/** The excerpt from the page's visible words; its opening words where the match was only in hidden ones. */
function excerptNodes(doc: Document, data: PagefindResultData): Node[] {
  const visible = visibleSegments(excerptSegments(data.excerpt), data.meta.terms);
  if (!visible.some((segment) => segment.marked)) return [doc.createTextNode(openingWords(data.content))];
  return visible.map((segment) => {
    if (!segment.marked) return doc.createTextNode(segment.text);
    const mark = doc.createElement('mark');
    mark.textContent = segment.text;
    return mark;
  });
}

function renderResult(doc: Document, data: PagefindResultData): HTMLLIElement {
  const item = doc.createElement('li');
  const link = doc.createElement('a');
  link.href = data.url;
  link.className = 'search-result__title';
  link.textContent = data.meta.title ?? data.url;
  const type = doc.createElement('span');
  type.className = 'search-result__type';
  type.textContent = data.filters.type?.join(', ') ?? '';
  const excerpt = doc.createElement('p');
  excerpt.append(...excerptNodes(doc, data));
  item.append(link, type, excerpt);
  return item;
}

export async function runSearch(doc: Document, query: string, type: string): Promise<void> {
  const status = doc.querySelector<HTMLElement>('[data-search-status]');
  const list = doc.querySelector<HTMLOListElement>('[data-search-list]');
  if (!status || !list) return;
  const allPages = doc.querySelector<HTMLElement>('[data-all-pages]');
  // The list of every page helps when there is nothing to show; after results it is clutter.
  const showAllPages = (show: boolean) => allPages?.toggleAttribute('hidden', !show);
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = '';
    showAllPages(true);
    return;
  }
  status.textContent = 'Searching…';
  try {
    const pagefind = await loadPagefind();
    const search = await pagefind.search(query, type ? { filters: { type } } : undefined);
    const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    list.replaceChildren(...data.map((result) => renderResult(doc, result)));
    const count = search.results.length;
    showAllPages(count === 0);
    const scope = type ? ` in ${type.toLowerCase()} pages` : '';
    status.textContent =
      count === 0
        ? `No results for “${query}”${scope}. Try other words, such as “harmed”, “meeting” or “letter”, or use the list of all pages below.`
        : `${count} ${count === 1 ? 'result' : 'results'} for “${query}”${scope}${count > MAX_RESULTS ? `, showing the first ${MAX_RESULTS}` : ''}.`;
  } catch {
    showAllPages(true);
    status.textContent = 'Search is not working at the moment. Use the list of all pages below.';
  }
}

export function startSearch(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('[data-search-form]');
  if (!form) return;
  const queryInput = form.querySelector<HTMLInputElement>('input[name="q"]');
  const typeSelect = form.querySelector<HTMLSelectElement>('select[name="type"]');
  if (!queryInput || !typeSelect) return;
  doc.querySelector<HTMLElement>('[data-search-unavailable]')?.setAttribute('hidden', '');

  const fromUrl = () => {
    const params = new URLSearchParams(doc.location.search);
    queryInput.value = params.get('q') ?? '';
    keepQueryInOtherBoxes(queryInput.value);
    const type = params.get('type') ?? '';
    typeSelect.value = [...typeSelect.options].some((option) => option.value === type) ? type : '';
    void runSearch(doc, queryInput.value, typeSelect.value);
  };

  const submit = () => {
    const params = new URLSearchParams();
    if (queryInput.value) params.set('q', queryInput.value);
    if (typeSelect.value) params.set('type', typeSelect.value);
    history.pushState(null, '', `${form.action}?${params}`);
    keepQueryInOtherBoxes(queryInput.value);
    void runSearch(doc, queryInput.value, typeSelect.value);
  };

  // The header's box (and the menu's) show the words searched for, as a results page should.
  const keepQueryInOtherBoxes = (query: string) => {
    doc.querySelectorAll<HTMLInputElement>('form[role="search"] input[name="q"]').forEach((input) => {
      if (input !== queryInput) input.value = query;
    });
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  typeSelect.addEventListener('change', submit);
  window.addEventListener('popstate', fromUrl);
  fromUrl();
}
