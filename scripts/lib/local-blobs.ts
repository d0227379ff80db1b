/**
 * The local Netlify Blobs server on its own, for `npm start`, the tests and the benchmarks. Kept
 * apart from local-server.ts, which loads Netlify's whole emulation: the in-process tests load
 * only this, and the mutation run reloads it for every mutant.
 */
import { getStore, setEnvironmentContext, type Store } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { randomBytes } from 'node:crypto';
import { utimes } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { BLOBS_REGION } from '../../functions/settings/region.ts';
import { sendWebResponse, toWebRequest } from './web-node.ts';

/** Listens on `port` (0: any free one) at `host`, and says which port it got. */
export const listen = (server: Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });

/**
 * A file-backed Netlify Blobs server in the data folder (.data/blobs by default), listening
 * on loopback only (the library's own start() listens on every interface), and made the
 * Blobs context of this process so the functions and the retry loop share one store.
 */
export interface LocalBlobs {
  directory: string;
  /** A store on this server, without relying on the process-wide Blobs context. */
  store(name: string): Store;
  stop(): Promise<void>;
}

export async function startLocalBlobs(
  dataDir: string,
  options: { processContext?: boolean } = {},
): Promise<LocalBlobs> {
  const token = randomBytes(16).toString('hex');
  const directory = path.join(dataDir, 'blobs');
  const blobs = new BlobsServer({ directory, token });
  // The library's server checks a condition (If-None-Match, If-Match) and then writes, with
  // awaits between, so two conditional writes at once could both succeed; and a listing taken
  // while a write renames its temporary file silently leaves entries out. Netlify's service
  // does neither, and the delivery claims and sweeps depend on that: writes and listings
  // (a GET of /site/store with no key) go one at a time here.
  let writes: Promise<unknown> = Promise.resolve();
  // handleRequest is what the library's own start() serves; it is private only in the types.
  const library = blobs as unknown as {
    handleRequest(request: Request): Promise<Response>;
    getLocalPaths(url?: URL): { dataPath?: string; metadataPath?: string };
    address: string;
  };
  // Files are dated to the day, never the moment: a file's time beside a feedback or an equality
  // answer would say when it was sent, which the form promises nobody can tell (Netlify's own
  // service shows no such times). The written file, its metadata and the folders above them.
  // (The library's ETags come from these times; nothing here writes with If-Match, only onlyIfNew.)
  const dateToTheDay = async (requestUrl: string) => {
    const { dataPath, metadataPath } = library.getLocalPaths(new URL(requestUrl, url));
    const day = Math.floor(Date.now() / 86_400_000) * 86_400;
    for (const file of [dataPath, metadataPath]) {
      for (let at = file; at && at.startsWith(directory) && at !== directory; at = path.dirname(at))
        await utimes(at, day, day).catch(() => undefined);
    }
  };
  const server = createServer(async (req, res) => {
    try {
      const handle = () => library.handleRequest(toWebRequest(req, url));
      let response: Response;
      // /site/store, or /region:…/site/store: a store's listing (a region is ignored here).
      const segments = (req.url ?? '').split('?')[0].split('/').filter(Boolean);
      const isListing = req.method === 'GET' && segments.filter((part) => !part.startsWith('region:')).length <= 2;
      if (req.method === 'PUT' || req.method === 'DELETE' || isListing) {
        const run = writes.then(handle, handle);
        writes = run.catch(() => undefined);
        response = await run;
        if (req.method !== 'GET') await dateToTheDay(req.url ?? '/');
      } else {
        response = await handle();
      }
      await sendWebResponse(res, response);
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  // handleRequest resolves keys against the address the server would have set in start().
  library.address = url;
  if (options.processContext !== false) {
    setEnvironmentContext({ edgeURL: url, uncachedEdgeURL: url, siteID: 'local-site', token, deployID: 'local' });
  }
  return {
    directory,
    store: (name) =>
      getStore({
        name,
        siteID: 'local-site',
        token,
        edgeURL: url,
        uncachedEdgeURL: url,
        consistency: 'strong',
        // As the functions open theirs (functions/settings/deps.ts), so requests take the same path.
        region: BLOBS_REGION,
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
