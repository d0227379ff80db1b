import { describe, beforeAll, afterAll, expect, test } from 'vitest';
import cmsAuth, { config as cmsAuthConfig } from '../../functions/cms-auth.mts';
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

  test('login asks GitHub for a private repository’s scope, unless told otherwise', async () => {
    const scope = async () =>
      new URL(
        (await handleCmsAuth(new Request('https://site.example/api/cms-auth'))).headers.get('location')!,
      ).searchParams.get('scope');
    expect(await scope()).toBe('repo');
    process.env.GITHUB_SCOPE = 'public_repo';
    expect(await scope()).toBe('public_repo');
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
  const message = '</script><script>alert(1)</script>';
  const script = handoverScript('https://site.example', message);
  expect(script).not.toContain('</script>');
  // And hands over the message exactly as it was given.
  expect(JSON.parse(script.match(/var message=("[^;]*");/)![1]!)).toBe(message);
});

describe('the handshake in detail', () => {
  beforeAll(() => {
    process.env.GITHUB_CLIENT_ID = 'client-id';
    process.env.GITHUB_CLIENT_SECRET = 'client-secret';
  });
  afterAll(() => {
    for (const name of ['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET', 'URL', 'SITE_URL']) delete process.env[name];
  });
  const callback = (query: string, cookie = 'cms_oauth_state=s1') =>
    new Request(`https://site.example/api/cms-auth/callback/?${query}`, {
      headers: { cookie: `theme=dark; ${cookie}; other=x=y` },
    });

  test('a missing secret is as good as no settings at all', async () => {
    delete process.env.GITHUB_CLIENT_SECRET;
    try {
      const response = await handleCmsAuth(new Request('https://site.example/api/cms-auth'));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'none'");
      // The explanation and nothing else: no script, no stray text.
      expect(await response.text()).toMatch(/<body><p>[^<]+<\/p><\/body>/);
    } finally {
      process.env.GITHUB_CLIENT_SECRET = 'client-secret';
    }
  });

  test('only GET is answered, with the methods it allows', async () => {
    const response = await handleCmsAuth(new Request('https://site.example/api/cms-auth', { method: 'POST' }));
    expect(response.status).toBe(405);
    expect(await response.text()).toBe('Use GET');
    expect(response.headers.get('allow')).toBe('GET');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  test('the state cookie lives ten minutes, only on the callback, never to scripts or plain HTTP', async () => {
    const response = await handleCmsAuth(new Request('https://site.example/api/cms-auth'));
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/login/oauth/authorize');
    expect(location.searchParams.get('client_id')).toBe('client-id');
    expect(location.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(response.headers.get('set-cookie')).toBe(
      `cms_oauth_state=${location.searchParams.get('state')}; Path=/api/cms-auth/callback; Max-Age=600; HttpOnly; Secure; SameSite=Lax`,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  test('the site’s own address, when set, is where GitHub sends staff back and the only origin the token goes to', async () => {
    process.env.URL = 'https://www.restorative.example/some/path';
    try {
      const start = await handleCmsAuth(new Request('https://deploy-preview.example/api/cms-auth'));
      expect(new URL(start.headers.get('location')!).searchParams.get('redirect_uri')).toBe(
        'https://www.restorative.example/api/cms-auth/callback',
      );
      delete process.env.URL;
      process.env.SITE_URL = 'https://site-url.example';
      const start2 = await handleCmsAuth(new Request('https://deploy-preview.example/api/cms-auth'));
      expect(new URL(start2.headers.get('location')!).searchParams.get('redirect_uri')).toBe(
        'https://site-url.example/api/cms-auth/callback',
      );
    } finally {
      delete process.env.URL;
      delete process.env.SITE_URL;
    }
  });

  test('the code is exchanged with GitHub by POST, with the app’s own credentials, and the cookie cleared', async () => {
    const asked: { url: string; init: RequestInit }[] = [];
    const github = (async (url: string, init: RequestInit) => {
      asked.push({ url, init });
      return Response.json({ access_token: 'gho_token' });
    }) as unknown as typeof fetch;
    const response = await handleCmsAuth(callback('code=the-code&state=s1'), github);
    expect(response.status).toBe(200);
    expect(asked).toHaveLength(1);
    expect(asked[0].url).toBe('https://github.com/login/oauth/access_token');
    expect(asked[0].init.method).toBe('POST');
    expect(asked[0].init.headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(asked[0].init.body))).toEqual({
      client_id: 'client-id',
      client_secret: 'client-secret',
      code: 'the-code',
      redirect_uri: 'https://site.example/api/cms-auth/callback',
    });
    expect(asked[0].init.signal).toBeInstanceOf(AbortSignal);
    expect(response.headers.get('set-cookie')).toBe(
      'cms_oauth_state=; Path=/api/cms-auth/callback; Max-Age=0; HttpOnly; Secure; SameSite=Lax',
    );
    const html = await response.text();
    expect(html).toContain('<title>Content manager login</title>');
    expect(html).toContain('<p>Logged in. You can close this window.</p>');
    const nonce = html.match(/<script nonce="([^"]+)">/)![1];
    expect(response.headers.get('content-security-policy')).toBe(
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'none'; base-uri 'none'; frame-ancestors 'none'`,
    );
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  test('GitHub out of reach is our fault (503); a code it refuses is not (400); both tell the CMS window', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const refusing = (async () => Response.json({ error: 'bad_verification_code' })) as unknown as typeof fetch;
    for (const [github, status] of [
      [down, 503],
      [refusing, 400],
    ] as const) {
      const response = await handleCmsAuth(callback('code=c&state=s1'), github);
      expect(response.status).toBe(status);
      const html = await response.text();
      expect(html).toContain('GitHub login failed. Close this window and try again.');
      expect(html).toContain('authorization:github:error:{\\"message\\":\\"GitHub login failed\\"}');
      expect(html).not.toContain('success');
      expect(response.headers.get('set-cookie')).toContain('Max-Age=0');
    }
  });

  test('no state, no cookie, or a state one byte off: refused, the cookie cleared, nothing asked of GitHub', async () => {
    let asked = 0;
    const github = (async () => {
      asked++;
      return Response.json({ access_token: 'gho_token' });
    }) as unknown as typeof fetch;
    for (const request of [
      callback('code=c'),
      callback('code=c&state=s1', 'cms_oauth_state='),
      callback('code=c&state=s2'),
      callback('code=c&state=s1', 'not_the_state=s1'),
    ]) {
      const response = await handleCmsAuth(request, github);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('This login link has expired or did not come from this site.');
      expect(response.headers.get('set-cookie')).toContain('Max-Age=0');
    }
    // Neither a state nor any cookie at all: nothing to compare is not a match.
    const bare = await handleCmsAuth(new Request('https://site.example/api/cms-auth/callback?code=c'), github);
    expect(bare.status).toBe(403);
    expect(bare.headers.get('set-cookie')).toContain('Max-Age=0');
    // A cookie value is read whole, = signs and all.
    const withEquals = await handleCmsAuth(callback('code=c&state=a%3Db', 'cms_oauth_state=a=b'), github);
    expect(withEquals.status).toBe(200);
    asked = 0;
    const noCode = await handleCmsAuth(callback('state=s1'), github);
    expect(noCode.status).toBe(400);
    expect(await noCode.text()).toContain('GitHub did not complete the login.');
    expect(asked).toBe(0);
  });
});

test('the handover script answers only a message from this site’s origin, and only once', () => {
  const script = handoverScript('https://site.example', 'the-message');
  const sent: [string, string][] = [];
  const listeners = new Set<(event: { origin: string }) => void>();
  const window = {
    opener: { postMessage: (message: string, origin: string) => sent.push([message, origin]) },
    addEventListener: (_: string, listener: (event: { origin: string }) => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: (event: { origin: string }) => void) => listeners.delete(listener),
  };
  new Function('window', 'document', script)(window, { body: {} });
  expect(sent).toEqual([['authorizing:github', 'https://site.example']]);
  for (const listener of [...listeners]) listener({ origin: 'https://evil.example' });
  expect(sent).toHaveLength(1);
  for (const listener of [...listeners]) listener({ origin: 'https://site.example' });
  expect(sent).toEqual([
    ['authorizing:github', 'https://site.example'],
    ['the-message', 'https://site.example'],
  ]);
  expect(listeners.size).toBe(0);

  const body = { textContent: '' };
  new Function('window', 'document', script)({ ...window, opener: null }, { body });
  expect(body.textContent).toBe('Open this from the content manager.');
});

test('a login that fails in an unexpected way says to try again, with no detail, never cached', async () => {
  process.env.GITHUB_CLIENT_ID = 'client-id';
  process.env.GITHUB_CLIENT_SECRET = 'client-secret';
  process.env.URL = 'not an address';
  try {
    const response = await cmsAuth(new Request('https://site.example/api/cms-auth'));
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('The login could not be completed. Close this window and try again.');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
  } finally {
    for (const name of ['GITHUB_CLIENT_ID', 'GITHUB_CLIENT_SECRET', 'URL']) delete process.env[name];
  }
});

test('the login function answers at its two addresses only, rate limited per address', () => {
  expect(cmsAuthConfig.path).toEqual(['/api/cms-auth', '/api/cms-auth/callback']);
  expect(cmsAuthConfig.rateLimit).toEqual({ windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] });
});
