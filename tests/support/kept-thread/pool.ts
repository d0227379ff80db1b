/**
 * The mutation run's pool (vitest.mutation.config.ts): Vitest's threads pool with one thread kept
 * for every run. Stryker reruns the tests once per mutant, and Vitest starts and terminates a
 * thread for each run: a quarter of a second, plus loading zod, nodemailer and linkedom again,
 * about half of what a mutant cost. The thread (worker.ts) resets the project's modules at the
 * start of each run, so each mutant still meets freshly evaluated code.
 */
import { Worker } from 'node:worker_threads';
import type { Writable } from 'node:stream';
import type { PoolOptions, PoolWorker, WorkerRequest } from 'vitest/node';

export const POOL_NAME = 'kept-thread';
const ENTRY = new URL('./worker.ts', import.meta.url);

let thread: Worker | undefined;

class KeptThreadWorker implements PoolWorker {
  readonly name = POOL_NAME;
  private readonly options: PoolOptions;
  constructor(options: PoolOptions) {
    this.options = options;
  }
  async start(): Promise<void> {
    if (thread) return;
    const started = new Worker(ENTRY, {
      env: this.options.env,
      execArgv: this.options.execArgv,
      stdout: true,
      stderr: true,
    });
    const logger = this.options.project.vitest.logger;
    started.stdout.pipe(logger.outputStream as Writable, { end: false });
    started.stderr.pipe(logger.errorStream as Writable, { end: false });
    // A thread that dies (a mutant that crashes it) is replaced at the next run.
    started.once('exit', () => {
      if (thread === started) thread = undefined;
    });
    // Vitest closing is the end of the thread; until then it must not hold the process open.
    started.unref();
    this.options.project.vitest.onClose(() => started.terminate().then(() => undefined));
    thread = started;
  }
  async stop(): Promise<void> {
    // Kept for the next run (see above).
  }
  on(event: string, callback: (arg: unknown) => void): void {
    thread?.on(event, callback);
  }
  off(event: string, callback: (arg: unknown) => void): void {
    thread?.off(event, callback);
  }
  send(message: WorkerRequest): void {
    thread?.postMessage(message);
  }
  deserialize(data: unknown): unknown {
    return data;
  }
}

export const keptThreadPool = {
  name: POOL_NAME,
  createPoolWorker: (options: PoolOptions) => new KeptThreadWorker(options),
};
