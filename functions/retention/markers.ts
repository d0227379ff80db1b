/** How long each kind of marker is kept before the sweep deletes it. */
export function markerExpired(
  key: string,
  at: number,
  now: number,
  limits: { tokenMs: number; confirmationMs: number; claimMs: number },
) {
  const age = now - at;
  // Equality answers wait for their count (separate.ts deletes them once counted); too few in a
  // whole year to count without pointing at someone, and they are deleted uncounted.
  if (key.startsWith('equality/')) return age > 366 * 86_400_000;
  if (key.startsWith('used-token/')) return age > limits.tokenMs;
  if (key.startsWith('confirmation/')) return age > limits.confirmationMs;
  return age > limits.claimMs;
}
