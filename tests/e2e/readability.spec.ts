import { expect } from '@playwright/test';
import { test } from '../support/e2e.ts';
import { fleschReadingEase, mainText, readingEaseTarget } from '../../src/lib/readability.ts';
import { builtPages, readBuilt } from '../support/dist.ts';

test('every public page is in plain English, and the easy read page is easy to read', () => {
  const tooHard: string[] = [];
  for (const pagePath of builtPages()) {
    if (pagePath === '/404.html' || pagePath === '/search/' || pagePath.includes('/setting/')) continue;
    const target = readingEaseTarget(pagePath);
    if (target === undefined) continue;
    const { score } = fleschReadingEase(mainText(readBuilt(pagePath)));
    if (score < target) tooHard.push(`${pagePath}: ${score} (needs ${target})`);
  }
  expect(tooHard).toEqual([]);
});
