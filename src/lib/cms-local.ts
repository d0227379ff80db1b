/** Where the CMS finds its local backend: on the site's own origin, so no other port is opened. */
export const CMS_LOCAL_BASE = '/_cms-local';
export const CMS_LOCAL_API = `${CMS_LOCAL_BASE}/api/v1`;
