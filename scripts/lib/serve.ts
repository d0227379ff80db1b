/**
 * The site as `npm start` serves it: the local server plus the retry loop that production
 * runs as a scheduled function. The browser tests start exactly this.
 */
import { runSweep } from '../../functions/delivery/sweep.ts';
import { loadConfig } from '../../functions/settings/config.ts';
import { purgeLocalOutbox } from './local-mail.ts';
import { startLocalServer, type LocalServer } from './local-server.ts';

export async function serveSite(options: {
  root: string;
  port: number;
  host?: string;
  dataDir: string;
  cmsRepoDir?: string;
  retrySeconds?: number;
}): Promise<LocalServer> {
  const server = await startLocalServer(options);
  const retrySeconds = options.retrySeconds ?? 60;
  let sweeping: Promise<unknown> | undefined;
  const retry = setInterval(() => {
    // One sweep at a time: a slow mail server must not pile sweeps on top of each other.
    if (sweeping) return;
    sweeping = runSweep()
      .then(() => purgeLocalOutbox(loadConfig(), Date.now()))
      .catch((error: Error) => console.error(`Retry of undelivered submissions failed: ${error.name}`))
      .finally(() => (sweeping = undefined));
  }, retrySeconds * 1000);
  return {
    ...server,
    close: async () => {
      clearInterval(retry);
      await sweeping;
      await server.close();
    },
  };
}
