/**
 * `npm run screenshots`: full-page screenshots of the pages a reviewer most needs to see, at
 * a phone width (375 × 740) and a laptop width (1280 × 800), in Debian's Chromium against the
 * production build served as `npm start` serves it. Written to screenshots/ (ignored by git).
 *
 *   npm run screenshots -- --no-build    use the existing dist/
 */
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/browser.ts';
import { ensureChromium } from './lib/chromium.ts';
import { startLocalServer } from './lib/local-server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'screenshots');

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'section', path: '/what-we-do/' },
  { name: 'service', path: '/what-we-do/criminal-justice/' },
  { name: 'case-study', path: '/case-studies/burglary-letters/' },
  { name: 'referral-form', path: '/refer/' },
  { name: 'volunteer-form', path: '/volunteer/apply/' },
  { name: 'other-help', path: '/other-help/' },
  { name: 'guide-entry', path: '/could-it-help/' },
  { name: 'guide-ending', path: '/could-it-help/ending-not-safe-yet/' },
  { name: 'easy-read', path: '/restorative-processes/easy-read/' },
  // Right to left: the page mirrors (text, lists and boxes start at the right), Urdu in Nastaliq.
  { name: 'language-rtl', path: '/languages/ur/' },
  { name: 'language-ltr', path: '/languages/pl/' },
];
const VIEWPORTS = [
  { name: '375', width: 375, height: 740 },
  { name: '1280', width: 1280, height: 800 },
];

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!ensureChromium()) process.exit(1);

const dataDir = mkdtempSync(path.join(tmpdir(), 'rg-screenshots-'));
const server = await startLocalServer({ root, port: 0, dataDir });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
mkdirSync(outDir, { recursive: true });
try {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    const page = await context.newPage();
    for (const { name, path: pagePath } of PAGES) {
      await page.goto(`${server.url}${pagePath}`, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      const file = path.join(outDir, `${name}-${viewport.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      // The first screen alone too: what a visitor sees before scrolling.
      await page.screenshot({ path: file.replace(/\.png$/, '-first-screen.png') });
      // Scrolled halfway down: the Exit button is still at the top of the window.
      await page.evaluate(() => scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
      await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
      await page.screenshot({ path: file.replace(/\.png$/, '-scrolled.png') });
      console.log(`${path.relative(root, file)}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
