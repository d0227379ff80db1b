import type { APIRequestContext } from '@playwright/test';

const JSON_HEADERS = { Accept: 'application/json' };

/**
 * Sends a referral the way the browser script does: check answers (which issues a token),
 * wait the two seconds a person would take at least, then send with the token.
 */
export async function sendReferral(request: APIRequestContext, answers: Record<string, unknown>) {
  const check = await request.post('/api/referral', { data: { ...answers, action: 'check' }, headers: JSON_HEADERS });
  if (check.status() !== 200) throw new Error(`check answers gave ${check.status()}`);
  const { token } = (await check.json()) as { token: string };
  await new Promise((resolve) => setTimeout(resolve, 2100));
  return request.post('/api/referral', { data: { ...answers, action: 'send', token }, headers: JSON_HEADERS });
}
