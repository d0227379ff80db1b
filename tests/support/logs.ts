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
