/** Runs `work` with the pipeline's log lines kept out of the test output. */
export async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const { log, error } = console;
  console.log = () => undefined;
  console.error = () => undefined;
  try {
    return await work();
  } finally {
    console.log = log;
    console.error = error;
  }
}

export interface Logged<T> {
  result: T;
  /** Every line logged, in order, as written. */
  text: string;
  /** The pipeline's own lines (JSON), parsed. */
  lines: Record<string, unknown>[];
  /** Each of those lines' outcome, in order. */
  outcomes: string[];
}

/** Runs `work`, keeping what it logs (console.log and console.error) out of the output, for the test to read. */
export async function logsOf<T>(work: () => Promise<T>): Promise<Logged<T>> {
  const written: string[] = [];
  const { log, error } = console;
  console.log = (line: unknown) => written.push(String(line));
  console.error = (line: unknown) => written.push(String(line));
  let result: T;
  try {
    result = await work();
  } finally {
    console.log = log;
    console.error = error;
  }
  const lines = written.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
  return { result, text: written.join('\n'), lines, outcomes: lines.map((line) => String(line.outcome)) };
}
