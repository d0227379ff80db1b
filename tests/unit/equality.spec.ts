import { afterEach, beforeEach, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sweep } from '../../functions/delivery/sweep.ts';
import { keepApart, monthsBetween, parseAnswerKey, readAnswers } from '../../functions/equality/answers.ts';
import { givesAway, MIN_TO_REPORT, protect, tally, type Cell, type Shown } from '../../functions/equality/counts.ts';
import { equalityReport, reportSeparateAnswers, type EqualityDeps } from '../../functions/equality/report.ts';
import volunteerApplicationForm from '../../functions/forms/volunteer-application.ts';
import { openRecord } from '../../functions/records/open.ts';
import { allFields, type ChoiceField, type Field, type Values } from '../../src/forms/fields.ts';
import { logsOf } from '../support/logs.ts';
import { checkThenSend, startPipeline, VOLUNTEER_ANSWERS as VOLUNTEER, type Pipeline } from '../support/pipeline.ts';
import { decode } from '../support/smtp.ts';
import { overriding } from '../support/stores.ts';

/**
 * Equality monitoring answers (volunteer applications): never with the application, sealed in
 * their own store under a key with only the form and month, counted once at least five people
 * have answered in months that have ended, reported so that no count under five can be read or
 * worked out, then deleted; deleted uncounted after a year.
 */
const DAY = 86_400_000;
const form = volunteerApplicationForm;
let pipeline: Pipeline;
beforeEach(async () => {
  pipeline = await startPipeline();
});
afterEach(async () => pipeline.stop());

const reportsSent = () =>
  pipeline.mail.received.filter((mail) => decode(mail.raw).includes('Equality monitoring counts'));

async function apply(count: number, answers: (i: number) => Record<string, string>) {
  const references: string[] = [];
  await logsOf(async () => {
    for (let i = 0; i < count; i++) {
      const sent = await checkThenSend(pipeline, form, {
        ...VOLUNTEER,
        email: `applicant.${i}@example.org`,
        ...answers(i),
      });
      expect(sent.status).toBe(201);
      references.push(((await sent.json()) as { reference: string }).reference);
    }
    await pipeline.settle();
  });
  return references;
}

/** Every file under a folder, as text. */
function filesUnder(dir: string): { file: string; text: string; mtime: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file, text: readFileSync(file, 'latin1'), mtime: statSync(file).mtimeMs };
    });
}

test('equality answers never travel with the application, are unreadable in their store, and five people’s are counted once their month has ended', async () => {
  const outbox = pipeline.deps.outbox;
  const references = await apply(5, (i) => ({
    ethnicity: i < 3 ? 'mixed' : 'prefer-not-to-say',
    gender: 'woman',
  }));
  for (const reference of references) {
    const record = await outbox.store.get(reference, { type: 'text', consistency: 'strong' });
    const opened = openRecord(outbox, reference, record!);
    expect(Object.keys(opened.values)).not.toContain('ethnicity');
    expect(Object.keys(opened.values)).not.toContain('gender');
    const staff = pipeline.mail.received.find((mail) => decode(mail.raw).includes(`[${reference}]`))!;
    expect(decode(staff.raw)).not.toMatch(/ethnic|Mixed or multiple|Woman/i);
  }
  // In their own store, not the markers; keys with the form, a month and random letters only.
  expect((await outbox.markers.list()).blobs.filter(({ key }) => /equality|answer/.test(key))).toEqual([]);
  const { blobs } = await outbox.equality.list();
  expect(blobs).toHaveLength(5);
  for (const { key } of blobs) {
    expect(key).toMatch(/^answer\/volunteer-application\/\d{4}-\d{2}\/[0-9a-f]{24}$/);
    for (const reference of references) expect(key).not.toContain(reference);
    // Sealed: the key opens them, and nothing else is written beside them.
    expect(await readAnswers(outbox.equality, pipeline.config.keyring, key)).toMatchObject({ gender: 'woman' });
    expect((await outbox.equality.getMetadata(key))?.metadata).toEqual({});
  }
  // On disk, nothing of the answers can be read without the key.
  const raw = filesUnder(pipeline.blobsDir).filter(({ file }) => file.includes('equality'));
  expect(raw.length).toBeGreaterThanOrEqual(5);
  for (const { text } of raw) expect(text).not.toMatch(/woman|mixed|prefer-not|ethnicity|gender/i);

  // Nothing is counted during the month; once it is over, one email of counts, then the answers go.
  await logsOf(() => sweep(outbox));
  expect(reportsSent()).toHaveLength(0);
  pipeline.advance(32 * DAY);
  await logsOf(async () => {
    await sweep(outbox);
    await sweep(outbox);
  });
  expect(reportsSent()).toHaveLength(1);
  const report = decode(reportsSent()[0].raw);
  expect(report).toMatch(/5 people answered at least one question/);
  expect(report).toMatch(/Woman: 5/);
  // Three and two: both under five, so neither is shown, and no other count gives them away.
  expect(report).toMatch(/Mixed or multiple ethnic groups: fewer than 5/);
  expect(report).toMatch(/Prefer not to say: fewer than 5/);
  expect(report).not.toMatch(/^  .*: [1-4]$/m);
  expect(report).not.toMatch(/applicant\.|RG-/);
  expect(reportsSent()[0].to).toEqual(['volunteers@test.invalid']);
  expect((await outbox.equality.list()).blobs).toHaveLength(0);
});

test('four people’s equality answers in a month are not counted: they wait for a fifth, and join a later month', async () => {
  const outbox = pipeline.deps.outbox;
  await apply(4, () => ({ ethnicity: 'white' }));
  pipeline.advance(32 * DAY);
  await logsOf(() => sweep(outbox));
  expect(reportsSent()).toHaveLength(0);
  expect((await outbox.equality.list()).blobs).toHaveLength(4);
  // A fifth the month after: once that month has ended too, the five are counted together.
  await apply(1, () => ({ ethnicity: 'white' }));
  await logsOf(() => sweep(outbox));
  expect(reportsSent()).toHaveLength(0);
  pipeline.advance(32 * DAY);
  await logsOf(() => sweep(outbox));
  expect(reportsSent()).toHaveLength(1);
  const report = decode(reportsSent()[0].raw);
  expect(report).toMatch(/ \d{4}-\d{2} to \d{4}-\d{2}: 5 people answered/);
  expect(report).toMatch(/White: 5/);
});

test('each answer is counted in one report only, so periods cannot be compared to find one person', async () => {
  const outbox = pipeline.deps.outbox;
  await apply(6, () => ({ gender: 'man' }));
  pipeline.advance(32 * DAY);
  await logsOf(() => sweep(outbox));
  await apply(5, (i) => ({ gender: i === 0 ? 'woman' : 'man' }));
  pipeline.advance(32 * DAY);
  await logsOf(() => sweep(outbox));
  const [first, second] = reportsSent().map((mail) => decode(mail.raw));
  expect(first).toMatch(/6 people answered/);
  expect(second).toMatch(/5 people answered/);
  // One woman and four men: both "fewer than 5", and the answers nobody gave hide which is which.
  expect(second).toMatch(/Woman: fewer than 5/);
  expect(second).toMatch(/Man: fewer than 5/);
});

test('a report that fails to send is sent by a later sweep, once, and its answers are never counted again', async () => {
  const outbox = pipeline.deps.outbox;
  await apply(5, () => ({ gender: 'woman' }));
  pipeline.advance(32 * DAY);
  const mailer = overriding(outbox.mailer, (_target, name) =>
    name === 'send' ? async () => Promise.reject(new Error('mail down')) : undefined,
  );
  const failed = await logsOf(() => sweep({ ...outbox, mailer }));
  expect(failed.lines).toEqual(
    expect.arrayContaining([expect.objectContaining({ outcome: 'separate-answers-report-failed' })]),
  );
  expect(reportsSent()).toHaveLength(0);
  // The answers are gone already; the counts wait, sealed, for the next sweep.
  const left = (await outbox.equality.list()).blobs.map(({ key }) => key);
  expect(left).toEqual([expect.stringMatching(/^report\/volunteer-application\/\d{4}-\d{2}$/)]);
  for (const { text } of filesUnder(pipeline.blobsDir).filter(({ file }) => file.includes('equality')))
    expect(text).not.toMatch(/Woman/);
  // Sweeps at once: one sends it, and says it sent one.
  const deps: EqualityDeps = {
    equality: outbox.equality,
    markers: outbox.markers,
    keyring: pipeline.config.keyring,
    forms: outbox.forms,
    send: (mail) => outbox.mailer.send(mail),
    inboxFor: () => 'volunteers@test.invalid',
  };
  const counts = await Promise.all([1, 2, 3].map(() => reportSeparateAnswers(deps, pipeline.now())));
  expect(counts.sort()).toEqual([0, 0, 1]);
  expect(reportsSent()).toHaveLength(1);
  expect(decode(reportsSent()[0].raw)).toMatch(/Woman: 5/);
  await logsOf(() => sweep(outbox));
  expect(reportsSent()).toHaveLength(1);
  expect((await outbox.equality.list()).blobs).toHaveLength(0);
});

test('answers a stuck report covers are never counted in a later one, and a report that cannot be opened is passed by', async () => {
  const outbox = pipeline.deps.outbox;
  const depsWith = (equality = outbox.equality): EqualityDeps => ({
    equality,
    markers: outbox.markers,
    keyring: pipeline.config.keyring,
    forms: outbox.forms,
    send: (mail) => outbox.mailer.send(mail),
    inboxFor: () => 'volunteers@test.invalid',
  });
  await apply(5, () => ({ gender: 'woman' }));
  pipeline.advance(32 * DAY);
  // The report is written, but its answers cannot be deleted: it stays, and so do they.
  const stuck = overriding(outbox.equality, (_target, name) =>
    name === 'delete' ? async () => Promise.reject(new Error('store down')) : undefined,
  );
  await expect(reportSeparateAnswers(depsWith(stuck), pipeline.now())).rejects.toThrow('store down');
  expect(reportsSent()).toHaveLength(0);
  // A month on, five more; and a report nobody can open.
  await apply(5, () => ({ gender: 'man' }));
  await outbox.equality.set('report/volunteer-application/1999-01', 'not sealed');
  pipeline.advance(32 * DAY);
  const run = await logsOf(() => reportSeparateAnswers(depsWith(), pipeline.now()));
  expect(run.result).toBe(2);
  expect(run.errors).toEqual(['equality-unreadable']);
  const texts = reportsSent().map((mail) => decode(mail.raw));
  expect(texts).toHaveLength(2);
  // Each person once: the first month's five in one report, the second's in the other.
  expect(texts.filter((text) => /Woman: 5/.test(text))).toHaveLength(1);
  expect(texts.filter((text) => /Man: 5/.test(text))).toHaveLength(1);
  for (const text of texts) expect(text).not.toMatch(/Woman: 5[\s\S]*Man: 5|Man: 5[\s\S]*Woman: 5/);
});

test('answers still uncounted a year after their month are deleted uncounted; younger ones wait', async () => {
  const outbox = pipeline.deps.outbox;
  await apply(2, () => ({ gender: 'woman' }));
  pipeline.advance(366 * DAY);
  await apply(1, () => ({ gender: 'man' }));
  pipeline.advance(40 * DAY);
  await logsOf(() => sweep(outbox));
  const left = (await outbox.equality.list()).blobs;
  expect(left).toHaveLength(1);
  expect(await readAnswers(outbox.equality, pipeline.config.keyring, left[0].key)).toEqual({ gender: 'man' });
  // Answers already counted and gone are simply gone: nothing is logged as unreadable.
  const gone = await logsOf(() => readAnswers(outbox.equality, pipeline.config.keyring, `${left[0].key}-counted`));
  expect([gone.result, gone.errors]).toEqual([undefined, []]);
  expect(reportsSent()).toHaveLength(0);
  // To the month: answers from January 2027 go in January 2028, not in December 2027.
  const { equality, markers, forms } = outbox;
  await equality.delete(left[0].key);
  const deps: EqualityDeps = {
    equality,
    markers,
    forms,
    keyring: pipeline.config.keyring,
    send: async () => undefined,
    inboxFor: () => 'x@test.invalid',
  };
  await keepApart(equality, deps.keyring, form.id, { gender: 'man' }, Date.parse('2027-01-31T23:59:59Z'));
  await reportSeparateAnswers(deps, Date.parse('2027-12-31T23:59:59Z'));
  expect((await equality.list()).blobs).toHaveLength(1);
  await reportSeparateAnswers(deps, Date.parse('2028-01-01T00:00:00Z'));
  expect((await equality.list()).blobs).toHaveLength(0);
});

test('an answer cannot be opened under another key, and keys that are not answers are left alone', async () => {
  const { equality } = pipeline.deps.outbox;
  const keyring = pipeline.config.keyring;
  const now = Date.parse('2027-02-10T10:00:00Z');
  await keepApart(equality, keyring, form.id, { gender: 'woman' }, now);
  await keepApart(equality, keyring, form.id, {}, now);
  expect((await equality.list()).blobs).toHaveLength(1);
  const [{ key }] = (await equality.list()).blobs;
  expect(parseAnswerKey(key)).toEqual({ key, form: form.id, month: '2027-02' });
  const moved = key.replace('2027-02', '2027-01');
  await equality.set(moved, (await equality.get(key, { type: 'text' }))!);
  // Sealed to its own key, an answer moved to another month cannot be opened there: it is passed by.
  const movedRead = await logsOf(() => readAnswers(equality, keyring, moved));
  expect(movedRead.result).toBeUndefined();
  expect(movedRead.errors).toEqual(['equality-unreadable']);
  expect(await readAnswers(equality, keyring, 'answer/none/2027-02/' + '0'.repeat(24))).toBeUndefined();
  for (const other of ['report/x', 'answer/Volunteer/2027-02/' + 'a'.repeat(24), `${key}0`, `x${key}`])
    expect(parseAnswerKey(other)).toBeUndefined();
  expect(monthsBetween('2026-11', '2027-11')).toBe(12);
  expect(monthsBetween('2026-11', '2027-12')).toBe(13);
  expect(monthsBetween('2027-03', '2027-03')).toBe(0);
});

// The rule itself, against every way a reader could work a count out.

const gender = allFields(form).find((field) => field.name === 'gender') as ChoiceField;

/**
 * For each count of a question, every value a reader could give it from the report alone: the
 * number who answered, the counts shown, each "fewer than 5" from 0 to 4 and each "not shown" 5
 * or more, all adding up to that number.
 */
function possibleValues(total: number, shown: Shown[]): Set<number>[] {
  const ranges = shown.map((value): [number, number] =>
    value === 'fewer than 5' ? [0, MIN_TO_REPORT - 1] : value === 'not shown' ? [MIN_TO_REPORT, total] : [value, value],
  );
  return ranges.map((range, index) => {
    // Which totals the other counts can make between them.
    let sums = new Set([0]);
    ranges.forEach(([low, high], other) => {
      if (other === index) return;
      const next = new Set<number>();
      for (const sum of sums) for (let v = low; v <= high && sum + v <= total; v++) next.add(sum + v);
      sums = next;
    });
    const values = new Set<number>();
    for (let v = range[0]; v <= range[1]; v++) if (sums.has(total - v)) values.add(v);
    return values;
  });
}

function cells(counts: number[]): Cell[] {
  return counts.map((count, index) => ({ answer: `Answer ${index}`, count }));
}

test('a report with one rare answer says "fewer than 5", and hides one more so it cannot be worked out', () => {
  const rows = protect(cells([9, 1, 0, 0, 0, 6]))!;
  expect(rows.map((row) => row.shown)).toEqual([9, 'fewer than 5', 'fewer than 5', 'fewer than 5', 'fewer than 5', 6]);
  // One answer under five, the rest shown: 10 − 9 would give it away, so the smallest shown goes too.
  expect(protect(cells([9, 1, 5]))!.map((row) => row.shown)).toEqual([9, 'fewer than 5', 'not shown']);
  expect(protect(cells([9, 2, 5, 7]))!.map((row) => row.shown)).toEqual([9, 'fewer than 5', 'not shown', 7]);
  expect(protect(cells([9, 2, 5, 5]))!.map((row) => row.shown)).toEqual([9, 'fewer than 5', 'not shown', 5]);
  expect(protect(cells([5, 1, 9]))!.map((row) => row.shown)).toEqual(['not shown', 'fewer than 5', 9]);
  // All under five and each exactly 4: the total would say so; nothing of the question is shown.
  expect(protect(cells([4, 4]))).toBeUndefined();
  expect(protect(cells([4, 4, 6]))!.map((row) => row.shown)).toEqual(['fewer than 5', 'fewer than 5', 'not shown']);
  // Nothing under five: every count shown.
  expect(protect(cells([5, 7]))!.map((row) => row.shown)).toEqual([5, 7]);
  expect(givesAway([], 0)).toBe(false);
  expect(givesAway([0], 0)).toBe(false);
  expect(givesAway([3], 0)).toBe(true);
  expect(givesAway([3], 1)).toBe(false);
  expect(givesAway([4, 4, 4], 0)).toBe(true);
  expect(givesAway([4, 3, 4], 0)).toBe(false);
  expect(givesAway([1, 0], 0)).toBe(false);
});

test('no count from 1 to 4 can be worked out from any report, for every way up to 14 people could answer three or four ways', () => {
  const checked = { reports: 0, withheld: 0 };
  const each = (length: number, total: number, prefix: number[] = []): number[][] =>
    prefix.length === length - 1
      ? [[...prefix, total]]
      : Array.from({ length: total + 1 }, (_, v) => each(length, total - v, [...prefix, v])).flat();
  for (const length of [3, 4])
    for (let total = MIN_TO_REPORT; total <= 14; total++)
      for (const counts of each(length, total)) {
        const rows = protect(cells(counts));
        if (!rows) {
          checked.withheld++;
          continue;
        }
        checked.reports++;
        const shown = rows.map((row) => row.shown);
        possibleValues(total, shown).forEach((values, index) => {
          const count = counts[index];
          expect(values.has(count)).toBe(true);
          if (count > 0 && count < MIN_TO_REPORT)
            expect([counts, index, [...values]]).not.toEqual([counts, index, [count]]);
          if (shown[index] === 'fewer than 5') expect(count).toBeLessThan(MIN_TO_REPORT);
          if (typeof shown[index] === 'number') expect(shown[index]).toBe(count);
        });
      }
  expect(checked.reports).toBeGreaterThan(1000);
  expect(checked.withheld).toBeLessThan(checked.reports / 50);
});

test('each option is counted, with those not given, and a question that is not a single choice is refused', () => {
  const answers: Values[] = [{ gender: 'woman' }, { gender: 'woman' }, { gender: '' }, {}, { gender: 'man' }];
  expect(tally(gender, answers)).toEqual([
    { answer: 'Woman', count: 2 },
    { answer: 'Man', count: 1 },
    { answer: 'Non-binary', count: 0 },
    { answer: 'I describe myself in another way', count: 0 },
    { answer: 'Prefer not to say', count: 0 },
    { answer: 'Not given', count: 2 },
  ]);
  const text: Field = { kind: 'text', name: 'x', label: 'X', messages: {} } as Field;
  expect(() => tally(text, answers)).toThrow(/"x" must be a single choice/);
  // Four of each gender and four who gave none: the total (24) would say so, so none is shown.
  const fours: Values[] = [...gender.options.map((option) => option.value), ''].flatMap((value) =>
    Array.from({ length: 4 }, () => ({ gender: value, ageGroup: '25-44' })),
  );
  const mail = equalityReport(form, fours, { from: '2027-01', to: '2027-01' }, 'to@x');
  expect(mail.subject).toBe(`Equality monitoring counts: ${form.title}, 2027-01`);
  expect(mail.tag).toBe('equality-volunteer-application-2027-01');
  expect(mail.text).toMatch(
    /Your gender\n  Not shown: too few answers to show any count without pointing to someone\.\n/,
  );
  expect(mail.text).toMatch(/Your age group\n  18 to 24: fewer than 5\n  25 to 44: 24\n/);
  expect(mail.html).toContain('&quot;fewer than 5&quot;');
  expect(mail.text.split('\n\n').slice(0, 3)).toEqual([
    'Equality monitoring for applications, 2027-01: 24 people answered at least one question.',
    'Counts from 0 to 4 are shown as "fewer than 5". "Not shown" hides one more count, so that a small count cannot be worked out from the total.',
    'These counts are all that is kept: the answers were never linked to any application, and have now been deleted.',
  ]);
});

test('a report names only forms it knows, never reads past its store, and keeps every form’s counts apart', async () => {
  const outbox = pipeline.deps.outbox;
  const keyring = pipeline.config.keyring;
  const month = Date.parse('2027-01-15T12:00:00Z');
  for (let i = 0; i < 5; i++) {
    await keepApart(outbox.equality, keyring, 'constructor', { gender: 'woman' }, month);
    await keepApart(outbox.equality, keyring, 'unknown-form', { gender: 'woman' }, month);
  }
  const sent: unknown[] = [];
  const deps: EqualityDeps = {
    equality: outbox.equality,
    markers: outbox.markers,
    keyring,
    forms: outbox.forms,
    send: async (mail) => sent.push(mail),
    inboxFor: () => 'x@test.invalid',
  };
  expect(await reportSeparateAnswers(deps, Date.parse('2027-03-01T00:00:00Z'))).toBe(0);
  expect(sent).toEqual([]);
  // A store that lists an answer another sweep has just counted: it is skipped, not a failure.
  for (let i = 0; i < 5; i++) await keepApart(outbox.equality, keyring, form.id, { gender: 'man' }, month);
  const keys = (await outbox.equality.list({ prefix: `answer/${form.id}/` })).blobs.map(({ key }) => key);
  const gone = overriding(outbox.equality, (target, name) =>
    name === 'get'
      ? async (key: string, options: never) => (key === keys[0] ? null : target.get(key, options))
      : undefined,
  );
  expect(await reportSeparateAnswers({ ...deps, equality: gone }, Date.parse('2027-03-01T00:00:00Z'))).toBe(0);
  expect(sent).toEqual([]);
});

test('every equality question of every form is a single choice, so its counts add up to the people who answered', async () => {
  const { SERVER_FORMS } = await import('../../functions/forms/registry.ts');
  const separate = Object.values(SERVER_FORMS).flatMap((each) => allFields(each).filter((field) => field.separate));
  expect(separate.length).toBeGreaterThan(0);
  for (const field of separate) expect([field.name, field.kind]).toEqual([field.name, 'radios']);
});
