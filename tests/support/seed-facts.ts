import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The organisation's facts as the seed documents give them. When the steering folder
 * `../shared/seeds/` is beside the repo (as in CI) they are read from it, so a typo in
 * either place fails the tests; otherwise the copies here are used.
 */
const SEEDS = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');

function fromSeeds(pattern: RegExp): string | undefined {
  if (!existsSync(SEEDS)) return undefined;
  for (const file of readdirSync(SEEDS)) {
    const match = readFileSync(path.join(SEEDS, file), 'utf8').match(pattern);
    if (match) return match[1];
  }
  return undefined;
}

export const SEED_PHONE_DIGITS = fromSeeds(/Phone:\s*([0-9 ]+)/)?.replace(/\s/g, '') ?? '01452754542';
export const SEED_REFERRAL_EMAIL =
  fromSeeds(/Email:\s*(\S+@\S+)/) ?? 'RestorativeGloucestershireCaseReferrals@gloucestershire.pnn.police.uk';
