/**
 * What the pipeline logs, read by the tests. Every line is checked as it is read: its outcome
 * must be one an operator can look up (docs/operating.md), and written at its level: errors,
 * which need someone to look, to console.error (Netlify shows them as errors), the rest to
 * console.log. A new outcome is added here, where its level is decided, and to the docs.
 */
export const ERROR_OUTCOMES: ReadonlySet<string> = new Set([
  'alert-failed',
  'alert-undelivered',
  'confirmation-failed',
  'delivery-error',
  'delivery-failed',
  'digest-failed',
  'health-failed',
  'nightly-rebuild-failed',
  'nightly-rebuild-not-configured',
  'not-configured',
  'parked',
  'purged-undelivered',
  'separate-answers-failed',
  'separate-answers-report-failed',
  'events-list-missing',
  'equality-unreadable',
  'store-failed',
  'sweep-markers-failed',
  'sweep-record-failed',
  'token-marker-failed',
  'unexpected-error',
]);

export const INFO_OUTCOMES: ReadonlySet<string> = new Set([
  'already-sent',
  'bad-request',
  'confirmation-limited',
  'delivered',
  'digest-delivered',
  'honeypot',
  'invalid',
  'nightly-rebuild-refused',
  'nightly-rebuild-requested',
  'refused-cross-site',
  'stored',
  'sweep',
  'token-invalid',
  'token-too-fast',
  'token-changed',
  'token-expired',
  'token-missing',
  'token-still-sending',
  'preview-not-sent',
  'confirmation-site-limited',
  'same-answers-not-stored',
]);

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

/**
 * Runs `work`, keeping what it logs (console.log and console.error) out of the output, for the
 * test to read; fails if a line's outcome is unknown or written at the wrong level.
 */
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
  for (const { line, error: asError } of parsed) {
    const outcome = String(line.outcome);
    const isError = ERROR_OUTCOMES.has(outcome);
    if (!isError && !INFO_OUTCOMES.has(outcome)) throw new Error(`Logged an outcome nobody can look up: "${outcome}"`);
    if (isError !== asError) throw new Error(`"${outcome}" was logged as ${asError ? 'an error' : 'information'}`);
  }
  const lines = parsed.map(({ line }) => line);
  return {
    result,
    text: written.join('\n'),
    lines,
    outcomes: lines.map((line) => String(line.outcome)),
    errors: parsed.filter(({ error: asError }) => asError).map(({ line }) => String(line.outcome)),
  };
}

/** Runs `work` with the pipeline's log lines kept out of the test output (and checked, as above). */
export async function quietly<T>(work: () => Promise<T>): Promise<T> {
  return (await logsOf(work)).result;
}
