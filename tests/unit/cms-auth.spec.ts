import { expect, test } from '@playwright/test';
import { handleCmsAuth, handoverScript } from '../../functions/cms-auth/oauth.ts';

test.describe.configure({ mode: 'serial' });

test('without GitHub settings, login says it is not set up', async () => {
  delete process.env.GITHUB_CLIENT_ID;
  const response = await handleCmsAuth(new Request('https://site.example/api/cms-auth'));
  expect(response.status).toBe(503);
});

test.describe('with GitHub settings', () => {
  test.beforeAll(() => {
    process.env.GITHUB_CLIENT_ID = 'client-id';
    process.env.GITHUB_CLIENT_SECRET = 'client-secret';
  });
  test.afterAll(() => {
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
