import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';
import { launchContent } from '../../integrations/content-files.ts';
import { launchItems, monthsBefore, takesBookings } from '../../src/lib/launch.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'launch');
// The fixtures' own day: their "last checked" dates are either side of six months before it.
const TODAY = new Date('2026-12-01T12:00:00Z');

test('unconfirmed content lists each kind of thing still to confirm, where it is', () => {
  const items = launchItems(launchContent(path.join(FIXTURES, 'unconfirmed')), TODAY);
  expect(items.map((item) => [item.kind, item.where])).toEqual([
    ['draft wording', 'content/pages/complaints'],
    ['draft page', 'content/pages/privacy'],
    ['example event', 'content/events/course'],
    ['help entry', 'content/help/line'],
    ['help entry', 'content/help/line'],
    ['phone hours', 'content/settings/site.json'],
    ['confidentiality', 'content/settings/site.json'],
    ['bsl', 'content/settings/site.json'],
    // A translator named without the day is not a recorded check; a retired language is not listed.
    ['translation', 'content/languages/pl'],
    ['interpreter', 'content/languages/pl'],
    ['partners', 'content/settings/site.json'],
  ]);
  expect(items.find((item) => item.kind === 'bsl')?.what).toBe(
    'How someone who uses BSL can ask for an interpreter is not yet confirmed',
  );
  expect(items[1].what).toContain('The retention periods wait for approval.');
  expect(items.filter((item) => item.kind === 'help entry').map((item) => item.what)).toEqual([
    'A helpline: not yet confirmed by the partnership',
    'A helpline: last checked more than 6 months ago',
  ]);
});

test('content with everything confirmed lists nothing', () => {
  expect(launchItems(launchContent(path.join(FIXTURES, 'confirmed')), TODAY)).toEqual([]);
});

test('an entry is due a check six calendar months after it was read, not a day before', () => {
  const help = (checked: string) => ({
    pages: [],
    events: [],
    help: [{ id: 'line', name: 'A line', checked: new Date(checked), confirmed: true }],
    settings: {
      phoneHours: 'Weekdays',
      partners: [{}],
      confidentialityConfirmed: true,
      bsl: 'Email',
      bslConfirmed: true,
    },
    languages: [],
  });
  expect(launchItems(help('2026-06-01'), TODAY)).toEqual([]);
  expect(launchItems(help('2026-05-31'), TODAY)).toHaveLength(1);
  expect(monthsBefore(new Date('2027-08-31T00:00:00Z'), 6).toISOString().slice(0, 10)).toBe('2027-02-28');
  expect(monthsBefore(new Date('2027-03-15T00:00:00Z'), 6).toISOString().slice(0, 10)).toBe('2026-09-15');
});

test('`npm run launch-check` prints the list and exits 1 while anything is unconfirmed, 0 when nothing is', () => {
  const run = (folder: string) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'launch-check.ts'), path.join(FIXTURES, folder)], {
      encoding: 'utf8',
      env: { ...process.env, LAUNCH_CHECK_DATE: '2026-12-01' },
    });
  const unconfirmed = run('unconfirmed');
  expect(unconfirmed.status, unconfirmed.stderr).toBe(1);
  expect(unconfirmed.stdout).toMatch(/^11 things to confirm before launch:/);
  expect(unconfirmed.stdout).toContain('- example event: “A course” is an example date');
  const confirmed = run('confirmed');
  expect(confirmed.status, confirmed.stderr).toBe(0);
  expect(confirmed.stdout.trim()).toBe('Ready for launch: nothing is waiting to be confirmed.');
});

test('an example event takes no bookings on the production site only', () => {
  expect(takesBookings({ example: true }, 'production')).toBe(false);
  expect(takesBookings({ example: false }, 'production')).toBe(true);
  for (const context of [undefined, 'dev', 'deploy-preview'])
    expect(takesBookings({ example: true }, context)).toBe(true);
});
