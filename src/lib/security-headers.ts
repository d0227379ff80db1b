/**
 * The one source of every security header. The build writes them all into `dist/_headers`
 * (integrations/headers.ts), the functions put them on their own responses (Netlify's
 * header rules do not reach function responses), and the tests compare against this file.
 */
export const SITE_CSP = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets Pagefind's WebAssembly run; it does not allow eval() of scripts.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  // Pagefind's stylesheet uses a data: SVG.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries: pages, assets, the CMS and every function's answer. */
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * The content manager's own policy, on a path no site policy rule matches. Decap needs
 * 'unsafe-eval' (its config validator compiles code), its own <style> tags, blob: for upload
 * previews, and GitHub's API and avatars for the GitHub backend. Its local backend is on this
 * origin ('self'), so no other port is named.
 */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: https://api.github.com",
  "frame-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A function's response headers: the base set, then its own (its policy, its type). */
export function withSecurityHeaders(own: Record<string, string> = {}): Record<string, string> {
  return { ...BASE_SECURITY_HEADERS, ...own };
}

const rule = (path: string, values: Record<string, string>) =>
  `${path}\n${Object.entries(values)
    .map(([name, value]) => `  ${name}: ${value}\n`)
    .join('')}`;

/** The whole `_headers` file: base headers everywhere, one policy per path, asset caching. */
export function headersFile(topLevelEntries: { name: string; isDirectory: boolean }[]): string {
  return [
    '# Written by the build from src/lib/security-headers.ts: edit that file, not this one.\n',
    rule('/*', BASE_SECURITY_HEADERS),
    cspRules(topLevelEntries, ['/admin/*']),
    rule('/admin/*', {
      'Content-Security-Policy': ADMIN_CSP,
      'X-Robots-Tag': 'noindex, nofollow',
      'Cache-Control': 'no-cache',
    }),
    // Hashed build assets never change, so browsers may keep them for a year.
    rule('/_astro/*', { 'Cache-Control': 'public, max-age=31536000, immutable' }),
  ].join('\n');
}

/**
 * Header rules for `_headers`, one per top-level entry of the built site, so no two rules
 * that set a policy ever match the same path (Netlify would send both and the browser
 * would enforce both). `/admin/` is left to its own rule.
 */
export function cspRules(topLevelEntries: { name: string; isDirectory: boolean }[], ownRules: string[]): string {
  const paths = ['/'];
  for (const { name, isDirectory } of [...topLevelEntries].sort((a, b) => a.name.localeCompare(b.name))) {
    if (name.startsWith('_headers') || name.startsWith('_redirects')) continue;
    if (ownRules.includes(`/${name}/*`)) continue;
    if (name === 'index.html') continue;
    paths.push(isDirectory ? `/${name}/*` : `/${name}`);
  }
  return paths.map((path) => `${path}\n  Content-Security-Policy: ${SITE_CSP}\n`).join('\n');
}
