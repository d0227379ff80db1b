/**
 * Content-Security-Policy values. Kept in one place so the build (which writes `_headers`),
 * the functions (which set their own headers) and the tests agree.
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

/**
 * Headers every response carries. netlify.toml sets the same on static files (a test checks
 * they agree); the functions set them on their own responses, which header rules do not reach.
 */
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

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
