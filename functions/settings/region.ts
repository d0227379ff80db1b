/**
 * Where the Blobs stores' data is held. A site-wide store does not take the functions' region:
 * without this, Netlify's API would pick its default, in the US. The functions' own region is
 * set in Netlify's UI (docs/operating.md says where, and what a region does not settle).
 */
export const BLOBS_REGION = 'eu-central-1';
