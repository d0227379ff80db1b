/**
 * The browser tests' `test`: Playwright's, with each test its own client address, sent in the
 * header Netlify uses (`x-nf-client-connection-ip`), which the local server trusts from this
 * machine only. Rate limits apply per address (scripts/lib/rate-limit.ts), so tests running
 * side by side never use up each other's.
 *
 * `reader` is a page for tests that only read pages (load, look, audit, resize, scroll): one
 * tab per worker, kept from test to test. Playwright's own `page` is a new browser context for
 * every test, so a new renderer process that loads the site's CSS and fonts and compiles axe
 * afresh; on two cores that was half of every-page.spec.ts's time (measured: 1.8 s a page in a
 * new context, 0.9 s in a kept tab). Nothing a reader test does outlives it: the site keeps no
 * cookies or storage, each test starts at the default window size with its own client address,
 * and the listeners it added are taken off when it ends. It takes the window size a test asks for
 * (`test.use({ viewport })`); a test that turns JavaScript off, touches, routes requests, prints
 * or fills in a form uses `page`, and asking `reader` for a setting it cannot give (JavaScript
 * off, touch, mobile, a colour scheme, locale, time zone, user agent, pixel ratio, no CSP or
 * offline) is an error.
 */
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';

/** A private address (10.x.y.z) made from a name: the same test, the same address. */
export function addressFor(name: string): string {
  const [a, b, c] = createHash('sha256').update(name).digest();
  return `10.${a}.${b}.${c === 0 ? 1 : c}`;
}

/** Playwright's default window, which every reader test starts at. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/** The events a reader test may listen to; their listeners end with the test. */
const TEST_EVENTS = ['console', 'pageerror', 'request', 'response', 'requestfailed', 'dialog'] as const;

/**
 * The settings of the shared tab, each Playwright's default: a reader test asking for any other
 * value is refused.
 */
const READER_SETTINGS = {
  javaScriptEnabled: true,
  hasTouch: false,
  isMobile: false,
  colorScheme: 'light',
  bypassCSP: false,
  offline: false,
  locale: 'en-US',
  timezoneId: undefined,
  userAgent: undefined,
  deviceScaleFactor: undefined,
} as const;

/** The shared tab, opened by the first reader test of a worker that passes the guard below. */
interface ReaderTab {
  context?: BrowserContext;
  page?: Page;
}

export const test = base.extend<{ reader: Page }, { readerTab: ReaderTab }>({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use, testInfo) => {
    await use({ ...extraHTTPHeaders, 'x-nf-client-connection-ip': addressFor(`${testInfo.testId}/${testInfo.retry}`) });
  },
  readerTab: [
    async ({}, use) => {
      const tab: ReaderTab = {};
      await use(tab);
      await tab.context?.close();
    },
    { scope: 'worker' },
  ],
  reader: async (
    {
      browser,
      baseURL,
      readerTab,
      extraHTTPHeaders,
      viewport,
      javaScriptEnabled,
      hasTouch,
      isMobile,
      colorScheme,
      bypassCSP,
      offline,
      locale,
      timezoneId,
      userAgent,
      deviceScaleFactor,
    },
    use,
    testInfo,
  ) => {
    // The settings by name a second time: Playwright reads a fixture's needs from the names in its
    // parameter and refuses `...rest` there, so they cannot be gathered any other way. `satisfies`
    // makes a setting added to READER_SETTINGS but not here a type error.
    const asked = {
      javaScriptEnabled,
      hasTouch,
      isMobile,
      colorScheme,
      bypassCSP,
      offline,
      locale,
      timezoneId,
      userAgent,
      deviceScaleFactor,
    } satisfies Record<keyof typeof READER_SETTINGS, unknown>;
    if (Object.entries(READER_SETTINGS).some(([name, value]) => asked[name as keyof typeof asked] !== value))
      throw new Error('`reader` is a plain tab with JavaScript: use `page` for other settings');
    // Opened here, after the guard, with the settings it promises named: a context made during a
    // test takes that test's options (`test.use`) for any it is not given, and the tab lives on
    // into later tests.
    if (!readerTab.context) {
      readerTab.context = await browser.newContext({
        ...READER_SETTINGS,
        baseURL,
        viewport: DEFAULT_VIEWPORT,
        reducedMotion: 'no-preference',
        forcedColors: 'none',
      });
      // A Content-Security-Policy violation shows as a console error, which tests look for.
      await readerTab.context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
    }
    const { context } = readerTab;
    // A tab left broken by a failed test is replaced, so one failure stays one failure.
    if (!readerTab.page || readerTab.page.isClosed()) readerTab.page = await context.newPage();
    const { page } = readerTab;
    await context.setExtraHTTPHeaders(extraHTTPHeaders ?? {});
    await page.setViewportSize(viewport ?? DEFAULT_VIEWPORT);
    await use(page);
    for (const event of TEST_EVENTS) page.removeAllListeners(event);
    if (testInfo.status !== testInfo.expectedStatus) await page.close();
  },
});
