import { expect, test, vi } from 'vitest';

/**
 * When the scheduled functions run, as the README promises: the outbox sweep every five minutes
 * (a failed delivery is tried again soon), the rebuild once a night after midnight in the UK,
 * summer or winter (so scheduled entries appear and go on their day). Netlify reads `schedule`
 * as cron in UTC.
 */
async function scheduleOf(file: string): Promise<string> {
  // Loaded afresh in this test: another test file may have loaded the module already, and the
  // mutation run credits a module's top-level code to the test that evaluated it (so a wrong
  // schedule would be run against that test alone, which does not read it).
  vi.resetModules();
  const { config } = (await import(`../../functions/${file}`)) as { config: { schedule?: string } };
  return config.schedule ?? '';
}

test('the outbox sweep runs every five minutes, every hour of every day', async () => {
  expect(await scheduleOf('deliver-outbox.mts')).toBe('*/5 * * * *');
});

test('the site is rebuilt every night at 02:15 UTC: after midnight in the UK in winter (GMT) and summer (BST)', async () => {
  const [minute, hour, ...rest] = (await scheduleOf('nightly-rebuild.mts')).split(' ');
  expect(rest).toEqual(['*', '*', '*']);
  const at = (day: string) => new Date(`${day}T${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')}:00Z`);
  for (const day of ['2027-01-15', '2027-07-15']) {
    const uk = at(day).toLocaleString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
    expect(uk, day).toMatch(/^0[0-5]:/);
  }
  expect([hour, minute]).toEqual(['2', '15']);
});
