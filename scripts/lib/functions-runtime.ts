/**
 * Runs the site's Netlify Functions (v2 API) in this process, for `npm start` and the tests.
 *
 * Why not the emulation's own function runtime: @netlify/dev rebuilds a function with esbuild
 * on every call, starts a new worker thread to import it, and streams the body back over a
 * loopback socket. That is about a second a call, it has to be serialised, and when the
 * rebuild or the worker fails (a collision in .netlify/functions-serve, a worker that dies
 * under load) the emulation throws instead of answering, which the local server could only
 * turn into a 502. Called here, a function is the same module production runs, called with
 * the same (Request, Context) signature, and its own error handling decides every answer.
 * Static files, header rules and redirects still come from the emulation.
 */
import type { Config, Context } from '@netlify/functions';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRateLimiter, type RateLimit } from './rate-limit.ts';
import { withSecurityHeaders } from '../../src/lib/security-headers.ts';

type Handler = (request: Request, context: Context) => Promise<Response> | Response;

interface LoadedFunction {
  name: string;
  handler: Handler;
  paths: string[];
  methods?: string[];
  rateLimit?: RateLimit;
}

export interface FunctionsRuntime {
  /** The function serving this path and method, if any. */
  match(pathname: string, method: string): LoadedFunction | undefined;
  invoke(fn: LoadedFunction, request: Request, ip: string): Promise<Response>;
  /** Resolves when every piece of work handed to `context.waitUntil` has finished. */
  settled(): Promise<void>;
}

/**
 * Netlify matches a function path with or without a trailing slash, and a path with named
 * parts (`/api/forms/:form`) as a URL pattern.
 */
const samePath = (pattern: string, pathname: string) => {
  const [a, b] = [pattern.replace(/\/+$/, ''), pathname.replace(/\/+$/, '')];
  return a.includes(':') ? new URLPattern({ pathname: a }).test({ pathname: b }) : a === b;
};

export async function loadFunctions(functionsDir: string, deployContext = 'dev'): Promise<FunctionsRuntime> {
  const loaded: LoadedFunction[] = [];
  for (const file of readdirSync(functionsDir).sort()) {
    if (!/\.(mts|ts|mjs|js)$/.test(file)) continue;
    const module = (await import(pathToFileURL(path.join(functionsDir, file)).href)) as {
      default?: Handler;
      config?: Config;
    };
    const config = module.config ?? {};
    // Scheduled functions have no path; the local server runs the sweep itself.
    if (!module.default || !config.path) continue;
    const paths = Array.isArray(config.path) ? config.path : [config.path];
    const methods = config.method ? (Array.isArray(config.method) ? config.method : [config.method]) : undefined;
    const rateLimit = config.rateLimit as RateLimit | undefined;
    loaded.push({ name: file.replace(/\.[^.]+$/, ''), handler: module.default, paths, methods, rateLimit });
  }

  const pending = new Set<Promise<unknown>>();
  const limiter = createRateLimiter();
  const match = (pathname: string, method: string) =>
    loaded.find((fn) => fn.paths.some((p) => samePath(p, pathname)) && (!fn.methods || fn.methods.includes(method)));
  const call = (fn: LoadedFunction, request: Request, ip: string) => {
    const context = {
      deploy: { context: deployContext, id: 'local', published: false },
      site: { id: 'local-site', name: 'local', url: new URL(request.url).origin },
      ip,
      requestId: crypto.randomUUID(),
      geo: {},
      params: {},
      server: { region: 'local' },
      account: { id: 'local' },
      url: new URL(request.url),
      waitUntil(promise: Promise<unknown>) {
        const tracked = Promise.resolve(promise).catch(() => undefined);
        pending.add(tracked);
        void tracked.finally(() => pending.delete(tracked));
      },
    } as unknown as Context;
    return fn.handler(request, context);
  };
  return {
    match,
    async invoke(fn, request, ip) {
      // Over the function's own rateLimit: as Netlify would, a 429, or the request rewritten to
      // the path the config names (the forms answer there with a calm page and the phone number).
      if (fn.rateLimit && !limiter.allow(`${fn.name} ${ip}`, fn.rateLimit)) {
        const { action, to } = fn.rateLimit;
        const target = action === 'rewrite' && to ? match(to, request.method) : undefined;
        if (!target)
          return new Response('Too many requests. Try again in a minute.', {
            status: 429,
            headers: withSecurityHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }),
          });
        const rewritten = new Request(new URL(to!, request.url), {
          method: request.method,
          headers: request.headers,
          body: request.body,
          duplex: 'half',
        } as RequestInit);
        return call(target, rewritten, ip);
      }
      return call(fn, request, ip);
    },
    async settled() {
      while (pending.size) await Promise.all(pending);
    },
  };
}
