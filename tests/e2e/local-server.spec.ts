import { expect } from '@playwright/test';
import { addressFor, test } from '../support/e2e.ts';
import { Agent, request as httpRequest } from 'node:http';

/**
 * The local server as a client can reach it with a raw HTTP request: no method or Host header
 * ends in a 500, and a refused body never spoils the next request on a kept-alive connection.
 */
const PORT = Number(process.env.TEST_PORT);

function send(options: {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  agent?: Agent;
}) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: PORT,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
        agent: options.agent,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

test('TRACE and a malformed Host are refused with a 4xx, never a 500', async () => {
  expect((await send({ method: 'TRACE' })).status).toBe(405);
  expect((await send({ method: 'TRACE', path: '/api/forms/referral' })).status).toBe(405);
  for (const host of ['a b', 'x@y', 'exa_mple:99999'])
    expect((await send({ headers: { Host: host } })).status, host).toBe(400);
  expect((await send({ path: '/' })).status).toBe(200);
});

test('refused bodies on one kept-alive connection: every request after them is answered', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const big = await send({
        agent,
        method: 'POST',
        path: '/api/forms/referral',
        headers: {
          'content-type': i % 2 ? 'text/plain' : 'application/json',
          Accept: 'application/json',
          'x-nf-client-connection-ip': addressFor('keep-alive'),
        },
        body: 'x'.repeat(40_000),
      });
      statuses.push(big.status);
      statuses.push((await send({ agent, path: '/contact/' })).status);
    }
    expect(statuses.filter((_, index) => index % 2 === 1)).toEqual(Array(20).fill(200));
    for (const status of statuses.filter((_, index) => index % 2 === 0)) expect([413, 415]).toContain(status);
  } finally {
    agent.destroy();
  }
});

test('over the forms’ rate limit a plain form post gets a calm page with the phone number, never a bare 429', async ({
  page,
}) => {
  // This test's own address (tests/support/e2e.ts): 20 posts are allowed a minute, the 21st is not.
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-nf-client-connection-ip': addressFor('rate-limit'),
  };
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++)
    statuses.push((await send({ method: 'POST', path: '/api/forms/feedback', headers, body: 'action=check' })).status);
  expect(statuses).toEqual(Array(20).fill(422));
  const over = await send({ method: 'POST', path: '/api/forms/feedback', headers, body: 'action=check' });
  expect(over.status).toBe(429);
  expect(over.text).toContain('Not sent: please wait a minute');
  expect(over.text).toMatch(/nothing was saved.*phone us on/);
  // The page itself, as a browser shows it: the site's shell, quick exit included.
  await page.setContent(over.text);
  await expect(page.getByRole('heading', { name: 'Not sent: please wait a minute' })).toBeVisible();
});
