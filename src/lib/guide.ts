/**
 * The "Could restorative justice help me?" guide is content: steps that point to each other.
 * A broken guide would strand a visitor mid-way, so the build checks it: there is a start,
 * every answer leads to a step that exists, every step is a question or an ending, and every
 * path from the start reaches an ending.
 */
export interface GuideStep {
  id: string;
  answers: { label: string; next: string }[];
  actions: { kind: string; label: string; href?: string }[];
}

export const GUIDE_START = 'start';
/** The guide's first question. */
export const GUIDE_PATH = '/could-it-help/';
/** The guide's name, in each step's tab title and above its first question. */
export const GUIDE_TITLE = 'Could restorative justice help you?';

export function guideProblems(steps: GuideStep[]): string[] {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const problems: string[] = [];
  if (!byId.has(GUIDE_START)) problems.push(`content/guide/${GUIDE_START}.md is missing: the guide starts there`);
  for (const step of steps) {
    if (step.answers.length === 0 && step.actions.length === 0)
      problems.push(`content/guide/${step.id}.md has neither answers nor next steps`);
    for (const answer of step.answers) {
      if (!byId.has(answer.next))
        problems.push(
          `content/guide/${step.id}.md: the answer “${answer.label}” leads to “${answer.next}”, which does not exist`,
        );
    }
    for (const action of step.actions) {
      if (action.kind !== 'phone' && !action.href)
        problems.push(`content/guide/${step.id}.md: the next step “${action.label}” needs “Link to”`);
    }
  }
  // Every path reaches an ending: no step can be reached from which no ending can be reached.
  const reachesEnding = new Map<string, boolean>();
  const visit = (id: string, trail: Set<string>): boolean => {
    if (reachesEnding.has(id)) return reachesEnding.get(id)!;
    const step = byId.get(id);
    if (!step || trail.has(id)) return false;
    const ok = step.answers.length === 0 || step.answers.every((answer) => visit(answer.next, new Set([...trail, id])));
    reachesEnding.set(id, ok);
    return ok;
  };
  if (byId.has(GUIDE_START) && !visit(GUIDE_START, new Set()))
    problems.push(
      'content/guide: some answers lead round in a circle or to nowhere, so not every path reaches an ending',
    );
  return problems;
}
