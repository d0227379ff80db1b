/**
 * The GitHub OAuth handshake Decap CMS expects from a popup: the popup says
 * "authorizing:github" to the window that opened it, waits for that window to answer from
 * our own origin, then sends "authorization:github:success:{token}" to that origin only.
 * The state parameter is checked against a short-lived cookie scoped to the callback path:
 * the only cookie this site ever sets, and only for staff logging in.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '../settings/config.ts';
import { escapeHtml } from '../../src/forms/render.ts';
import { withSecurityHeaders } from '../../src/lib/security-headers.ts';

const STATE_COOKIE = 'cms_oauth_state';
const CALLBACK_PATH = '/api/cms-auth/callback';

function siteOrigin(request: Request): string {
  const configured = env('URL') ?? env('SITE_URL');
  return configured ? new URL(configured).origin : new URL(request.url).origin;
}

const baseHeaders = withSecurityHeaders({ 'Cache-Control': 'no-store' });

function page(
  status: number,
  body: string,
  script?: { nonce: string; code: string },
  extra: Record<string, string> = {},
) {
  const csp = [
    "default-src 'none'",
    script ? `script-src 'nonce-${script.nonce}'` : "script-src 'none'",
    "style-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Content manager login</title></head><body>${body}${
    script ? `<script nonce="${script.nonce}">${script.code}</script>` : ''
  }</body></html>`;
  return new Response(html, {
    status,
    headers: { ...baseHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp, ...extra },
  });
}

function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Compares bytes, not characters: a state with multi-byte characters has more bytes than letters. */
function sameString(a: string, b: string): boolean {
  // Buffer.from reads a string as UTF-8.
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The script that hands the token over, with the target origin pinned to this site. */
export function handoverScript(origin: string, message: string): string {
  // JSON.stringify and the \u003c escape keep any value inside the string literals.
  const literal = (value: string) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `(function(){var origin=${literal(origin)};var message=${literal(message)};
function receive(event){if(event.origin!==origin)return;window.removeEventListener('message',receive);window.opener.postMessage(message,origin);}
if(!window.opener){document.body.textContent='Open this from the content manager.';return;}
window.addEventListener('message',receive);window.opener.postMessage('authorizing:github',origin);})();`;
}

export async function handleCmsAuth(request: Request, fetchImpl: typeof fetch = fetch): Promise<Response> {
  if (request.method !== 'GET')
    return new Response('Use GET', { status: 405, headers: { ...baseHeaders, Allow: 'GET' } });
  const clientId = env('GITHUB_CLIENT_ID');
  const clientSecret = env('GITHUB_CLIENT_SECRET');
  if (!clientId || !clientSecret) {
    // Not set up is "no such login here", not a server fault: a 404 with a plain explanation.
    return page(404, '<p>GitHub login is not set up for this site. Ask the site administrator.</p>');
  }
  const url = new URL(request.url);
  const origin = siteOrigin(request);
  const redirectUri = `${origin}${CALLBACK_PATH}`;

  if (url.pathname.replace(/\/$/, '') !== CALLBACK_PATH) {
    const state = randomBytes(24).toString('base64url');
    const authorize = new URL('https://github.com/login/oauth/authorize');
    authorize.searchParams.set('client_id', clientId);
    authorize.searchParams.set('redirect_uri', redirectUri);
    // GitHub's narrowest scope that can commit content: public_repo for a public repository.
    // `repo`: the site's repository is private (drafts and uploads are branches and pull requests,
    // which in a public repository anyone can read). OAuth apps have nothing narrower than `repo`.
    authorize.searchParams.set('scope', env('GITHUB_SCOPE') ?? 'repo');
    authorize.searchParams.set('state', state);
    return new Response(null, {
      status: 302,
      headers: {
        ...baseHeaders,
        Location: authorize.href,
        'Set-Cookie': `${STATE_COOKIE}=${state}; Path=${CALLBACK_PATH}; Max-Age=600; HttpOnly; Secure; SameSite=Lax`,
      },
    });
  }

  const clearCookie = {
    'Set-Cookie': `${STATE_COOKIE}=; Path=${CALLBACK_PATH}; Max-Age=0; HttpOnly; Secure; SameSite=Lax`,
  };
  const state = url.searchParams.get('state');
  const expected = readCookie(request, STATE_COOKIE);
  if (!state || !expected || !sameString(state, expected)) {
    return page(
      403,
      '<p>This login link has expired or did not come from this site. Close this window and log in again.</p>',
      undefined,
      clearCookie,
    );
  }
  const code = url.searchParams.get('code');
  if (!code)
    return page(
      400,
      '<p>GitHub did not complete the login. Close this window and try again.</p>',
      undefined,
      clearCookie,
    );

  let token: string | undefined;
  let unreachable = false;
  try {
    const response = await fetchImpl('https://github.com/login/oauth/access_token', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: clientId, client_secret: clientSecret, code, redirect_uri: redirectUri }),
      signal: AbortSignal.timeout(10_000),
    });
    const data = (await response.json()) as { access_token?: string };
    token = data.access_token;
  } catch {
    unreachable = true;
  }
  const nonce = randomBytes(16).toString('base64');
  if (!token) {
    const message = `authorization:github:error:${JSON.stringify({ message: 'GitHub login failed' })}`;
    // A code GitHub refuses is the client's problem (400); only an unreachable GitHub is ours.
    return page(
      unreachable ? 503 : 400,
      `<p>${escapeHtml('GitHub login failed. Close this window and try again.')}</p>`,
      { nonce, code: handoverScript(origin, message) },
      clearCookie,
    );
  }
  const message = `authorization:github:success:${JSON.stringify({ token, provider: 'github' })}`;
  return page(
    200,
    '<p>Logged in. You can close this window.</p>',
    { nonce, code: handoverScript(origin, message) },
    clearCookie,
  );
}
