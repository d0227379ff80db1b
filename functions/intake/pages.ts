/**
 * Full pages for people without JavaScript: the form with errors, check your answers, and
 * the confirmation. They are poured into the site's own page shell (built by Astro at
 * /form-shell/), so they look and behave exactly like every other page, quick exit included.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from '../../src/forms/render.ts';

/** The English forms' shell; a form in another language names its own (FormUi.shellPath). */
const SHELL_PATH = '/form-shell/';

const FALLBACK_SHELL = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>%%TITLE%% – Restorative Gloucestershire</title><meta name="robots" content="noindex"></head><body><p><a href="https://www.bbc.co.uk/weather">Exit this page</a></p><main id="main-content"><div data-form-shell>%%MAIN%%</div></main></body></html>`;

export interface PageOptions {
  origin: string;
  path: string;
  title: string;
  main: string;
  /** Keep the shell's "Help from other services" block: on the confirmations of forms with safety lines only. */
  otherHelp?: boolean;
  /** The shell's own address: a form in another language has one in its language. */
  shell?: string;
}

/** The shell's "Help from other services" block, between these markers (src/pages/form-shell/index.astro). */
const OTHER_HELP = /<!--other-help-->([\s\S]*?)<!--\/other-help-->/;

/**
 * A page renderer with its own shell: from the build in `root` (bundled with the function),
 * else from the site itself (waiting `waitMs` at most: a person is waiting for the page), else a
 * plain page. The shell is kept once found.
 */
export function createPageRenderer(root: string, waitMs = 3000): (options: PageOptions) => Promise<string> {
  const cached = new Map<string, string>();
  async function loadShell(origin: string, shellPath: string): Promise<string> {
    const known = cached.get(shellPath);
    if (known) return known;
    try {
      const shell = await readFile(
        path.join(root, 'dist', ...shellPath.split('/').filter(Boolean), 'index.html'),
        'utf8',
      );
      cached.set(shellPath, shell);
      return shell;
    } catch {
      /* not bundled: ask the site */
    }
    try {
      const response = await fetch(new URL(shellPath, origin), { signal: AbortSignal.timeout(waitMs) });
      if (response.ok) {
        const shell = await response.text();
        cached.set(shellPath, shell);
        return shell;
      }
    } catch {
      /* the plain page below still works */
    }
    return FALLBACK_SHELL;
  }
  return async (options) => {
    const shellPath = options.shell ?? SHELL_PATH;
    const shell = await loadShell(options.origin, shellPath);
    return shell
      .replaceAll('%%TITLE%%', escapeHtml(options.title))
      .replaceAll(shellPath, options.path)
      .replace(/<div data-form-shell[^>]*>%%MAIN%%<\/div>/, () => `<div data-form-shell>${options.main}</div>`)
      .replace('%%MAIN%%', () => options.main)
      .replace(OTHER_HELP, (_, block: string) => (options.otherHelp ? block : ''));
  };
}

/** The functions' own renderer: the build next to them, as Netlify bundles it. */
export const renderPage = createPageRenderer(process.cwd());
