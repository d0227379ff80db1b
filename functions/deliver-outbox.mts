import type { Config, Context } from '@netlify/functions';
import { runSweep } from './delivery/sweep.ts';

/** Every five minutes: retry undelivered submissions with back-off, and delete expired ones. */
export default async (_request: Request, context: Context) => {
  await runSweep(context);
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '*/5 * * * *' };
