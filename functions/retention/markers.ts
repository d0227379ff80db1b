/** How long each kind of marker is kept before the sweep deletes it. */
export function markerExpired(
  key: string,
  at: number,
  now: number,
  limits: { tokenMs: number; confirmationMs: number; claimMs: number },
) {
  const age = now - at;
  if (key.startsWith('used-token/')) return age > limits.tokenMs;
  if (key.startsWith('confirmation/') || key.startsWith('confirmation-site/')) return age > limits.confirmationMs;
  return age > limits.claimMs;
}
