import type { Config } from '@netlify/functions';
import { env } from './settings/config.ts';
import { logEvent } from './settings/log.ts';

/**
 * Rebuilds the site every night, so entries with "publish from" or "remove after" dates, and
 * events that have passed, appear and go on time. It calls the site's build hook (Netlify:
 * Site configuration → Build & deploy → Build hooks → Add build hook), whose address is kept
 * in BUILD_HOOK_URL. Without it, nothing happens and the log says so.
 */
export default async () => {
  const hook = env('BUILD_HOOK_URL');
  if (!hook) {
    logEvent({ outcome: 'nightly-rebuild-not-configured' }, 'error');
    return;
  }
  try {
    const response = await fetch(hook, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    logEvent({
      outcome: response.ok ? 'nightly-rebuild-requested' : 'nightly-rebuild-refused',
      status: response.status,
    });
  } catch (error) {
    logEvent({ outcome: 'nightly-rebuild-failed', reason: (error as Error).name }, 'error');
  }
};

// 02:15 UTC: after midnight in the UK, summer or winter.
export const config: Config = { schedule: '15 2 * * *' };
