/**
 * The thread of the mutation run's pool (pool.ts): Vitest's own threads worker, except that it
 * outlives a run. Vitest's worker stops listening when its run ends and is terminated; this one
 * drops only the finished run's RPC and waits for the next. Each run starts by resetting the
 * project's modules (as Vitest does between files when isolated), so every run evaluates the code
 * fresh under its mutant, and static mutants are live; only the packages Node itself loaded
 * (zod, nodemailer, linkedom…) and the thread stay, which is what a new thread cost every run.
 */
import { parentPort } from 'node:worker_threads';
import { init, runBaseTests, setupEnvironment } from 'vitest/worker';

if (!parentPort) throw new Error('tests/support/kept-thread/worker.ts runs as a worker thread of pool.ts');
const port = parentPort;

type Listener = (message: unknown) => void;
let control: Listener | undefined;
const perRun = new Set<Listener>();

// What Vitest's resetModules keeps: its own modules (the runner, expect, the mocker).
const VITEST_OWN = [/\/vitest\/dist\//, /vitest-virtual-\w+\/dist/, /@vitest\/dist/];
interface ModuleNode {
  promise?: unknown;
  exports?: unknown;
  evaluated: boolean;
  importers: Set<string>;
}
let kept: { idToModuleMap: Map<string, ModuleNode> } | undefined;

function resetModules(): void {
  kept?.idToModuleMap.forEach((node, id) => {
    if (VITEST_OWN.some((pattern) => pattern.test(id))) return;
    node.promise = undefined;
    node.exports = undefined;
    node.evaluated = false;
    node.importers.clear();
  });
}

type RunState = Parameters<typeof runBaseTests>[1];
type Traces = Parameters<typeof runBaseTests>[2];

async function runTests(method: 'run' | 'collect', state: RunState, traces: Traces): Promise<void> {
  resetModules();
  try {
    await runBaseTests(method, state, traces);
  } finally {
    // runBaseTests swaps in the thread's one module map: the one to reset next time.
    kept = (state as unknown as { evaluatedModules: typeof kept }).evaluatedModules;
  }
}

init({
  post: (response) => port.postMessage(response),
  on: (listener: Listener) => {
    // The first listener is the worker's control channel; later ones are each run's RPC.
    if (control) perRun.add(listener);
    else control = listener;
    port.on('message', listener);
  },
  off: (listener: Listener) => {
    perRun.delete(listener);
    port.off('message', listener);
  },
  teardown: () => {
    for (const listener of perRun) port.off('message', listener);
    perRun.clear();
  },
  runTests: (state, tracer) => runTests('run', state, tracer),
  collectTests: (state, tracer) => runTests('collect', state, tracer),
  setup: setupEnvironment,
});
