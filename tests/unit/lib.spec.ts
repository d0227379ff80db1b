import { expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contactLinks, contactOf, telHref } from '../../src/lib/contact.ts';
import { renderConfirmation } from '../../src/forms/render.ts';
import { FORMS } from '../../src/forms/registry.ts';
import { parse } from '../support/dom.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { navState } from '../../src/lib/navigation.ts';
import { countBy } from '../../src/lib/count.ts';
import { cspRules, SITE_CSP } from '../../src/lib/security-headers.ts';
import { DEFAULT_SITE_URL, siteUrl } from '../../src/lib/site-url.ts';
import { slugify } from '../../src/lib/slug.ts';
import { easyReadSections } from '../../src/lib/easy-read.ts';
import { explainerSchema } from '../../src/model/content.ts';

test('slugify makes plain URL slugs from labels', () => {
  expect(slugify('Schools and children’s homes')).toBe('schools-and-childrens-homes');
  expect(slugify('  Crème  brûlée! ')).toBe('creme-brulee');
  expect(slugify('Prisons & probation')).toBe('prisons-probation');
});

test('telHref keeps only digits and a leading plus', () => {
  expect(telHref('01452 754542')).toBe('tel:01452754542');
  expect(telHref('+44 (0)1452-754542')).toBe('tel:+4401452754542');
});

const CONTACT = contactOf({ phone: '01632 960 000', referralEmail: 'refer@test.invalid' });

test('the contact links: phone first, each with its label, link and mark', () => {
  expect(contactLinks(CONTACT)).toEqual([
    { kind: 'phone', label: 'Phone', href: 'tel:01632960000', text: '01632 960 000', data: 'phone' },
    {
      kind: 'email',
      label: 'Email',
      href: 'mailto:refer@test.invalid',
      text: 'refer@test.invalid',
      data: 'referral-email',
    },
  ]);
});

test('a form’s confirmation gives the same contact links as every page', () => {
  const html = parse(renderConfirmation(Object.values(FORMS)[0], 'RG-AAAA-BBBB', CONTACT));
  const links = [...html.querySelectorAll('a[data-contact]')].map((a) => ({
    href: a.getAttribute('href'),
    text: a.textContent,
    data: a.getAttribute('data-contact'),
  }));
  expect(links).toEqual(contactLinks(CONTACT).map(({ href, text, data }) => ({ href, text, data })));
});

test('phone and email links are made in one place: no other code writes tel: or mailto:', () => {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const own = path.join('src', 'lib', 'contact.ts');
  const files = ['src', 'functions', 'admin']
    .flatMap((folder) =>
      readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(ts|mts|tsx|astro)$/.test(entry.name))
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))),
    )
    .filter((file) => file !== own);
  expect(files.length).toBeGreaterThan(50);
  for (const file of files) expect(readFileSync(path.join(root, file), 'utf8'), file).not.toMatch(/(tel|mailto):/);
});

test('navState marks the page and its section, and Home only on the home page', () => {
  expect(navState('/', '/')).toBe('page');
  expect(navState('/', '/refer/')).toBeUndefined();
  expect(navState('/case-studies/', '/case-studies/')).toBe('page');
  expect(navState('/case-studies/', '/case-studies/letters/')).toBe('section');
  expect(navState('/case-studies/', '/case-studies')).toBe('page');
});

test('formatDate writes dates the GOV.UK way, in UK time', () => {
  expect(formatDate(new Date('2027-03-02'))).toBe('2 March 2027');
  expect(formatDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026');
});

test('countBy counts items per key', () => {
  expect(countBy(['a', 'b', 'a'], (x) => x)).toEqual({ a: 2, b: 1 });
});

test('siteUrl takes SITE_URL when it is a web address and falls back to the organisation’s domain', () => {
  expect(siteUrl(undefined)).toBe(DEFAULT_SITE_URL);
  expect(siteUrl('https://preview.example.org/some/path')).toBe('https://preview.example.org');
  expect(siteUrl('not a url')).toBe(DEFAULT_SITE_URL);
  expect(siteUrl('javascript:alert(1)')).toBe(DEFAULT_SITE_URL);
});

test('cspRules gives each top-level path one rule and skips paths with their own policy', () => {
  const rules = cspRules(
    [
      { name: 'index.html', isDirectory: false },
      { name: 'about', isDirectory: true },
      { name: 'admin', isDirectory: true },
      { name: 'robots.txt', isDirectory: false },
      { name: '_headers', isDirectory: false },
    ],
    ['/admin/*'],
  );
  const paths = rules.split('\n').filter((line) => line && !line.startsWith(' '));
  expect(paths).toEqual(['/', '/about/*', '/robots.txt']);
  expect(rules).toContain(SITE_CSP);
  expect(SITE_CSP).not.toContain('unsafe-inline');
});

test('related pages follow the current one round the list, with preferred ones first', async () => {
  const { pickRelated } = await import('../../src/lib/related.ts');
  const items = ['a', 'b', 'c', 'd', 'e'];
  expect(pickRelated(items, (x) => x === 'd')).toEqual(['e', 'a', 'b']);
  expect(pickRelated(items, (x) => x === 'a', 2)).toEqual(['b', 'c']);
  expect(
    pickRelated(
      items,
      (x) => x === 'b',
      3,
      (x) => x === 'a' || x === 'e',
    ),
  ).toEqual(['e', 'a', 'c']);
  expect(pickRelated(['only'], (x) => x === 'only')).toEqual([]);
});

test('scheduled entries are live from their first day to their last, in UK days', async () => {
  const { isLive } = await import('../../src/lib/schedule.ts');
  const now = new Date('2026-12-01T10:00:00Z');
  expect(isLive({}, now)).toBe(true);
  expect(isLive({ publishFrom: new Date('2026-12-01') }, now)).toBe(true);
  expect(isLive({ publishFrom: new Date('2026-12-02') }, now)).toBe(false);
  expect(isLive({ removeAfter: new Date('2026-12-01') }, now)).toBe(true);
  expect(isLive({ removeAfter: new Date('2026-11-30') }, now)).toBe(false);
  // 23:30 UTC on 30 June is already 1 July in the UK (summer time).
  expect(isLive({ publishFrom: new Date('2026-07-01') }, new Date('2026-06-30T23:30:00Z'))).toBe(true);
});

test('event times are UK times, whatever the season, and past events are not upcoming', async () => {
  const { ukTime, isUpcoming, describeWhen } = await import('../../src/lib/events.ts');
  expect(ukTime(new Date('2027-01-20'), '14:00').toISOString()).toBe('2027-01-20T14:00:00.000Z');
  expect(ukTime(new Date('2027-07-14'), '09:30').toISOString()).toBe('2027-07-14T08:30:00.000Z');
  // The day the clocks go forward (28 March 2027 at 01:00 UTC).
  expect(ukTime(new Date('2027-03-28'), '10:00').toISOString()).toBe('2027-03-28T09:00:00.000Z');
  const event = { date: new Date('2027-02-10'), startTime: '09:30', endTime: '15:30' };
  expect(describeWhen(event)).toBe('Wednesday 10 February 2027, 9:30am to 3:30pm');
  expect(isUpcoming(event, new Date('2027-02-10T15:00:00Z'))).toBe(true);
  expect(isUpcoming(event, new Date('2027-02-10T15:31:00Z'))).toBe(false);
  expect(isUpcoming({ ...event, publishFrom: new Date('2027-01-01') }, new Date('2026-12-01T09:00:00Z'))).toBe(false);
});

test('a broken guide is caught: a missing start, an answer to nowhere, a circle', async () => {
  const { guideProblems } = await import('../../src/lib/guide.ts');
  const ending = { id: 'end', answers: [], actions: [{ kind: 'phone', label: 'Phone us' }] };
  const start = (next: string) => ({ id: 'start', answers: [{ label: 'Yes', next }], actions: [] });
  expect(guideProblems([start('end'), ending])).toEqual([]);
  expect(guideProblems([ending])[0]).toMatch(/start\.md is missing/);
  expect(guideProblems([start('nowhere'), ending]).join()).toMatch(/leads to “nowhere”, which does not exist/);
  const loop = { id: 'loop', answers: [{ label: 'Again', next: 'start' }], actions: [] };
  expect(guideProblems([start('loop'), loop, ending]).join()).toMatch(/not every path reaches an ending/);
  expect(guideProblems([start('end'), { ...ending, actions: [{ kind: 'read', label: 'Read' }] }]).join()).toMatch(
    /needs “Link to”/,
  );
});

test('easy read lines fall into sections at each heading, and an easy read page needs its lines', () => {
  expect(
    easyReadSections([
      { picture: 'hurt', text: 'One.' },
      { heading: 'Who', picture: 'people', text: 'Two.' },
      { heading: '', picture: 'family', text: 'Three.' },
      { heading: 'How', picture: 'helper', text: 'Four.' },
    ]),
  ).toEqual([
    { heading: undefined, lines: [{ picture: 'hurt', text: 'One.' }] },
    {
      heading: 'Who',
      lines: [
        { picture: 'people', text: 'Two.' },
        { picture: 'family', text: 'Three.' },
      ],
    },
    { heading: 'How', lines: [{ picture: 'helper', text: 'Four.' }] },
  ]);
  const page = { title: 'Easy read', summary: 'In short lines.', easyRead: true };
  expect(explainerSchema.safeParse(page).success).toBe(false);
  expect(
    explainerSchema.safeParse({ ...page, easyReadLines: [{ picture: 'free', text: 'It is free.' }] }).success,
  ).toBe(true);
  expect(explainerSchema.safeParse({ ...page, easyRead: false }).success).toBe(true);
});
