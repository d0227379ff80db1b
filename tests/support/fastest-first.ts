import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The mutation run's order of test files (vitest.mutation.config.ts). Stryker stops at a mutant's
 * first failing test, so the files that fail soonest go first: those that failed last time (the
 * next mutant is most often in the same function), then the quickest. Vitest's own order runs the
 * longest first, which suits many workers and no bail; here there is one worker and a bail.
 */
export default class FastestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const results = new Map(files.map((spec) => [spec, this.ctx.cache.getTestSpecificationResult(spec)]));
    return [...files].sort((a, b) => {
      const [first, second] = [results.get(a), results.get(b)];
      // Not run yet: after those that have.
      if (!first || !second) return Number(!first) - Number(!second);
      if (first.failed !== second.failed) return first.failed ? -1 : 1;
      return first.duration - second.duration;
    });
  }
}
