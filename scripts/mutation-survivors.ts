/**
 * `npm run mutation:survivors`: every mutant the last `npm run mutation` left alive (survived, or
 * run by no test), from reports/mutation/mutation.json, as the Markdown table in
 * docs/mutation-survivors.md. A mutant known to be equivalent (it changes no behaviour anyone
 * could notice) gets its reason from EQUIVALENT below; every other row is a test still to write.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

/** Equivalent mutants, by file, mutator and the code it replaces: why no test can tell them apart. */
const EQUIVALENT: { file: RegExp; mutator: string; original: RegExp; reason: string }[] = [
  {
    file: /./,
    mutator: 'Regex',
    original: /\\s\+/,
    reason: 'Whitespace runs are removed or collapsed either way: `\\s+` and `\\s` give the same text.',
  },
  {
    file: /digest\.ts$/,
    mutator: 'EqualityOperator',
    original: /i > 0/,
    reason: 'The shuffle’s last step (i = 0) swaps the first item with itself.',
  },
];

const root = path.resolve(import.meta.dirname, '..');
const report = JSON.parse(readFileSync(path.join(root, 'reports', 'mutation', 'mutation.json'), 'utf8')) as Report;
const rows: string[] = [];
let equivalent = 0;
for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const lines = source.split('\n');
  for (const mutant of mutants) {
    if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue;
    const { start, end } = mutant.location;
    const original =
      start.line === end.line
        ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
        : `${lines[start.line - 1].slice(start.column - 1)} …`;
    const known = EQUIVALENT.find(
      (rule) => rule.file.test(file) && rule.mutator === mutant.mutatorName && rule.original.test(original),
    );
    if (known) equivalent++;
    const cell = (text: string) =>
      `\`${text.replace(/\s+/g, ' ').trim().slice(0, 70).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
    rows.push(
      `| ${file}:${start.line} | ${mutant.status === 'Survived' ? 'survived' : 'no test'} | ${mutant.mutatorName} | ${cell(original)} → ${cell(mutant.replacement ?? '')} | ${known ? `equivalent: ${known.reason}` : 'to kill'} |`,
    );
  }
}
console.log(
  [
    '| where | status | mutator | code → mutant | why it lives |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `${rows.length} mutants alive: ${equivalent} equivalent, ${rows.length - equivalent} still to kill.`,
  ].join('\n'),
);
