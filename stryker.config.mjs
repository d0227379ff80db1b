// @ts-check
/**
 * Mutation testing (`npm run mutation`, not part of CI): Stryker makes small bugs in the
 * pipeline and the forms' logic and reruns the unit and in-process tests (Vitest) for each; a bug
 * no test notices "survives". scripts/mutation.ts runs this and prints the counts and the score,
 * counting static and ignored mutants as not killed.
 *
 * Wording kept as data (questions, hints, messages, staff wording) is not mutated: it is content,
 * and a mutant in a module-level object is "static" (it reruns the whole suite), thousands of them
 * for no test worth having. Logic lives in functions, which are mutated.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false, pool: 'threads' },
  coverageAnalysis: 'perTest',
  mutate: [
    'functions/**/*.ts',
    'functions/**/*.mts',
    'src/forms/**/*.ts',
    // Wording and settings as data: each form's questions and messages, and its server settings.
    '!src/forms/*/form.ts',
    '!src/forms/*/form.*.ts',
    '!src/forms/ui-english.ts',
    // The call-back form's questions, built when each language's module loads (so every mutant
    // in them would be static): data like a form.ts; its addresses are logic, in address.ts.
    '!src/forms/call-back/questions.ts',
    '!src/forms/builders.ts',
    '!functions/forms/*.ts',
    'functions/forms/definition.ts',
    'functions/forms/registry.ts',
  ],
  // Static mutants (in values made when a module loads: the functions' Netlify config, a few
  // names) are run too, each against the whole suite: there are few left (logic lives in
  // functions), and an ignored one would count as not killed anyway (scripts/mutation.ts).
  ignoreStatic: false,
  concurrency: 2,
  timeoutMS: 15_000,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['progress', 'clear-text', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  clearTextReporter: { reportMutants: true, reportTests: false, allowEmojis: false },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', '.data', '.astro', 'test-results', 'reports', 'screenshots', '.bench', 'playwright-report'],
  thresholds: { high: 90, low: 80, break: null },
};
