/**
 * Timing rules for the check-answers token. The minimum is the default; a deployment (or
 * the test server) may set another with MIN_MS_BEFORE_SEND, and the function tells the
 * browser how long to wait in its answer to "check", so the two never disagree.
 */
export const MIN_MS_BEFORE_SEND = 2000;
export const MAX_TOKEN_AGE_MS = 86_400_000; // a day
