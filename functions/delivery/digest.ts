/**
 * Forms whose staff get a daily digest instead of an email each (the form's `delivery`
 * setting): their records wait in the store, and the sweep sends what is waiting in one email,
 * shuffled, once a day from the form's hour (UK time), when enough are waiting from earlier days
 * or the oldest has waited long enough. Each day's digest is claimed by a marker written `onlyIfNew`, so of any
 * number of sweeps one sends; a failed send gives the claim up, and the next sweep tries again.
 */
import { randomInt } from 'node:crypto';
import type { DigestSettings, ServerForm } from '../forms/definition.ts';
import { claimMarker } from '../records/markers.ts';
import { keptTime, ukDay } from '../records/day.ts';
import { openRecord, RecordProblem } from '../records/open.ts';
import { park, writeMetadata, type RecordMetadata, type Submission } from '../records/store.ts';
import { inboxFor } from '../settings/config.ts';
import { clockOf, type OutboxDeps } from '../settings/deps.ts';
import { logEvent } from '../settings/log.ts';
import { failureReason, type OutgoingMail } from './mail.ts';
import { confirm } from './deliver.ts';
import { staffEmail } from './messages.ts';
import { digestOf } from './when.ts';
import { escapeHtml } from '../../src/forms/render.ts';

const DAY_MS = 86_400_000;

/** The UK day (YYYY-MM-DD) and hour of an instant. */
export function ukDayAndHour(now: number): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(now));
  // Intl always gives each part asked for: no fallback is needed.
  const part = Object.fromEntries(parts.map(({ type, value }) => [type, value]));
  return { day: `${part.year}-${part.month}-${part.day}`, hour: Number(part.hour) };
}

/** Whether a digest of these waiting records may go now (claiming the day is still needed). */
export function digestDue(settings: DigestSettings, receivedAt: number[], now: number): boolean {
  if (receivedAt.length === 0 || ukDayAndHour(now).hour < settings.hour) return false;
  const oldest = Math.min(...receivedAt);
  return receivedAt.length >= settings.atLeast || now - oldest >= settings.orAfterDays * DAY_MS;
}

/** Fisher–Yates with a strong random source: the order says nothing about when each came. */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** The digest email: each submission as staff would read it alone, in the order given. */
export function digestEmail(
  form: ServerForm,
  submissions: Submission[],
  day: string,
  to: string,
  now = Date.now(),
): OutgoingMail {
  const parts = submissions.map((submission) =>
    staffEmail(form, submission.reference, submission.values, submission.receivedAt, to),
  );
  const count = `${submissions.length} ${form.noun}`;
  const intro = `${form.staffSubject}: ${count} from the website, in no particular order.`;
  return {
    to,
    tag: `digest-${form.id}-${day}`,
    subject: `${form.staffSubject}: ${count}, ${day}`,
    text: [intro, ...parts.map((part) => part.text)].join('\n\n----------\n\n'),
    html: `<p>${escapeHtml(intro)}</p>${parts.map((part) => part.html).join('<hr>')}`,
    // An anonymous form's digest is dated to its day, like everything else kept for it.
    ...(form.anonymous ? { date: new Date(keptTime(form, now)) } : {}),
  };
}

export interface Waiting {
  reference: string;
  metadata: RecordMetadata;
}

/**
 * Sends the digest of one form if it is due, marking its records delivered; the number sent.
 * Records that cannot be opened are parked and left out.
 */
export async function sendDigest(deps: OutboxDeps, form: ServerForm, waiting: Waiting[]): Promise<number> {
  const settings = digestOf(form);
  const now = clockOf(deps)();
  const { day } = ukDayAndHour(now);
  // Only what came on earlier days: a digest sent minutes after one arrived today would say
  // when it came. Today's wait for tomorrow's.
  const ready = waiting.filter((entry) => ukDay(Date.parse(entry.metadata.receivedAt)) < day);
  const received = ready.map((entry) => Date.parse(entry.metadata.receivedAt));
  if (!settings || !digestDue(settings, received, now)) return 0;
  const claim = `digest/${form.id}/${day}`;
  if (!(await claimMarker(deps.markers, claim, keptTime(form, now)))) return 0;
  const opened: { submission: Submission; text: string; metadata: RecordMetadata }[] = [];
  for (const { reference, metadata } of ready) {
    const text = await deps.store.get(reference, { type: 'text', consistency: 'strong' });
    if (text === null) continue;
    try {
      opened.push({ submission: openRecord(deps, reference, text), text, metadata });
    } catch (error) {
      if (!(error instanceof RecordProblem)) throw error;
      await park(deps, reference, text, metadata, error.reason);
    }
  }
  if (opened.length === 0) return 0;
  try {
    const to = inboxFor(deps.config, form);
    await deps.mailer.send(digestEmail(form, shuffled(opened.map((entry) => entry.submission)), day, to, now));
  } catch (error) {
    await deps.markers.delete(claim).catch(() => undefined);
    logEvent({ form: form.id, outcome: 'digest-failed', count: opened.length, reason: failureReason(error) }, 'error');
    return 0;
  }
  const deliveredAt = new Date(keptTime(form, now)).toISOString();
  for (const { submission, text, metadata } of opened) {
    await writeMetadata(deps, submission.reference, text, {
      ...metadata,
      status: 'delivered',
      attempts: (Number(metadata.attempts) || 0) + 1,
      lastFailure: undefined,
      deliveredAt,
    });
  }
  logEvent({ form: form.id, outcome: 'digest-delivered', count: opened.length });
  for (const { submission } of opened) await confirm(deps, submission);
  return opened.length;
}
