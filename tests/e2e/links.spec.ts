import { expect } from '@playwright/test';
import { test } from '../support/e2e.ts';
import { builtPages, fileForPath, readBuilt } from '../support/dist.ts';

const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));

test('no internal link or anchor on any page is broken', () => {
  const broken: string[] = [];
  for (const pagePath of builtPages()) {
    const html = readBuilt(pagePath);
    for (const href of hrefs(html)) {
      if (/^(https?:|mailto:|tel:|sms:)/.test(href) || href.startsWith('//')) continue;
      const url = new URL(href, `http://site${pagePath}`);
      const target = url.pathname === pagePath ? html : fileForPath(url.pathname);
      if (target === undefined) {
        broken.push(`${pagePath} → ${href} (no page)`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !ids(target).has(fragment)) broken.push(`${pagePath} → ${href} (no #${fragment})`);
    }
  }
  expect(broken).toEqual([]);
});

test('every page has a title, a meta description, a canonical URL and one h1, with no heading level skipped', () => {
  const problems: string[] = [];
  for (const pagePath of builtPages()) {
    const html = readBuilt(pagePath);
    if (!/<title>[^<]+<\/title>/.test(html)) problems.push(`${pagePath}: no title`);
    if (!/<meta name="description" content="[^"]{20,}"/.test(html)) problems.push(`${pagePath}: no meta description`);
    if (!/<link rel="canonical" href="https?:\/\/[^"]+"/.test(html)) problems.push(`${pagePath}: no canonical`);
    const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    if (levels.filter((l) => l === 1).length !== 1)
      problems.push(`${pagePath}: ${levels.filter((l) => l === 1).length} h1`);
    levels.forEach((level, i) => {
      if (i > 0 && level > levels[i - 1] + 1) problems.push(`${pagePath}: h${levels[i - 1]} then h${level}`);
    });
    for (const img of html.matchAll(/<img\b[^>]*>/g)) {
      // Only the decorative illustrations may have an empty alt, so screen readers skip them.
      const decorative = /\sclass="illustration\b/.test(img[0]);
      if (!(decorative ? /\salt=""/ : /\salt="[^"]+"/).test(img[0]))
        problems.push(`${pagePath}: image without ${decorative ? 'empty' : ''} alt text`);
      if (!/\swidth="\d+"/.test(img[0]) || !/\sheight="\d+"/.test(img[0]))
        problems.push(`${pagePath}: image without size`);
    }
  }
  expect(problems).toEqual([]);
});

test('the sitemap lists every public page and robots.txt points to it', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const listed = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));
  // Filters and the guide's later steps are reached from their first page, not from search engines.
  const expected = builtPages().filter(
    (p) => !['/404.html', '/search/'].includes(p) && !p.includes('/setting/') && !/^\/could-it-help\/.+/.test(p),
  );
  expect([...listed].sort()).toEqual(expected.sort());
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Sitemap: https://');
});
