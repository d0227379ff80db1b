/**
 * Counts of equality answers that cannot point to anyone. Staff see, for each question, how
 * many people gave each answer, but no count under MIN_TO_REPORT can be read or worked out:
 *
 * - every answer is listed, including those nobody gave, and every count from 0 to 4 is shown
 *   as "fewer than 5", so a listed answer does not say that someone gave it;
 * - the report says how many people answered, so the hidden counts of a question add up to a
 *   known figure. Where that would give a hidden count away (one hidden count, or hidden counts
 *   that can only all be 4), the smallest count that is shown is hidden too, as "not shown";
 *   a count of 5 or more hidden beside them leaves any of them anywhere from 0 to 4;
 * - where that is still not enough, the question's counts are left out altogether.
 *
 * Each answer is counted in one report only (report.ts deletes them as it reports), so nothing
 * can be worked out by comparing periods. A count of 0 can sometimes be worked out; it points to
 * no one.
 */
import type { Field, Values } from '../../src/forms/fields.ts';
import { say } from '../../src/forms/fields.ts';

export const MIN_TO_REPORT = 5;

export interface Cell {
  answer: string;
  count: number;
}

/** How many gave each answer to a single-choice question, every option listed, then "Not given". */
export function tally(field: Field, answers: Values[]): Cell[] {
  if (field.kind !== 'radios') throw new Error(`Equality question "${field.name}" must be a single choice`);
  const count = (test: (value: Values[string]) => boolean) =>
    answers.filter((answer) => test(answer[field.name])).length;
  return [
    ...field.options.map((option) => ({ answer: say(option.label), count: count((value) => value === option.value) })),
    { answer: 'Not given', count: count((value) => value === undefined || value === '') },
  ];
}

/**
 * Whether a count under MIN_TO_REPORT among the hidden ones could be worked out from their
 * total (known from the number who answered less the counts shown). With a hidden count of 5
 * or more among them, none can be pinned above 0. Without one, each is pinned only when there
 * is just one, or when they add up to 4 each.
 */
export function givesAway(hiddenSmall: number[], hiddenLarge: number): boolean {
  if (hiddenLarge > 0) return false;
  const total = hiddenSmall.reduce((sum, count) => sum + count, 0);
  return total > 0 && (hiddenSmall.length === 1 || total === (MIN_TO_REPORT - 1) * hiddenSmall.length);
}

export type Shown = number | 'fewer than 5' | 'not shown';

/** What a question's counts may show; undefined when none of them may be shown. */
export function protect(cells: Cell[]): { answer: string; shown: Shown }[] | undefined {
  const small = new Set(cells.flatMap((cell, index) => (cell.count < MIN_TO_REPORT ? [index] : [])));
  const large = new Set<number>();
  const smallCounts = () => [...small].map((index) => cells[index].count);
  while (givesAway(smallCounts(), large.size)) {
    let next = -1;
    cells.forEach((cell, index) => {
      if (!small.has(index) && !large.has(index) && (next < 0 || cell.count < cells[next].count)) next = index;
    });
    if (next < 0) return undefined;
    large.add(next);
  }
  return cells.map((cell, index) => ({
    answer: cell.answer,
    shown: small.has(index) ? 'fewer than 5' : large.has(index) ? 'not shown' : cell.count,
  }));
}
