/**
 * `npm run content:report`: how readable every public page is, and the checks that keep
 * pages findable and accessible. Reads the built site in dist/ (run `npm run build` first).
 *
 * Targets: Flesch reading ease 60+ (plain English) on every page except the privacy notice and
 * accessibility statement, which follow set legal structures; 80+ on the easy read page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fleschReadingEase, mainText, readingEaseTarget } from '../src/lib/readability.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

const pages = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === 'index.html' && !e.parentPath.includes(`${path.sep}admin`))
  .map((e) => `/${path.relative(dist, e.parentPath).split(path.sep).join('/')}/`.replace('//', '/'))
  .filter((p) => !p.startsWith('/case-studies/setting/') && p !== '/search/')
  .sort();

let failures = 0;
console.log('page'.padEnd(58), 'words', ' score', ' target', ' other checks');
for (const page of pages) {
  const html = readFileSync(path.join(dist, page, 'index.html'), 'utf8');
  const { words, score } = fleschReadingEase(mainText(html));
  const target = readingEaseTarget(page);
  const problems: string[] = [];
  if (target !== undefined && score < target) problems.push(`reading ease below ${target}`);
  if (!/<meta name="description" content="[^"]{20,}"/.test(html)) problems.push('no meta description');
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  levels.forEach((level, i) => {
    if (i > 0 && level > levels[i - 1] + 1) problems.push(`heading h${levels[i - 1]} → h${level}`);
  });
  for (const img of html.matchAll(/<img\b[^>]*>/g))
    if (!/\salt="[^"]+"/.test(img[0])) problems.push('image without alt');
  if (problems.length) failures++;
  console.log(
    page.padEnd(58),
    String(words).padStart(5),
    score.toFixed(1).padStart(6),
    (target === undefined ? 'exempt' : `${target}+`).padStart(7),
    problems.length ? ` ✗ ${problems.join('; ')}` : ' ✓',
  );
}
console.log(`\n${pages.length} pages, ${failures} with problems.`);
process.exit(failures ? 1 : 0);
