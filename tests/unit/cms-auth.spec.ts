import { describe, beforeAll, afterAll, expect, test } from 'vitest';
import cmsAuth from '../../functions/cms-auth.mts';
import { handleCmsAuth, handoverScript } from '../../functions/cms-auth/oauth.ts';
import { BASE_SECURITY_HEADERS } from '../../src/lib/security-headers.ts';

test('without GitHub settings, login says it is not set up', async () => {
  delete process.env.GITHUB_CLIENT_ID;
  const response = await handleCmsAuth(new Request('https://site.example/api/cms-auth'));
  expect(response.status).toBe(404);
  expect(await response.text()).toContain('not set up');
});

describe('with GitHub settings', () => {
  beforeAll(() => {
    process.env.GITHUB_CLIENT_ID = 'client-id';
    process.env.GITHUB_CLIENT_SECRET = 'client-secret';
  });
  afterAll(() => {
    delete process.env.GITHUB_CLIENT_ID;
    delete process.env.GITHUB_CLIENT_SECRET;
  });

  test('starting login redirects to GitHub with a state that is also kept in a cookie', async () => {
    const response = await handleCmsAuth(new Request('https://site.example/api/cms-auth'));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).toBe('https://github.com');
    expect(location.searchParams.get('redirect_uri')).toBe('https://site.example/api/cms-auth/callback');
    const state = location.searchParams.get('state')!;
    expect(state.length).toBeGreaterThan(20);
    expect(response.headers.get('set-cookie')).toContain(`cms_oauth_state=${state}; Path=/api/cms-auth/callback`);
    expect(response.headers.get('set-cookie')).toContain('HttpOnly');
  });

  test('login asks GitHub for no more than a public repository needs, unless told', async () => {
    const scope = async () =>
      new URL(
        (await handleCmsAuth(new Request('https://site.example/api/cms-auth'))).headers.get('location')!,
      ).searchParams.get('scope');
    expect(await scope()).toBe('public_repo');
    process.env.GITHUB_SCOPE = 'repo';
    expect(await scope()).toBe('repo');
    delete process.env.GITHUB_SCOPE;
  });

  test('odd states and codes get a 4xx with the security headers, never a 5xx or a stack trace', async () => {
    const refusingGitHub = (async () => Response.json({ error: 'bad_verification_code' })) as unknown as typeof fetch;
    const cases = [
      // The same number of characters as the cookie's state, but more bytes.
      new Request('https://site.example/api/cms-auth/callback?code=x&state=%C3%A9%C3%A9', {
        headers: { cookie: 'cms_oauth_state=ab' },
      }),
      new Request('https://site.example/api/cms-auth/callback?code=x&state=ab', {
        headers: { cookie: 'cms_oauth_state=%E2%82%AC' },
      }),
      new Request('https://site.example/api/cms-auth/callback?state=ab', { headers: { cookie: 'cms_oauth_state=ab' } }),
      new Request('https://site.example/api/cms-auth/callback?code=%FF&state=ab&state=cd', {
        headers: { cookie: 'cms_oauth_state=cd; cms_oauth_state=ab' },
      }),
      new Request('https://site.example/api/cms-auth', { method: 'POST', body: 'x' }),
    ];
    for (const request of cases) {
      const response = await cmsAuth(request);
      expect(response.status, request.url).toBeGreaterThanOrEqual(400);
      expect(response.status, request.url).toBeLessThan(500);
      const body = await response.text();
      expect(body).not.toMatch(/at .*\.(ts|js):\d+|Error:/);
      for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
    }
    const refused = await handleCmsAuth(
      new Request('https://site.example/api/cms-auth/callback?code=stale&state=s1', {
        headers: { cookie: 'cms_oauth_state=s1' },
      }),
      refusingGitHub,
    );
    expect(refused.status).toBe(400);
  });

  test('a callback whose state does not match is refused', async () => {
    const response = await handleCmsAuth(
      new Request('https://site.example/api/cms-auth/callback?code=x&state=forged', {
        headers: { cookie: 'cms_oauth_state=real' },
      }),
    );
    expect(response.status).toBe(403);
  });

  test('a good callback hands the token only to this site’s origin', async () => {
    const fakeGitHub = (async () => Response.json({ access_token: 'gho_token' })) as unknown as typeof fetch;
    const response = await handleCmsAuth(
      new Request('https://site.example/api/cms-auth/callback?code=abc&state=s1', {
        headers: { cookie: 'cms_oauth_state=s1' },
      }),
      fakeGitHub,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('var origin="https://site.example"');
    expect(html).toContain('authorization:github:success:{\\"token\\":\\"gho_token\\",\\"provider\\":\\"github\\"}');
    expect(html).toContain("postMessage('authorizing:github',origin)");
    const nonce = html.match(/nonce="([^"]+)"/)![1];
    expect(response.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);
    expect(response.headers.get('set-cookie')).toContain('Max-Age=0');
  });
});

test('the handover script keeps values inside its strings', () => {
  const script = handoverScript('https://site.example', '</script><script>alert(1)</script>');
  expect(script).not.toContain('</script>');
});
