import { expect } from '@playwright/test';
import { test } from '../support/e2e.ts';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import path from 'node:path';
import { BASE_SECURITY_HEADERS } from '../../src/lib/security-headers.ts';
import { builtPages, DIST } from '../support/dist.ts';

const ROOT = path.resolve(DIST, '..');

test('every page is served with the security headers and exactly one strict policy', async ({ request }) => {
  for (const pagePath of builtPages()) {
    const response = await request.get(pagePath === '/404.html' ? '/no-such-page/' : pagePath);
    const headers = response.headersArray();
    const policies = headers.filter((h) => h.name.toLowerCase() === 'content-security-policy').map((h) => h.value);
    expect(policies, pagePath).toHaveLength(1);
    const csp = policies[0];
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc, pagePath).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    const h = response.headers();
    expect(h['strict-transport-security'], pagePath).toMatch(/max-age=\d{7,}/);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['permissions-policy']).toContain('camera=()');
    expect(h['set-cookie'], pagePath).toBeUndefined();
    expect(h['cache-control'], pagePath).not.toContain('immutable');
  }
});

test('every response carries the same security headers, from one source', async ({ request, page }) => {
  await page.goto('/');
  const stylesheet = await page.locator('link[rel="stylesheet"][href^="/_astro/"]').first().getAttribute('href');
  const responses = [
    await request.get('/'),
    await request.get(stylesheet!),
    await request.get('/no-such-page/'),
    await request.get('/admin/'),
    await request.get('/refer/confirmation/?reference=RG-7Q2K-M9XD'),
    await request.get('/forms/referral/sent/?reference=RG-7Q2K-M9XD'),
    await request.post('/api/forms/feedback', { data: {}, headers: { Accept: 'application/json' } }),
    await request.get('/api/referral'),
    await request.post('/api/referral', { data: {}, headers: { Accept: 'application/json' } }),
    await request.get('/api/cms-auth'),
    await request.get('/api/health'),
  ];
  for (const response of responses) {
    expect(response.status(), response.url()).toBeLessThan(500);
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) {
      expect(response.headers()[name.toLowerCase()], `${name} on ${response.url()}`).toBe(value);
    }
  }
});

test('the CMS gets its own policy, and only that one', async ({ request }) => {
  const response = await request.get('/admin/');
  const policies = response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'content-security-policy')
    .map((h) => h.value);
  expect(policies).toHaveLength(1);
  expect(policies[0]).toContain("script-src 'self' 'unsafe-eval'");
  expect(policies[0]).toContain("frame-ancestors 'none'");
  expect(policies[0]).toContain('blob:');
});

test('hashed assets are cached for a long time, and only they are', async ({ page, request }) => {
  await page.goto('/');
  const stylesheet = await page.locator('link[rel="stylesheet"][href^="/_astro/"]').first().getAttribute('href');
  expect(stylesheet).toMatch(/^\/_astro\//);
  const asset = await request.get(stylesheet!);
  expect(asset.headers()['cache-control']).toContain('max-age=31536000');
  expect(asset.headers()['cache-control']).toContain('immutable');
  const printStyles = await request.get('/print-contact.css');
  expect(printStyles.headers()['cache-control'] ?? '').not.toContain('immutable');
  const pagefind = await request.get('/pagefind/pagefind.js');
  expect(pagefind.headers()['cache-control'] ?? '').not.toContain('immutable');
});

test('in production, no two header rules that set a policy match the same built path', async () => {
  // Netlify sends every matching rule's headers, so two policies would both be enforced.
  const { headers: rules, errors } = await parseAllHeaders({
    headersFiles: [path.join(DIST, '_headers')],
    netlifyConfigPath: path.join(ROOT, 'netlify.toml'),
    configHeaders: [],
    minimal: false,
  });
  expect(errors).toEqual([]);
  const cspRules = (rules as Header[]).filter((rule) =>
    Object.keys(rule.values).some((k) => k.toLowerCase() === 'content-security-policy'),
  );
  const paths = [
    ...builtPages(),
    '/_astro/x.js',
    '/pagefind/pagefind.js',
    '/sitemap.xml',
    '/robots.txt',
    '/favicon.svg',
  ];
  for (const pagePath of paths) {
    const matching = cspRules.filter((rule) => rule.forRegExp.test(pagePath)).map((rule) => rule.for);
    expect(matching, pagePath).toHaveLength(1);
  }
});
