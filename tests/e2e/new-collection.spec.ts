import { expect } from '@playwright/test';
import { wcagViolations } from '../support/axe.ts';
import { test } from '../support/e2e.ts';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { astroBuild, copyProject, gitBaseline } from '../../scripts/lib/project-copy.ts';
import { serveFolder } from '../support/static-server.ts';

/**
 * A new collection is its entry in the collection registry and its content, nothing else: in a
 * copy of the project (a git repository, so `git status` shows what changed), a "Newsletters"
 * collection is added to src/model/collections.ts and one newsletter to content/newsletters/.
 * The copy's build then has the newsletter's page and the section's list, both in the sitemap
 * and the search page's list of pages, and the CMS offers the collection.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TITLE = 'Spring newsletter from the fixture';

const REGISTRY_ENTRY = `    newsletters: {
      folder: 'newsletters',
      pattern: '**/*.md',
      schema: basePageSchema,
      section: { path: 'newsletters', title: 'Newsletters' },
      cms: {
        label: 'Newsletters',
        label_singular: 'newsletter',
        description: 'News for partners and volunteers, one entry a season.',
        body: { hint: 'The newsletter, in short paragraphs.' },
        preview: 'article',
        extension: 'md',
        create: true,
      },
    },
`;

const NEWSLETTER = `---
title: ${TITLE}
summary: What the partnership did this spring, written for a test.
---

The words in this newsletter are a fixture.
`;

test('a collection added to the registry, with its content, is built, listed, in the sitemap and in the CMS', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const project = copyProject(ROOT, 'rg-new-collection-');
  try {
    const baseline = gitBaseline(project.dir);

    const registry = path.join(project.dir, 'src', 'model', 'collections.ts');
    const before = readFileSync(registry, 'utf8');
    const after = before
      .replace('import {\n  caseStudySchema,', 'import {\n  basePageSchema,\n  caseStudySchema,')
      .replace('    settings: {\n', `${REGISTRY_ENTRY}    settings: {\n`);
    expect(after.split('\n').length - before.split('\n').length).toBe(REGISTRY_ENTRY.split('\n').length);
    writeFileSync(registry, after);
    mkdirSync(path.join(project.dir, 'content', 'newsletters'));
    writeFileSync(path.join(project.dir, 'content', 'newsletters', 'spring.md'), NEWSLETTER);

    const build = astroBuild(ROOT, project.dir);
    expect(build.status, build.output).toBe(0);
    expect(baseline.changed()).toEqual([' M src/model/collections.ts', '?? content/newsletters/']);

    const dist = path.join(project.dir, 'dist');
    const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
    expect(read('newsletters/spring/index.html')).toMatch(new RegExp(`<h1[^>]*>${TITLE}</h1>`));
    expect(read('newsletters/index.html')).toContain('href="/newsletters/spring/"');
    expect(read('sitemap.xml')).toMatch(/<loc>[^<]*\/newsletters\/spring\/<\/loc>/);
    expect(read('search/index.html')).toContain('href="/newsletters/spring/"');
    // The CMS is bundled with the site: its configuration has the new collection, from the registry.
    const scripts = readdirSync(path.join(dist, '_astro')).filter((name) => name.endsWith('.js'));
    const cms = scripts.filter((name) => read(`_astro/${name}`).includes('Could it help? (guide)'));
    expect(cms).toHaveLength(1);
    expect(read(`_astro/${cms[0]}`)).toContain('News for partners and volunteers, one entry a season.');

    const site = await serveFolder(dist);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/newsletters/spring/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
      await expect(page.getByRole('main')).toContainText('The words in this newsletter are a fixture.');
      const violations = await wcagViolations(page);
      expect(violations.map((v) => v.id)).toEqual([]);
      await page.goto(`${site.url}/newsletters/`);
      await page.getByRole('link', { name: TITLE }).click();
      await expect(page).toHaveURL(/\/newsletters\/spring\/$/);
    } finally {
      await context.close();
      await site.close();
    }
  } finally {
    project.remove();
  }
});
