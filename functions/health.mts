import type { Config, Context } from '@netlify/functions';
import { createHealthHandler } from './health/endpoint.ts';

/** For an uptime monitor: counts of undelivered and parked submissions (docs/operating.md, "Knowing when mail is down"). */
const health = createHealthHandler();
export default (request: Request, context: Context) => health(request, context);

export const config: Config = {
  path: '/api/health',
  rateLimit: { windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
