import { afterEach, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cmsConfig } from '../../admin/config.ts';
import { cmsRepositoryProblem } from '../../integrations/cms-repository.ts';
import { refusedUploads } from '../../integrations/upload-types.ts';

/** What the build refuses before it starts: a CMS with no repository on Netlify, uploads it cannot clean. */
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

test('a Netlify build without PUBLIC_CMS_REPO stops and says what to set; local builds and Git Gateway need none', () => {
  expect(cmsRepositoryProblem({ CONTEXT: 'production' })).toMatch(/^PUBLIC_CMS_REPO is not set.*owner\/name/);
  expect(cmsRepositoryProblem({ CONTEXT: 'deploy-preview', PUBLIC_CMS_REPO: ' ' })).toMatch(/PUBLIC_CMS_REPO/);
  expect(cmsRepositoryProblem({ CONTEXT: 'production', PUBLIC_CMS_BACKEND: 'github' })).toMatch(/PUBLIC_CMS_REPO/);
  expect(cmsRepositoryProblem({ CONTEXT: 'production', PUBLIC_CMS_REPO: 'org/site' })).toBeUndefined();
  expect(cmsRepositoryProblem({ CONTEXT: 'production', PUBLIC_CMS_BACKEND: 'git-gateway' })).toBeUndefined();
  expect(cmsRepositoryProblem({})).toBeUndefined();
  expect(cmsRepositoryProblem({ CONTEXT: 'dev' })).toBeUndefined();
});

test('uploads other than JPEG, PNG and WebP are refused, each named; content and allowed pictures pass', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'rg-uploads-'));
  dirs.push(root);
  mkdirSync(path.join(root, 'public/uploads/2027'), { recursive: true });
  mkdirSync(path.join(root, 'content/caseStudies/images'), { recursive: true });
  for (const file of [
    'public/uploads/a.jpg',
    'public/uploads/b.JPEG',
    'public/uploads/2027/c.png',
    'public/uploads/d.webp',
    'content/caseStudies/one.md',
    'content/caseStudies/images/e.jpg',
    'content/settings.json',
    'public/uploads/.gitkeep',
    'public/uploads/photo.HEIC',
    'public/uploads/2027/moving.gif',
    'content/caseStudies/images/scan.tiff',
  ])
    writeFileSync(path.join(root, file), '');
  expect(refusedUploads(root)).toEqual([
    'public/uploads/2027/moving.gif',
    'public/uploads/photo.HEIC',
    'content/caseStudies/images/scan.tiff',
  ]);
  expect(refusedUploads(path.join(root, 'nowhere'))).toEqual([]);
  // And this project's own content passes.
  expect(refusedUploads(process.cwd())).toEqual([]);
});

test('the CMS removes camera and location data from pictures as they are uploaded', () => {
  expect(cmsConfig({ local: true, siteUrl: 'http://localhost:4321' }).media_processing).toEqual({
    enabled: true,
    strip_metadata: true,
  });
});
