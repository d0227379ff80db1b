/** Timing rules for the check-answers token, shared with the browser (which waits rather than fail). */
export const MIN_SECONDS_BEFORE_SEND = 2;
export const MAX_TOKEN_AGE_SECONDS = 24 * 60 * 60;
