/** Counts from Stryker's JSON report (mutation-testing-report-schema), by folder. */
export interface MutantReport {
  files: Record<string, { mutants: { status: string; static?: boolean }[] }>;
}

const KINDS = ['Killed', 'Survived', 'Timeout', 'NoCoverage', 'Ignored', 'RuntimeError', 'CompileError'] as const;

export interface MutantCounts {
  total: number;
  byStatus: Record<(typeof KINDS)[number], number>;
  /** Killed or timed out, over every mutant but those that did not compile or run. */
  score: number;
}

export function countMutants(report: MutantReport, prefix = ''): MutantCounts {
  const byStatus = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as MutantCounts['byStatus'];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    if (!file.replaceAll('\\', '/').startsWith(prefix)) continue;
    for (const mutant of mutants) if (mutant.status in byStatus) byStatus[mutant.status as keyof typeof byStatus]++;
  }
  const valid = byStatus.Killed + byStatus.Survived + byStatus.Timeout + byStatus.NoCoverage + byStatus.Ignored;
  const total = valid + byStatus.RuntimeError + byStatus.CompileError;
  const score = valid === 0 ? 0 : (100 * (byStatus.Killed + byStatus.Timeout)) / valid;
  return { total, byStatus, score };
}

export function summariseMutants(report: MutantReport, folders: string[]): string[] {
  const row = (name: string, c: MutantCounts) =>
    `${name.padEnd(12)} ${String(c.total).padStart(6)} ${String(c.byStatus.Killed).padStart(7)} ${String(c.byStatus.Survived).padStart(9)} ${String(c.byStatus.Timeout).padStart(9)} ${String(c.byStatus.NoCoverage).padStart(12)} ${String(c.byStatus.Ignored).padStart(8)} ${String(c.byStatus.RuntimeError + c.byStatus.CompileError).padStart(7)} ${c.score.toFixed(1).padStart(7)}%`;
  return [
    `${'folder'.padEnd(12)} ${'made'.padStart(6)} ${'killed'.padStart(7)} ${'survived'.padStart(9)} ${'timed out'.padStart(9)} ${'no coverage'.padStart(12)} ${'ignored'.padStart(8)} ${'errors'.padStart(7)} ${'score'.padStart(8)}`,
    ...folders.map((folder) => row(folder, countMutants(report, folder))),
    row('all', countMutants(report)),
    '',
    'Score: killed and timed out over all valid mutants; static and ignored mutants count as not killed.',
    'Errors: mutants that broke the code so its tests could not load or compile; made, but not in the score.',
  ];
}
