import { getEntry } from 'astro:content';
import type { Settings } from '../model/content.ts';

/** The one settings file every page reads: name, referral phone and email, menu. */
export async function getSettings(): Promise<Settings> {
  const entry = await getEntry('settings', 'site');
  if (!entry) throw new Error('content/settings/site.json is missing: every page needs it');
  return entry.data;
}
