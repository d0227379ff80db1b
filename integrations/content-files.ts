/**
 * The content folder read outside Astro, for the launch check: each entry's front matter and
 * body, by the collection registry's folders (src/model/collections.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { COLLECTIONS, COLLECTION_NAMES } from '../src/model/collections.ts';
import type { LaunchContent } from '../src/lib/launch.ts';
import { translationChecked } from '../src/lib/languages.ts';

interface Entry {
  collection: string;
  id: string;
  data: Record<string, unknown>;
  body: string;
}

function readEntries(contentDir: string): Entry[] {
  const entries: Entry[] = [];
  for (const name of COLLECTION_NAMES) {
    const dir = path.join(contentDir, COLLECTIONS[name].folder);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)
      .filter((file) => /\.(md|mdx)$/.test(file))
      .sort()) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      entries.push({
        collection: COLLECTIONS[name].folder,
        id: file.replace(/\.(md|mdx)$/, ''),
        data: (match ? parse(match[1]) : {}) ?? {},
        body: match ? match[2] : text,
      });
    }
  }
  return entries;
}

/** What the launch check needs from a content folder (content/ or a fixture). */
export function launchContent(contentDir: string): LaunchContent {
  const entries = readEntries(contentDir);
  const settingsFile = path.join(contentDir, 'settings', 'site.json');
  const settings = existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : {};
  const of = (folder: string) => entries.filter((entry) => entry.collection === folder);
  return {
    pages: entries
      .filter((entry) => entry.collection !== 'help')
      .map(({ collection, id, data, body }) => ({
        collection,
        id,
        title: String(data.title ?? id),
        draftNotice:
          typeof data.draftNotice === 'string' && data.draftNotice.trim() ? data.draftNotice.trim() : undefined,
        body,
      })),
    events: of('events').map(({ id, data }) => ({
      id,
      title: String(data.title ?? id),
      example: data.example === true,
    })),
    help: of('help').map(({ id, data }) => ({
      id,
      name: String(data.name ?? id),
      checked: new Date(String(data.checked)),
      confirmed: data.confirmed === true,
    })),
    settings: {
      phoneHours:
        typeof settings.phoneHours === 'string' && settings.phoneHours.trim() ? settings.phoneHours : undefined,
      partners: Array.isArray(settings.partners) ? settings.partners : [],
      confidentialityConfirmed: settings.confidentialityConfirmed === true,
      bsl: typeof settings.bsl === 'string' && settings.bsl.trim() ? settings.bsl : undefined,
      bslConfirmed: settings.bslConfirmed === true,
    },
    // Retired languages (not on the site) have nothing to confirm.
    languages: of('languages')
      .filter(({ data }) => data.listed !== false)
      .map(({ id, data }) => {
        const review = (data.review ?? {}) as { translator?: unknown; checkedOn?: unknown };
        const contact = (data.contact ?? {}) as { confirmed?: unknown };
        return {
          id,
          englishName: String(data.englishName ?? id),
          translationChecked: translationChecked({
            translator: typeof review.translator === 'string' ? review.translator : undefined,
            checkedOn: review.checkedOn ? new Date(String(review.checkedOn)) : undefined,
          }),
          promiseConfirmed: contact.confirmed === true,
        };
      }),
  };
}
