/** The organisation's current domain, from the seed directory entry. */
export const DEFAULT_SITE_URL = 'https://www.restorativegloucestershire.co.uk';

/** The canonical origin for URLs in the built pages: `SITE_URL` when it is a valid http(s) URL. */
export function siteUrl(fromEnv: string | undefined): string {
  if (!fromEnv) return DEFAULT_SITE_URL;
  try {
    const url = new URL(fromEnv);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return DEFAULT_SITE_URL;
    return url.origin;
  } catch {
    return DEFAULT_SITE_URL;
  }
}
