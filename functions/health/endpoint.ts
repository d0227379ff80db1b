import type { Context } from '@netlify/functions';
import { createHash, timingSafeEqual } from 'node:crypto';
import { json } from '../intake/http.ts';
import { depsFor, type MakeDeps } from '../settings/deps.ts';
import { logEvent } from '../settings/log.ts';
import { healthSummary } from './summary.ts';

/**
 * GET /api/health with `Authorization: Bearer HEALTH_TOKEN`: counts of waiting, undelivered
 * and parked submissions for an uptime monitor, which does not depend on mail working.
 * Off (404) until HEALTH_TOKEN is set. Answers only counts and reason codes.
 */
export function createHealthHandler(makeDeps: MakeDeps = depsFor) {
  return async (request: Request, context?: Context): Promise<Response> => {
    try {
      if (request.method !== 'GET') return json(405, { error: 'Use GET' }, { Allow: 'GET' });
      const deps = makeDeps(context);
      const secret = deps.config.healthToken;
      if (!secret) return json(404, { error: 'Not found' });
      const given = (request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
      if (!sameSecret(given, secret))
        return json(401, { error: 'Send the health token' }, { 'WWW-Authenticate': 'Bearer' });
      return json(200, await healthSummary(deps.outbox));
    } catch (error) {
      logEvent({ outcome: 'health-failed', reason: (error as Error).name }, 'error');
      return json(503, { status: 'unknown', error: 'The store could not be read' });
    }
  };
}

/** Compared as hashes, in constant time; the secret itself is never empty (404 above). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
