/**
 * The CMS at /admin/: Decap CMS bundled from npm with the site build (no script from a CDN),
 * configured from the content model. On localhost it uses the local decap-server that
 * `npm start` and `npm run dev` run, which writes Markdown straight into content/.
 */
import CMS from 'decap-cms-app';
import { en } from 'decap-cms-locales';
import previewStyles from './preview.css?url';
import { cmsConfig } from './config.ts';
import { registerPreviews } from './previews.ts';
import settings from '../content/settings/site.json';

const local = ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);

// Decap's "New" button starts with a full-width plus sign that many system fonts cannot draw
// (it showed as an empty box): say "New …" in words instead.
CMS.registerLocale('en', {
  ...en,
  collection: {
    ...en.collection,
    collectionTop: { ...en.collection.collectionTop, newButton: 'New %{collectionLabel}' },
  },
});

CMS.registerPreviewStyle(previewStyles);
registerPreviews(CMS as never);
CMS.init({
  config: cmsConfig({
    local,
    backend: import.meta.env.PUBLIC_CMS_BACKEND,
    repo: import.meta.env.PUBLIC_CMS_REPO,
    branch: import.meta.env.PUBLIC_CMS_BRANCH,
    siteUrl: window.location.origin,
  }) as never,
});

// The "Loading" message stays until the CMS has drawn itself, for people on slow connections.
const loading = document.querySelector<HTMLElement>('[data-cms-loading]');
const observer = new MutationObserver(() => {
  if (document.querySelector('#nc-root')?.childElementCount) loading?.remove();
  // The login screen says whose site this is, in words a screen reader reads, not only in a logo.
  const login = document.querySelector('[class*="StyledAuthenticationPage"]');
  if (login && !login.querySelector('[data-cms-brand]')) {
    const brand = document.createElement('div');
    brand.dataset.cmsBrand = '';
    brand.className = 'cms-brand';
    const name = document.createElement('h1');
    name.textContent = settings.organisationName;
    const role = document.createElement('p');
    role.textContent = 'Website content manager for staff';
    brand.append(name, role);
    login.prepend(brand);
  }
});
observer.observe(document.body, { childList: true, subtree: true });
