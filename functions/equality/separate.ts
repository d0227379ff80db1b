/**
 * Equality monitoring answers are never stored or emailed with the application they came with.
 * They are written apart, each under a random key with only its month, and staff receive counts:
 * one email for a period once at least MIN_TO_REPORT people have answered in it (fewer could
 * point to one applicant), after which the answers are deleted. Nothing links an answer to a
 * name, a reference or a time of day.
 */
import type { Store } from '@netlify/blobs';
import { randomBytes } from 'node:crypto';
import type { ServerForm } from '../forms/definition.ts';
import { allFields, describeAnswer, say, type Values } from '../../src/forms/fields.ts';
import { claimMarker } from '../records/markers.ts';
import type { OutgoingMail } from '../delivery/mail.ts';

export const MIN_TO_REPORT = 5;
const PREFIX = 'equality/';

function monthOf(ms: number) {
  return new Date(ms).toISOString().slice(0, 7);
}
function startOfMonth(month: string) {
  return Date.parse(`${month}-01T00:00:00Z`);
}

/** Splits the answers to keep with the submission from those to keep apart. */
export function splitSeparate(form: ServerForm, values: Values): { kept: Values; apart: Values } {
  const separate = new Set(
    allFields(form)
      .filter((field) => field.separate)
      .map((field) => field.name),
  );
  const kept: Values = {};
  const apart: Values = {};
  for (const [name, value] of Object.entries(values)) (separate.has(name) ? apart : kept)[name] = value;
  return { kept, apart };
}

/** Writes the answers kept apart, if there are any. The key says the form and month, nothing else. */
export async function keepApart(markers: Store, form: ServerForm, apart: Values, now: number): Promise<void> {
  if (Object.keys(apart).length === 0) return;
  const month = monthOf(now);
  const key = `${PREFIX}${form.id}/${month}/${randomBytes(12).toString('hex')}`;
  // Dated to the start of the month, so not even the store's own metadata says when.
  await markers.set(key, JSON.stringify(apart), { onlyIfNew: true, metadata: { at: startOfMonth(month) } });
}

/** The counts email for one form and period. */
export function equalityReport(
  form: ServerForm,
  answers: Values[],
  period: { from: string; to: string },
  to: string,
): OutgoingMail {
  const fields = allFields(form).filter((field) => field.separate);
  const lines = fields.map((field) => {
    const counts = new Map<string, number>();
    for (const answer of answers) {
      const words = describeAnswer(field, answer[field.name]);
      counts.set(words, (counts.get(words) ?? 0) + 1);
    }
    const rows = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([words, n]) => `  ${words}: ${n}`);
    return `${say(field.summaryLabel ?? field.label)}\n${rows.join('\n')}`;
  });
  const range = period.from === period.to ? period.from : `${period.from} to ${period.to}`;
  const text = [
    `Equality monitoring for ${form.noun}s, ${range}: ${answers.length} people answered at least one question.`,
    'These counts are all that is kept: the answers were never linked to any application, and have now been deleted.',
    ...lines,
  ].join('\n\n');
  return {
    to,
    tag: `equality-${form.id}-${period.to}`,
    subject: `Equality monitoring counts: ${form.title}, ${range}`,
    text,
    html: `<pre style="font-family:Arial,sans-serif;font-size:16px">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`,
  };
}

/**
 * Run by every sweep: for each form, once the answers from months before this one number at
 * least MIN_TO_REPORT, sends their counts and deletes them. Fewer wait and join the next month.
 * A failed send gives up its claim, so the next sweep tries again.
 */
export async function reportSeparateAnswers(
  deps: {
    markers: Store;
    forms: Readonly<Record<string, ServerForm>>;
    send(mail: OutgoingMail): Promise<unknown>;
    inboxFor(form: ServerForm): string;
  },
  now: number,
): Promise<number> {
  const current = monthOf(now);
  const { blobs } = await deps.markers.list({ prefix: PREFIX });
  const byForm = new Map<string, { key: string; month: string }[]>();
  for (const { key } of blobs) {
    const [formId, month] = key.slice(PREFIX.length).split('/');
    if (!deps.forms[formId] || !month || month >= current) continue;
    byForm.set(formId, [...(byForm.get(formId) ?? []), { key, month }]);
  }
  let reported = 0;
  for (const [formId, entries] of byForm) {
    if (entries.length < MIN_TO_REPORT) continue;
    const form = deps.forms[formId];
    const months = entries.map((entry) => entry.month).sort();
    const period = { from: months[0], to: months[months.length - 1] };
    const claim = `equality-report/${formId}/${period.to}`;
    if (!(await claimMarker(deps.markers, claim, now))) continue;
    try {
      const answers: Values[] = [];
      for (const { key } of entries) {
        const text = await deps.markers.get(key, { type: 'text', consistency: 'strong' });
        if (text) answers.push(JSON.parse(text) as Values);
      }
      await deps.send(equalityReport(form, answers, period, deps.inboxFor(form)));
    } catch (error) {
      await deps.markers.delete(claim).catch(() => undefined);
      throw error;
    }
    for (const { key } of entries) await deps.markers.delete(key);
    reported++;
  }
  return reported;
}
