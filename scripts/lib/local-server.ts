/**
 * The local production server: Netlify's own emulation (@netlify/dev) in front of the
 * built site in dist/, so `npm start` and the tests see the same headers, redirects and
 * functions as production.
 */
import { setEnvironmentContext } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { NetlifyDev } from '@netlify/dev';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Runs `task` after every earlier one has finished. The emulation rebuilds a function on
 * each call, and two calls at once can collide, so function requests go one at a time.
 */
function createQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function send(res: ServerResponse, response: Response, status = response.status): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(status, headers);
  if (response.body) {
    for await (const chunk of response.body) res.write(chunk);
  }
  res.end();
}

/**
 * A file-backed Netlify Blobs server in the data folder (.data/blobs by default), made the
 * Blobs context of this process, so the functions and the retry loop share one store.
 */
export async function startLocalBlobs(dataDir: string): Promise<{ stop(): Promise<void>; directory: string }> {
  const token = randomBytes(16).toString('hex');
  const directory = path.join(dataDir, 'blobs');
  const server = new BlobsServer({ directory, token });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  setEnvironmentContext({ edgeURL: url, uncachedEdgeURL: url, siteID: 'local-site', token, deployID: 'local' });
  return { stop: () => server.stop(), directory };
}

export async function startLocalServer(options: {
  root: string;
  port: number;
  host?: string;
  dataDir?: string;
}): Promise<LocalServer> {
  const { root, port, host = '127.0.0.1' } = options;
  const dataDir = options.dataDir ?? path.join(root, '.data');
  process.env.DATA_DIR = dataDir;
  const blobs = await startLocalBlobs(dataDir);
  const netlify = new NetlifyDev({
    // Blobs come from our own server above, kept in the data folder rather than .netlify/.
    blobs: { enabled: false },
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
  const oneAtATime = createQueue();
  const dist = path.join(root, 'dist');
  const notFoundPage = path.join(dist, '404.html');
  /** A path with no built file behind it may be a function (an endpoint or a confirmation page). */
  const isStatic = (url: string) => {
    const pathname = decodeURIComponent(url.split('?')[0]);
    if (pathname.includes('..')) return false;
    return (
      existsSync(path.join(dist, pathname, pathname.endsWith('/') ? 'index.html' : '')) ||
      existsSync(path.join(dist, pathname, 'index.html'))
    );
  };

  const notFound = async (req: IncomingMessage, res: ServerResponse) => {
    // The emulation does not serve 404.html itself; production does, with the site's headers.
    const headersFrom = await netlify.handle(new Request(new URL('/404.html', `http://${req.headers.host}`)));
    const body = await readFile(notFoundPage).catch(() => 'Page not found');
    const response = new Response(body, { headers: headersFrom?.headers });
    response.headers.set('content-type', 'text/html; charset=utf-8');
    await send(res, response, 404);
  };

  const server = createServer(async (req, res) => {
    try {
      const isFunction = !isStatic(req.url ?? '/');
      const handle = () => netlify.handleAndIntrospectNodeRequest(req);
      const result = isFunction ? await oneAtATime(handle) : await handle();
      if (result) await send(res, result.response);
      else await notFound(req, res);
    } catch (error) {
      // Never a bare crash: log the kind of failure only, never the request's content.
      console.error(`Local server error on ${req.method} ${(req.url ?? '').split('?')[0]}: ${(error as Error).name}`);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The local server could not handle this request.');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actualPort}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await netlify.stop();
      await blobs.stop();
    },
  };
}
