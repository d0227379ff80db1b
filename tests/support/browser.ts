import { existsSync } from 'node:fs';

/**
 * Debian's Chromium: no browser download works on these machines. Its headless shell
 * (`chromium-headless-shell`, the same Blink without the browser's window and UI processes) is
 * used when it is there: on two cores it loads and audits a page in about half the time of the
 * full browser in headless mode. `.ci/run` installs both; CHROMIUM_PATH picks another.
 */
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ??
  (existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : '/usr/bin/chromium');

/** Flags that stop Chromium reaching for Google's services, which this network refuses. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
