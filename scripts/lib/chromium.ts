import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The browser tests use the headless shell when it is there (tests/support/browser.ts). */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * Makes sure Debian's Chromium is there for the browser tests: installs it, and its headless
 * shell, with apt-get when they are missing and we are root, otherwise says in one line what to
 * install.
 */
export function ensureChromium(): boolean {
  if (existsSync(CHROMIUM_PATH) && (process.env.CHROMIUM_PATH || existsSync(HEADLESS_SHELL))) return true;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with "sudo apt-get install -y chromium", or set CHROMIUM_PATH.`,
    );
    return false;
  }
  console.log('Chromium is missing: installing Debian’s chromium and chromium-headless-shell with apt-get…');
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'chromium-headless-shell'], {
          stdio: 'inherit',
          env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        })
      : update;
  if (install.status !== 0 || !existsSync(CHROMIUM_PATH)) {
    console.error('Could not install Chromium: run "apt-get install -y chromium" and try again.');
    return false;
  }
  return true;
}
