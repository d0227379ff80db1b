/**
 * The local production server: the built site in dist/ with Netlify's own emulation
 * (@netlify/dev) for static files, header rules and redirects, the site's functions run
 * in this process (see functions-runtime.ts for why), the CMS's guarded local backend on
 * the same origin, and a Netlify Blobs server on loopback. `npm start` and the browser
 * tests both use it.
 */
import { NetlifyDev } from '@netlify/dev';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { CMS_LOCAL_BASE, createCmsLocalBackend } from './cms-local-backend.ts';
import { loadFunctions } from './functions-runtime.ts';
import { clientAddress } from './rate-limit.ts';
import { refuseEarly } from './request-checks.ts';
import { sendWebResponse, toWebRequest } from './web-node.ts';
import { listen, startLocalBlobs } from './local-blobs.ts';

export interface LocalServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startLocalServer(options: {
  root: string;
  port: number;
  host?: string;
  dataDir?: string;
  /** The folder the CMS writes into (the repository itself unless a copy is given). */
  cmsRepoDir?: string;
}): Promise<LocalServer> {
  const { root, host = '127.0.0.1' } = options;
  const dataDir = options.dataDir ?? path.join(root, '.data');
  process.env.DATA_DIR = dataDir;
  // The site's port is taken first: the helpers below listen on ports the system picks, and it
  // could otherwise hand one of them the very port chosen for the site (seen under test).
  type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  let ready!: (handle: Handle) => void;
  const handlerReady = new Promise<Handle>((resolve) => (ready = resolve));
  const server = createServer((req, res) => void handlerReady.then((handle) => handle(req, res)));
  const actualPort = await listen(server, options.port, host);
  const blobs = await startLocalBlobs(dataDir);
  const functions = await loadFunctions(path.join(root, 'functions'));
  const netlify = new NetlifyDev({
    // Blobs come from our own server above, kept in the data folder rather than .netlify/;
    // functions run in this process.
    blobs: { enabled: false },
    functions: { enabled: false },
    projectRoot: root,
    skipGitignore: true,
    serverAddress: null,
    // Off: each would download tools, start databases or call Netlify's servers.
    edgeFunctions: { enabled: false },
    images: { enabled: false },
    database: { enabled: false },
    aiGateway: { enabled: false },
    geolocation: { enabled: false },
  });
  await netlify.start();
  let origins: string[] = [];
  const cms = await createCmsLocalBackend({ repoDir: options.cmsRepoDir ?? root, siteOrigins: () => origins });
  const notFoundPage = path.join(root, 'dist', '404.html');

  const notFound = async (req: IncomingMessage, res: ServerResponse) => {
    // The emulation does not serve 404.html itself; production does, with the site's headers.
    const headersFrom = await netlify.handle(new Request(new URL('/404.html', `http://${req.headers.host}`)));
    const body = await readFile(notFoundPage).catch(() => 'Page not found');
    const response = new Response(body, { headers: headersFrom?.headers });
    response.headers.set('content-type', 'text/html; charset=utf-8');
    await sendWebResponse(res, response, 404);
  };

  ready(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // A body the handler never reads (a refusal: too large, wrong type, wrong method) would be
    // read as the next request on a kept-alive connection: drain it, or close the connection.
    res.once('finish', () => {
      if (!req.complete) req.resume();
    });
    const refusal = refuseEarly(req.method, req.headers.host);
    if (refusal) {
      res.writeHead(refusal.status, {
        ...refusal.headers,
        'content-type': 'text/plain; charset=utf-8',
        ...(req.complete ? {} : { connection: 'close' }),
      });
      return void res.end(refusal.message);
    }
    try {
      if (url.pathname === CMS_LOCAL_BASE || url.pathname.startsWith(`${CMS_LOCAL_BASE}/`)) {
        return void cms(req, res);
      }
      const fn = functions.match(url.pathname, req.method ?? 'GET');
      if (fn) {
        const origin = `http://${req.headers.host ?? `localhost:${actualPort}`}`;
        const ip = clientAddress(req.socket.remoteAddress, req.headers['x-nf-client-connection-ip']);
        const response = await functions.invoke(fn, toWebRequest(req, origin), ip);
        return void (await sendWebResponse(res, response));
      }
      const result = await netlify.handleAndIntrospectNodeRequest(req);
      if (result) await sendWebResponse(res, result.response);
      else await notFound(req, res);
    } catch (error) {
      // Never a bare crash: log the kind of failure only, never the request's content.
      console.error(`Local server error on ${req.method} ${url.pathname}: ${(error as Error).name}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Sorry, something went wrong. Try again in a few minutes.');
    }
  });

  origins = [`http://localhost:${actualPort}`, `http://127.0.0.1:${actualPort}`];
  return {
    url: `http://localhost:${actualPort}`,
    port: actualPort,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await functions.settled();
      await netlify.stop();
      await blobs.stop();
    },
  };
}
