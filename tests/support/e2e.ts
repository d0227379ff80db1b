/**
 * The browser tests' `test`: Playwright's, with each test its own client address, sent in the
 * header Netlify uses (`x-nf-client-connection-ip`), which the local server trusts from this
 * machine only. Rate limits apply per address (scripts/lib/rate-limit.ts), so tests running
 * side by side never use up each other's.
 */
import { test as base } from '@playwright/test';
import { createHash } from 'node:crypto';

/** A private address (10.x.y.z) made from a name: the same test, the same address. */
export function addressFor(name: string): string {
  const [a, b, c] = createHash('sha256').update(name).digest();
  return `10.${a}.${b}.${c === 0 ? 1 : c}`;
}

export const test = base.extend({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use, testInfo) => {
    await use({ ...extraHTTPHeaders, 'x-nf-client-connection-ip': addressFor(`${testInfo.testId}/${testInfo.retry}`) });
  },
});
