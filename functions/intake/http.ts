/** Reading requests and writing responses for the form functions. */
import { SITE_CSP, withSecurityHeaders } from '../../src/lib/security-headers.ts';
import { own } from '../../src/forms/fields.ts';

export const MAX_BODY_BYTES = 32_768; // 32 KB

export class RequestProblem extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export type Body = Record<string, unknown>;

/** Reads at most MAX_BODY_BYTES, then parses form data or JSON. Anything else is a clear 4xx. */
export async function readBody(request: Request): Promise<{ body: Body; isJson: boolean }> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const isJson = type === 'application/json';
  if (!isJson && type !== 'application/x-www-form-urlencoded') {
    throw new RequestProblem(415, 'Send the form as application/x-www-form-urlencoded or application/json');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new RequestProblem(413, 'The form is too large to send');
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Past the limit the rest is read and dropped rather than cut off: breaking the stream
      // mid-request makes some proxies (Netlify's local emulation among them) fail the reply.
      if (size <= MAX_BODY_BYTES) chunks.push(value);
    }
  }
  if (size > MAX_BODY_BYTES) throw new RequestProblem(413, 'The form is too large to send');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new RequestProblem(400, 'The form could not be read: it is not valid UTF-8 text');
  }
  if (isJson) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new RequestProblem(400, 'The form could not be read: the JSON is not valid');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new RequestProblem(400, 'The form could not be read: send a JSON object of answers');
    }
    return { body: parsed as Body, isJson };
  }
  // No prototype: a field named `__proto__` or `constructor` is an answer like any other.
  const body: Body = Object.create(null) as Body;
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = own(body, key);
    if (existing === undefined) body[key] = value;
    else body[key] = Array.isArray(existing) ? [...existing, value] : [existing as string, value];
  }
  return { body, isJson };
}

function securityHeaders(): Record<string, string> {
  return withSecurityHeaders({
    'Content-Security-Policy': SITE_CSP,
    // Answers are personal: never keep a copy of these responses in any cache.
    'Cache-Control': 'no-store',
  });
}

export function json(status: number, data: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'application/json; charset=utf-8', ...extra },
  });
}

export function html(status: number, page: string, extra: Record<string, string> = {}): Response {
  return new Response(page, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/html; charset=utf-8', ...extra },
  });
}

export function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { ...securityHeaders(), Location: location } });
}

export function wantsJson(request: Request, isJson: boolean): boolean {
  const accept = request.headers.get('accept') ?? '';
  return accept.includes('application/json') || (isJson && !accept.includes('text/html'));
}

/**
 * A request from another site's page is refused. Browsers say where a request came from in
 * Sec-Fetch-Site; older ones only in Origin. Under our no-referrer policy a plain form post
 * sends "Origin: null", and a browser without Sec-Fetch-Site (Safari before 16.4) sends
 * nothing else: such a request is not refused here. The check step stores nothing, and the
 * send step needs a check-answers token issued for exactly those answers, so a page on
 * another site gains nothing by it. Requests with neither (scripts, curl) are left to those
 * same checks.
 */
export function isCrossSite(request: Request, allowedOrigins: string[]): boolean {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return false;
  const allowed = new Set([new URL(request.url).origin, ...allowedOrigins]);
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (host) {
    allowed.add(`https://${host}`);
    allowed.add(`http://${host}`);
  }
  return !allowed.has(origin);
}
