/**
 * The equality counts, run by every sweep. For each form, once the answers from months that have
 * ended number at least MIN_TO_REPORT people, their counts (counts.ts) are sealed into a report
 * in the equality store together with the keys it covers; the answers are deleted; then the
 * report is emailed to the form's inbox and deleted. Fewer than MIN_TO_REPORT wait and join later
 * months; answers still uncounted a year on are deleted uncounted (MAX_AGE_MONTHS).
 *
 * So each answer is counted once: a report that fails to send is tried again by the next sweep
 * (its answers already gone, its counts kept), and a claim in the markers store means that of
 * sweeps running at once only one sends it.
 */
import type { Store } from '@netlify/blobs';
import type { ServerForm } from '../forms/definition.ts';
import type { OutgoingMail } from '../delivery/mail.ts';
import { allFields, say, type Values } from '../../src/forms/fields.ts';
import { escapeHtml } from '../../src/forms/render.ts';
import { claimMarker } from '../records/markers.ts';
import { seal, type Keyring } from '../records/seal.ts';
import { monthOf, monthsBetween, parseAnswerKey, readAnswers, readSealed, type AnswerKey } from './answers.ts';
import { MIN_TO_REPORT, protect, tally } from './counts.ts';

/** Answers still uncounted in the month this many months after their own are deleted: a year at most. */
export const MAX_AGE_MONTHS = 12;

export interface EqualityDeps {
  equality: Store;
  markers: Store;
  keyring: Keyring;
  forms: Readonly<Record<string, ServerForm>>;
  send(mail: OutgoingMail): Promise<unknown>;
  inboxFor(form: ServerForm): string;
}

/** The counts email for one form and period. */
export function equalityReport(
  form: ServerForm,
  answers: Values[],
  period: { from: string; to: string },
  to: string,
): OutgoingMail {
  const questions = allFields(form)
    .filter((field) => field.separate)
    .map((field) => {
      const rows = protect(tally(field, answers));
      const body = rows
        ? rows.map(({ answer, shown }) => `  ${answer}: ${shown}`)
        : ['  Not shown: too few answers to show any count without pointing to someone.'];
      return [say(field.summaryLabel ?? field.label), ...body].join('\n');
    });
  const range = period.from === period.to ? period.from : `${period.from} to ${period.to}`;
  const text = [
    `Equality monitoring for ${form.noun}s, ${range}: ${answers.length} people answered at least one question.`,
    `Counts from 0 to ${MIN_TO_REPORT - 1} are shown as "fewer than ${MIN_TO_REPORT}". "Not shown" hides one more count, so that a small count cannot be worked out from the total.`,
    'These counts are all that is kept: the answers were never linked to any application, and have now been deleted.',
    ...questions,
  ].join('\n\n');
  return {
    to,
    tag: `equality-${form.id}-${period.to}`,
    subject: `Equality monitoring counts: ${form.title}, ${range}`,
    text,
    html: `<pre style="font-family:Arial,sans-serif;font-size:16px">${escapeHtml(text)}</pre>`,
  };
}

interface PendingReport {
  form: string;
  covers: string[];
  mail: OutgoingMail;
}

function reportKey(formId: string, to: string) {
  return `report/${formId}/${to}`;
}

/** Deletes a report's answers, sends it and deletes it; false when another sweep holds it. */
async function sendReport(deps: EqualityDeps, key: string, report: PendingReport, now: number): Promise<boolean> {
  const claim = `equality-${key}`;
  if (!(await claimMarker(deps.markers, claim, now))) return false;
  try {
    for (const answer of report.covers) await deps.equality.delete(answer);
    await deps.send(report.mail);
  } catch (error) {
    await deps.markers.delete(claim).catch(() => undefined);
    throw error;
  }
  await deps.equality.delete(key);
  return true;
}

/** Counts and reports what is due; the number of reports sent. */
export async function reportSeparateAnswers(deps: EqualityDeps, now: number): Promise<number> {
  const current = monthOf(now);
  const { blobs } = await deps.equality.list();
  const pending: string[] = [];
  const answers: AnswerKey[] = [];
  for (const { key } of blobs) {
    if (key.startsWith('report/')) pending.push(key);
    const answer = parseAnswerKey(key);
    if (!answer) continue;
    if (monthsBetween(answer.month, current) >= MAX_AGE_MONTHS) await deps.equality.delete(key);
    else answers.push(answer);
  }
  const reports = new Map<string, PendingReport>();
  for (const key of pending) {
    const report = await readSealed<PendingReport>(deps.equality, deps.keyring, key);
    if (report) reports.set(key, report);
  }
  const covered = new Set([...reports.values()].flatMap((report) => report.covers));

  const byForm = new Map<string, AnswerKey[]>();
  for (const answer of answers) {
    if (!Object.hasOwn(deps.forms, answer.form) || answer.month >= current || covered.has(answer.key)) continue;
    byForm.set(answer.form, [...(byForm.get(answer.form) ?? []), answer]);
  }
  for (const [formId, entries] of byForm) {
    const values: Values[] = [];
    for (const { key } of entries) {
      const opened = await readAnswers(deps.equality, deps.keyring, key);
      if (opened) values.push(opened);
    }
    if (values.length < MIN_TO_REPORT) continue;
    const form = deps.forms[formId];
    const months = entries.map((entry) => entry.month).sort();
    const period = { from: months[0], to: months[months.length - 1] };
    const key = reportKey(formId, period.to);
    const report: PendingReport = {
      form: formId,
      covers: entries.map((entry) => entry.key),
      mail: equalityReport(form, values, period, deps.inboxFor(form)),
    };
    const once = { onlyIfNew: true };
    const written = await deps.equality.setJSON(key, seal(deps.keyring, JSON.stringify(report), key), once);
    if (written.modified) reports.set(key, report);
  }

  let sent = 0;
  let failure: unknown;
  for (const [key, report] of reports) {
    try {
      if (await sendReport(deps, key, report, now)) sent++;
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return sent;
}
