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
  /** The outcomes written as errors (console.error), in order. */
  errors: string[];
}

/** Runs `work`, keeping what it logs (console.log and console.error) out of the output, for the test to read. */
export async function logsOf<T>(work: () => Promise<T>): Promise<Logged<T>> {
  const written: string[] = [];
  const asErrors = new Set<number>();
  const { log, error } = console;
  console.log = (line: unknown) => written.push(String(line));
  console.error = (line: unknown) => asErrors.add(written.push(String(line)) - 1);
  let result: T;
  try {
    result = await work();
  } finally {
    console.log = log;
    console.error = error;
  }
  const parsed = written.flatMap((line, index) => {
    try {
      return [{ line: JSON.parse(line) as Record<string, unknown>, error: asErrors.has(index) }];
    } catch {
      return [];
    }
  });
  const lines = parsed.map(({ line }) => line);
  return {
    result,
    text: written.join('\n'),
    lines,
    outcomes: lines.map((line) => String(line.outcome)),
    errors: parsed.filter(({ error }) => error).map(({ line }) => String(line.outcome)),
  };
}
