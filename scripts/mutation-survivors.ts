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
const EQUIVALENT: {
  file: RegExp;
  mutator: string;
  original: RegExp;
  replacement?: RegExp;
  /** The whole source line the mutant is on, where the code alone is not enough to tell. */
  line?: RegExp;
  reason: string;
}[] = [
  {
    file: /./,
    mutator: 'StringLiteral',
    original: /^''$/,
    replacement: /^"Stryker was here!"$/,
    line: /(headers|searchParams)\.get\([^)]*\) \?\? ''/,
    reason:
      'A header or query value that is absent is read as empty text; the filler text is no content type, no accept value and no reference either, so both are answered alike.',
  },
  {
    file: /./,
    mutator: 'Regex',
    original: /\\s\+/,
    reason: 'Whitespace runs are removed or collapsed either way: `\\s+` and `\\s` give the same text.',
  },
  {
    file: /intake\/validate\.ts$/,
    mutator: 'ConditionalExpression',
    original: /^!shape\.success$/,
    replacement: /^false$/,
    reason:
      'For a body that is not an object of answers, `validate` is given the failed check’s data (undefined) and refuses it with the same answer, in the form’s own language (`unreadableAnswers`); the guard refuses such JSON before either runs.',
  },
  {
    file: /digest\.ts$/,
    mutator: 'EqualityOperator',
    original: /i > 0/,
    reason: 'The shuffle’s last step (i = 0) swaps the first item with itself.',
  },
  {
    file: /markers\.ts$/,
    mutator: 'StringLiteral',
    original: /^''$/,
    reason: 'A marker’s content is never read: only whether it exists, and its metadata.',
  },
  {
    file: /records\/markers\.ts$/,
    mutator: 'EqualityOperator',
    original: /^link > latest$/,
    reason: 'Keys in a store are unique, so no other link can equal the latest.',
  },
  {
    file: /records\/markers\.ts$/,
    mutator: 'ConditionalExpression',
    original: /^latest >= 0$/,
    replacement: /^true$/,
    reason: 'With no link yet, reading link -1 finds nothing and the claim goes on just the same.',
  },
  {
    file: /./,
    mutator: 'ObjectLiteral',
    original: /^\{ consistency: 'strong' \}$/,
    reason:
      'Only Netlify’s own Blobs service can read stale data; the local Blobs server every run here uses is always consistent, so no test can tell (the option stays for production).',
  },
  {
    file: /./,
    mutator: 'StringLiteral',
    original: /^'strong'$/,
    reason:
      'Only Netlify’s own Blobs service can read stale data; the local Blobs server every run here uses is always consistent, so no test can tell (the option stays for production).',
  },
  {
    file: /delivery\/sweep\.ts$/,
    mutator: 'EqualityOperator',
    original: /^Date\.now\(\) - started > budgetMs$/,
    reason: 'A sweep at exactly its budget’s last millisecond cannot be told from one a millisecond later.',
  },
  {
    file: /intake\/send\.ts$/,
    mutator: 'ArithmeticOperator',
    original: /^pause \* 2$|^performance\.now\(\) \+ pause$/,
    reason:
      'Only how often, and a pause longer, a second send of a token looks for the first one’s record; what it answers is the same.',
  },
  {
    file: /intake\/send\.ts$/,
    mutator: 'EqualityOperator',
    original: /^performance\.now\(\) \+ pause > deadline$/,
    reason: 'A look at exactly the deadline’s millisecond cannot be told from one a millisecond later.',
  },
  {
    file: /intake\/send\.ts$/,
    mutator: 'ConditionalExpression',
    original: /^delivery$|^sameKey$/,
    replacement: /^true$/,
    reason:
      'Where there is nothing (a digest form’s delivery, a form with no same-answers marker), waiting for it or deleting it does nothing.',
  },
  {
    file: /equality\/report\.ts$/,
    mutator: 'ArrayDeclaration',
    original: /^\[\]$/,
    reason:
      'A made-up extra entry in the lists being gathered is no key in the store: it is read as missing and passed by.',
  },
  {
    file: /equality\/report\.ts$/,
    mutator: 'MethodExpression',
    original: /entries\.map\(\(entry\) => entry\.month\)\.sort\(\)/,
    reason: 'The store lists keys in order and each key holds its month, so the months already arrive sorted.',
  },
  {
    file: /equality\/report\.ts$/,
    mutator: 'ObjectLiteral|BooleanLiteral|ConditionalExpression',
    original: /onlyIfNew: true|^true$|^written\.modified$/,
    reason:
      'A report’s key is its form and last month, and a month’s answers are counted only once it is over, so a second write holds the same answers; sending it is claimed once anyway.',
  },
  {
    file: /src\/forms\/fields\.ts$/,
    mutator: 'ConditionalExpression',
    original: /^key !== undefined$/,
    replacement: /^true$/,
    reason:
      'No record of options or paths has a key named “undefined”, which is what an absent key would then look up.',
  },
  {
    file: /src\/forms\/fields\.ts$/,
    mutator: 'Regex',
    original: /^\/\^\(\?=\.\{3,254\}\$\)/,
    reason:
      'Every email question is limited to 254 characters (src/forms/builders.ts), checked before the pattern, so the pattern’s own upper bound is never the one that refuses.',
  },
  {
    file: /src\/forms\/fields\.ts$/,
    mutator: 'BooleanLiteral',
    original: /^false$/,
    line: /clean\(item, false\)/,
    reason:
      'A ticked option with a line break in it is no option either way: kept or turned into a space, it is refused.',
  },
  {
    file: /src\/forms\/fields\.ts$/,
    mutator: 'ConditionalExpression',
    original: /^typeof input !== 'object'$/,
    replacement: /^false$/,
    reason:
      'Text or a number sent as the answers has no answer under any question’s name, so nothing is shown back either way.',
  },
  {
    file: /src\/forms\/render\.ts$/,
    mutator: 'ConditionalExpression|LogicalOperator',
    original: /^audienceField && ctx\.speaker\.audience$|^audience && own\(audience\.paths, speaker\.audience\)$/,
    reason:
      'speakerFor gives only an audience the form offers, or none; with none, an audience answer of nothing holds no condition, just as no answer does, so the second look-up always agrees.',
  },
  {
    file: /src\/forms\/render\.ts$/,
    mutator: 'ArrayDeclaration|StringLiteral|ConditionalExpression',
    original: /^\[\]$|^''$|^typeof value === 'string'$/,
    line: /renderChoices\(ctx, field, value \?\? \[\]|renderConfirm\(ctx, field, typeof value === 'string'|except: string\[\] = \[\]/,
    reason:
      'A question with no answer yet: a made-up answer ticks no option and fills no box a person sees, and no question is named like it to be left out.',
  },
  {
    file: /functions\/intake\/pages\.ts$/,
    mutator: 'MethodExpression',
    original: /filter\(Boolean\)/,
    reason: 'path.join drops the empty parts a leading or trailing slash leaves, so the file read is the same.',
  },
  {
    file: /functions\/intake\/(too-many|http)\.ts$/,
    mutator: 'StringLiteral',
    original: /^'0'$/,
    reason: "No declared length is read as 0 either way: Number('') is 0 too.",
  },
  {
    file: /functions\/intake\/too-many\.ts$/,
    mutator: 'BlockStatement',
    original: /^\{/,
    line: /catch \{/,
    reason: 'A post that cannot be read names no language, and a post naming none is answered in English anyway.',
  },
  {
    file: /functions\/delivery\/confirmation-limit\.ts$/,
    mutator: 'EqualityOperator',
    original: /^at < 0$/,
    reason:
      'Only an address beginning with “@” tells the two apart, and the email question refuses one before anything is sent.',
  },
  {
    file: /functions\/delivery\/when\.ts$/,
    mutator: 'ConditionalExpression',
    original: /^typeof form\.delivery === 'object'$/,
    reason: 'The only other setting is the text “immediate”, which has no digest either.',
  },
  {
    file: /functions\/equality\/answers\.ts$/,
    mutator: 'ObjectLiteral|BooleanLiteral',
    original: /^\{ onlyIfNew: true \}$|^true$/,
    line: /onlyIfNew: true/,
    reason: 'Each answer’s key ends in 12 random bytes: no second answer is ever written to the same key.',
  },
  {
    file: /functions\/equality\/answers\.ts$/,
    mutator: 'ObjectLiteral',
    original: /^\{ type: 'text', consistency: 'strong' \}$/,
    reason:
      'Blobs returns text when no type is asked for, and the local Blobs server every run here uses is always consistent.',
  },
  {
    file: /functions\/delivery\/messages\.ts$/,
    mutator: 'ConditionalExpression|LogicalOperator',
    original: /field\.kind !== 'radios' && field\.kind !== 'checkboxes'|^value === undefined$/,
    line: /field\.kind !== 'radios' && field\.kind !== 'checkboxes'\) \|\| value === undefined/,
    reason:
      'The early return only skips a look-up that finds nothing: staff words name choices (“field=value”), so a typed answer, or none, reads the same either way.',
  },
  {
    file: /functions\/delivery\/messages\.ts$/,
    mutator: 'ArrayDeclaration',
    original: /^\[\]$/,
    line: /new Set\(\(form\.actFirst \?\? \[\]\)/,
    reason: 'A made-up name among the questions to put first names no question, so nothing moves.',
  },
  {
    file: /functions\/intake\/http\.ts$/,
    mutator: 'ConditionalExpression',
    original: /^size <= MAX_BODY_BYTES$/,
    reason:
      'A post past the limit is refused with 413 either way; keeping its extra bytes until then only costs memory.',
  },
  {
    file: /functions\/records\/seal\.ts$/,
    mutator: 'StringLiteral',
    original: /^'utf8'$|^''$/,
    reason:
      'An empty encoding name is read as UTF-8, the default; a key part that is missing is refused as not 32 bytes whatever stands in for it.',
  },
  {
    file: /functions\/settings\/log\.ts$/,
    mutator: 'StringLiteral',
    original: /^'info'$/,
    reason: 'Only “error” goes to the error stream: any other level, an empty one too, is information.',
  },
  {
    file: /functions\/records\/open\.ts$/,
    mutator: 'ConditionalExpression|BlockStatement',
    original: /^typeof value === 'object'$|^typeof submission !== 'object'$|^\{/,
    line: /typeof value === 'object'|typeof submission !== 'object'|\} catch \{/,
    reason:
      'Each check is repeated by the one after it: a text or number has no string kid, iv, tag or data, and no form; text that is not JSON leaves nothing sealed. The record is refused for the same reason either way.',
  },
  {
    file: /src\/forms\/render\.ts$/,
    mutator: 'MethodExpression',
    original: /^parts\.filter\(Boolean\)$/,
    reason:
      'A condition on a question without choices adds an empty part: joined in, it is only a space at the start of the note, which no page shows.',
  },
  {
    file: /functions\/delivery\/mail\.ts$/,
    mutator: 'StringLiteral',
    original: /^'tls'$/,
    line: /searchParams\.delete\('tls'\)/,
    reason:
      'Left in the address, nodemailer reads ?tls=required as a `tls` option that is a word, not settings: its letters spread into the TLS options as numbered keys, which TLS ignores, so the connection is made alike. Taking it out keeps our parameter out of nodemailer’s options all the same.',
  },
  {
    file: /functions\/intake\/no-script\.ts$|src\/forms\/render\.ts$/,
    mutator: 'StringLiteral',
    original: /^''$/,
    line: /messages\.required\) \?\? ''|own\(audience\.captions, chosen\) \?\? ''/,
    reason:
      'Never reached: every form that asks who it is for words what to do when nobody is chosen and captions each answer’s page (tests/unit/forms.spec.ts, “every form that asks who it is for…”); the fallback only satisfies the types.',
  },
  {
    file: /functions\/settings\/config\.ts$/,
    mutator: 'MethodExpression',
    original: /^readFileSync\(file, 'utf8'\)\.trim\(\)$/,
    reason:
      'The local key file is read as a keyring, and parseKeyring trims each key it holds: a line break at the end of the file is dropped either way, and a file of blank lines is refused as holding no key either way.',
  },
  {
    file: /functions\/intake\/(proof|token)\.ts$/,
    mutator: 'MethodExpression',
    original: /digest\('base64url'\)\.slice\(0, 22\)/,
    reason:
      'Each is checked against one made the same way, so a fingerprint of any length matches itself; the cut only keeps addresses and pages short.',
  },
];

const root = path.resolve(import.meta.dirname, '..');
// Another run's report (a run of a few files) may be named in MUTATION_REPORT.
const reportFile = process.env.MUTATION_REPORT ?? path.join(root, 'reports', 'mutation', 'mutation.json');
const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
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
      (rule) =>
        rule.file.test(file) &&
        new RegExp(`^(?:${rule.mutator})$`).test(mutant.mutatorName) &&
        rule.original.test(original) &&
        (!rule.replacement || rule.replacement.test(mutant.replacement ?? '')) &&
        (!rule.line || rule.line.test(lines[start.line - 1])),
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
