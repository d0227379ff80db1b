/**
 * Full pages for people without JavaScript: the form with errors, check your answers, and
 * the confirmation. They are poured into the site's own page shell (built by Astro at
 * /form-shell/), so they look and behave exactly like every other page, quick exit included.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from '../../src/forms/render.ts';

const SHELL_PATH = '/form-shell/';

const FALLBACK_SHELL = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>%%TITLE%% – Restorative Gloucestershire</title><meta name="robots" content="noindex"></head><body><p><a href="https://www.bbc.co.uk/weather">Exit this page</a></p><main id="main-content"><div data-form-shell>%%MAIN%%</div></main></body></html>`;

export interface PageOptions {
  origin: string;
  path: string;
  title: string;
  main: string;
  /** Keep the shell's "Help from other services" block: on the confirmations of forms with safety lines only. */
  otherHelp?: boolean;
}

/** The shell's "Help from other services" block, between these markers (src/pages/form-shell/index.astro). */
const OTHER_HELP = /<!--other-help-->([\s\S]*?)<!--\/other-help-->/;

/**
 * A page renderer with its own shell: from the build in `root` (bundled with the function),
 * else from the site itself, else a plain page. The shell is kept once found.
 */
export function createPageRenderer(root: string): (options: PageOptions) => Promise<string> {
  let cachedShell: string | undefined;
  async function loadShell(origin: string): Promise<string> {
    if (cachedShell) return cachedShell;
    try {
      cachedShell = await readFile(path.join(root, 'dist', 'form-shell', 'index.html'), 'utf8');
      return cachedShell;
    } catch {
      /* not bundled: ask the site */
    }
    try {
      const response = await fetch(new URL(SHELL_PATH, origin), { signal: AbortSignal.timeout(3000) });
      if (response.ok) {
        cachedShell = await response.text();
        return cachedShell;
      }
    } catch {
      /* the plain page below still works */
    }
    return FALLBACK_SHELL;
  }
  return async (options) => {
    const shell = await loadShell(options.origin);
    return shell
      .replaceAll('%%TITLE%%', escapeHtml(options.title))
      .replaceAll(SHELL_PATH, options.path)
      .replace(/<div data-form-shell[^>]*>%%MAIN%%<\/div>/, () => `<div data-form-shell>${options.main}</div>`)
      .replace('%%MAIN%%', () => options.main)
      .replace(OTHER_HELP, (_, block: string) => (options.otherHelp ? block : ''));
  };
}

/** The functions' own renderer: the build next to them, as Netlify bundles it. */
export const renderPage = createPageRenderer(process.cwd());
