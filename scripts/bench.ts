/**
 * `npm run bench`: figures, not tests.
 *
 * 1. Build time with generated content at 100, 1,000 and 5,000 case studies, beside a plain
 *    Astro build of the same Markdown with no site code (the ratio is our overhead).
 * 2. Lighthouse (mobile, Debian Chromium) for the home page, a case study, /refer/, the referral
 *    questions for a person harmed, and /volunteer/apply/. 100 in all four categories is the aim.
 *
 *   npm run bench -- --sizes 100,1000   fewer sizes
 *   npm run bench -- --no-lighthouse    skip Lighthouse
 *   npm run bench -- --only-lighthouse  Lighthouse alone
 *   npm run bench -- --only-functions   only the form functions (3.)
 *
 * 3. The form functions' latency (p50/p95), throughput, and a burst of 500 concurrent sends.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFunctions } from './bench-functions.ts';
import { startLocalServer } from './lib/local-server.ts';
import { astroBuild, copyProject } from './lib/project-copy.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const astroBin = path.join(root, 'node_modules/astro/bin/astro.mjs');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const sizes = process.argv.includes('--sizes') ? arg('--sizes').split(',').map(Number) : [100, 1000, 5000];

const settings = ['Criminal justice', 'Communities and neighbours', 'Workplaces', 'Care homes'];
const words = 'people harm meeting letter facilitator agreement repair listen question answer safe choice'.split(' ');

function caseStudyMarkdown(i: number): string {
  const sentence = (n: number) =>
    Array.from({ length: 12 }, (_, k) => words[(i * 7 + n * 3 + k) % words.length]).join(' ') + '.';
  const body = Array.from({ length: 6 }, (_, p) => sentence(p)).join(' ');
  return [
    '---',
    `title: Generated case study ${i}`,
    `summary: A generated example number ${i}, for measuring build time.`,
    `setting: ${settings[i % settings.length]}`,
    'outcome: Everyone agreed what would happen next.',
    `date: 2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
    'illustrative: true',
    '---',
    '',
    `## What happened`,
    '',
    body,
    '',
    '## What changed',
    '',
    body,
    '',
  ].join('\n');
}

function writeCaseStudies(folder: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(path.join(folder, `generated-${i}.md`), caseStudyMarkdown(i));
}

function countHtml(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) count++;
  }
  return count;
}

function timedBuild(cwd: string): { seconds: number; pages: number } {
  const start = performance.now();
  const result = astroBuild(root, cwd);
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`Build failed in ${cwd}:\n${result.output}`);
  return { seconds, pages: countHtml(path.join(cwd, 'dist')) };
}

/** The same Markdown, built by Astro with nothing of ours: a bare collection and one bare page per entry. */
function plainAstroProject(count: number): { dir: string; remove(): void } {
  const project = copyProject(root, 'rg-bench-plain-');
  const { dir } = project;
  for (const item of ['src', 'content', 'public', 'admin']) spawnSync('rm', ['-rf', path.join(dir, item)]);
  mkdirSync(path.join(dir, 'src/pages/case-studies'), { recursive: true });
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
  );
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\n" +
      "export const collections = { caseStudies: defineCollection({ loader: glob({ base: './content/caseStudies', pattern: '*.md' }) }) };\n",
  );
  writeFileSync(
    path.join(dir, 'src/pages/case-studies/[slug].astro'),
    "---\nimport { getCollection, render } from 'astro:content';\n" +
      "export async function getStaticPaths() {\n  return (await getCollection('caseStudies')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\n" +
      'const { Content } = await render(Astro.props.entry);\n---\n<html lang="en"><head><title>{Astro.props.entry.data.title}</title></head><body><Content /></body></html>\n',
  );
  writeCaseStudies(path.join(dir, 'content/caseStudies'), count);
  return project;
}

function run(command: string, args: string[], runEnv: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, { env: runEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const onlyLighthouse = process.argv.includes('--only-lighthouse');
if (process.argv.includes('--only-functions')) {
  await benchFunctions();
  process.exit(0);
}

if (!onlyLighthouse) console.log('Build time with generated case studies (this machine, one run each)\n');
if (!onlyLighthouse)
  console.log('case studies | site: pages   seconds  ms/page | plain Astro: pages  seconds  ms/page | ratio');
for (const size of onlyLighthouse ? [] : sizes) {
  const site = copyProject(root, 'rg-bench-site-');
  const plain = plainAstroProject(size);
  try {
    writeCaseStudies(path.join(site.dir, 'content/caseStudies'), size);
    const ours = timedBuild(site.dir);
    const bare = timedBuild(plain.dir);
    const msPerPage = (r: { seconds: number; pages: number }) => ((r.seconds * 1000) / r.pages).toFixed(1);
    console.log(
      `${String(size).padStart(12)} | ${String(ours.pages).padStart(11)} ${ours.seconds.toFixed(1).padStart(8)} ${msPerPage(ours).padStart(8)} |` +
        ` ${String(bare.pages).padStart(18)} ${bare.seconds.toFixed(1).padStart(8)} ${msPerPage(bare).padStart(8)} | ${(ours.seconds / bare.seconds).toFixed(2)}×`,
    );
  } finally {
    site.remove();
    plain.remove();
  }
}

if (!process.argv.includes('--no-lighthouse')) {
  console.log('\nLighthouse, mobile, Debian Chromium (scores out of 100)\n');
  const build = spawnSync(process.execPath, [astroBin, 'build'], { cwd: root, env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(build.stderr);
  const server = await startLocalServer({ root, port: 0 });
  try {
    const caseStudy = readdirSync(path.join(root, 'dist/case-studies')).find(
      (name) => !['setting', 'index.html'].includes(name),
    );
    console.log('page                              | performance | accessibility | best practices | SEO');
    for (const pagePath of [
      '/',
      `/case-studies/${caseStudy}/`,
      '/refer/',
      '/refer/i-was-harmed/',
      '/volunteer/apply/',
    ]) {
      // Asynchronous: the server answering Lighthouse runs in this same process.
      const result = await run(
        path.join(root, 'node_modules/.bin/lighthouse'),
        [
          `${server.url}${pagePath}`,
          '--quiet',
          '--output=json',
          '--only-categories=performance,accessibility,best-practices,seo',
          '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
        ],
        { ...env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      );
      if (result.status !== 0) {
        // A page Lighthouse could not measure fails the benchmark: no figure is not a good figure.
        process.exitCode = 1;
        console.log(`${pagePath.padEnd(33)} | Lighthouse failed: ${result.stderr.split('\n').slice(-3).join(' ')}`);
        continue;
      }
      const { categories } = JSON.parse(result.stdout);
      const score = (key: string) => String(Math.round((categories[key]?.score ?? 0) * 100)).padStart(3);
      console.log(
        `${pagePath.padEnd(33)} | ${score('performance').padStart(11)} | ${score('accessibility').padStart(13)} | ${score('best-practices').padStart(14)} | ${score('seo')}`,
      );
    }
  } finally {
    await server.close();
  }
}
if (!onlyLighthouse) await benchFunctions();
process.exit(process.exitCode ?? 0);
