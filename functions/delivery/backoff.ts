/** When a failed delivery is tried again. */
const BACKOFF_MAX_MS = 21_600_000; // six hours

/** 1, 2, 4, 8… times the base (a minute by default), at most six hours. */
export function backoffMs(attempts: number, baseMs = 60_000): number {
  return Math.min(BACKOFF_MAX_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}
