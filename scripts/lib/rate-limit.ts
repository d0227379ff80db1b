/**
 * Netlify's per-function rate limit (`config.rateLimit`), applied by the local runtime as the
 * platform applies it in production: a sliding window of `windowLimit` calls in `windowSize`
 * seconds per client address (and domain, one here). It lives in the local server's memory
 * because it stands in for the platform, not for the functions: the functions' own caps are
 * claims in Blobs (functions/delivery/confirmation-limit.ts).
 */
export interface RateLimit {
  windowLimit: number;
  windowSize: number;
  action?: 'rate_limit' | 'rewrite';
  to?: string;
}

export function createRateLimiter(clock: () => number = Date.now) {
  const calls = new Map<string, number[]>();
  return {
    /** True when this call is within the limit (and counts it). */
    allow(key: string, limit: RateLimit): boolean {
      const now = clock();
      const recent = (calls.get(key) ?? []).filter((at) => now - at < limit.windowSize * 1000);
      if (recent.length >= limit.windowLimit) {
        calls.set(key, recent);
        return false;
      }
      recent.push(now);
      calls.set(key, recent);
      return true;
    },
  };
}

/**
 * The client's address: the connection's, or, from this machine only, the one a test names in
 * `x-nf-client-connection-ip` (Netlify's own header), so each test can be its own client.
 */
export function clientAddress(remote: string | undefined, header: string | string[] | undefined): string {
  const loopback = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
  const named = typeof header === 'string' ? header.trim() : '';
  return loopback && /^[0-9a-f.:]{2,45}$/i.test(named) ? named : (remote ?? '');
}
