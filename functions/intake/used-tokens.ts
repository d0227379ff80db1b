/**
 * A token sends once: sending writes a used-token marker (records/markers.ts, `onlyIfNew`), and
 * a second send of the same token finds it. The marker is kept longer than the token lives.
 */

export function usedTokenKey(tokenId: string) {
  return `used-token/${tokenId}`;
}

/**
 * How long a used-token marker is kept: twice a token's life, so a token can never be sent
 * again after its marker is gone (config.ts refuses to start if this were ever shorter).
 */
export const USED_TOKEN_KEEP_MS = 172_800_000; // two days: twice MAX_TOKEN_AGE_MS (a test holds them so)
