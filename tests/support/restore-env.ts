/**
 * Vitest setup for each test file: the environment the file started with is put back when it
 * ends. The files of a worker share one process (`isolate: false` in vitest.config.ts and
 * vitest.mutation.config.ts), and some set, delete or replace `process.env` to test settings;
 * what one file leaves there must never reach the next.
 */
import { afterAll } from 'vitest';

const env = process.env;
const before = { ...env };

afterAll(() => {
  // A file that swapped in a plain object for process.env gets the real one back.
  process.env = env;
  for (const name of Object.keys(env)) if (!Object.hasOwn(before, name)) delete env[name];
  Object.assign(env, before);
});
