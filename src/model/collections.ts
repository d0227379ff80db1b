/**
 * The collection registry: every kind of content, once. Its folder under content/, which
 * files in it are entries, its schema (fields with staff labels and hints, model/content.ts),
 * where an entry is served (`urlFor`), and how the CMS lists and previews it. The content
 * config (src/content.config.ts), the CMS config (admin/config.ts), the drift test, the
 * sitemap and search's page list, and the cards are all derived from here, so a new
 * collection is an entry here plus its content (see README, "Adding a collection").
 *
 * Only case study pictures need Astro's image helper, so the registry is made by a function
 * that takes it; everything that is not the site build uses COLLECTIONS, where a picture is a
 * plain path.
 */
import { z } from 'astro/zod';
import { PAGE_FILES } from '../lib/page-files.ts';
import {
  caseStudySchema,
  caseStudySettings,
  eventKinds,
  eventSchema,
  explainerSchema,
  formPageSchema,
  guideStepSchema,
  helpServiceSchema,
  languageSchema,
  pageSchema,
  professionalPageSchema,
  serviceSchema,
  settingsSchema,
  volunteeringSchema,
} from './content.ts';

/** How an entry is shown beside its form in the CMS (admin/previews.ts draws each kind). */
export type PreviewKind =
  | 'article'
  | 'service'
  | 'caseStudy'
  | 'event'
  | 'professional'
  | 'guideStep'
  | 'volunteering'
  | 'page'
  | 'settings'
  | 'helpService'
  | 'language';

/** What the CMS needs beyond the fields, which come from the schema. */
export interface CmsBlock {
  label: string;
  label_singular?: string;
  description: string;
  /** What the text under the fields is for; false for entries without one (settings). */
  body: { hint: string; required?: boolean } | false;
  preview: PreviewKind;
  /** A folder of entries: its file type, whether staff may add entries, and the list view. */
  extension?: 'md' | 'mdx';
  create?: boolean;
  summary?: string;
  /**
   * How a new entry's file is named, and which field names it in the CMS; by default its title.
   * A page in another language is named by its code: its title is not in Latin letters.
   */
  slug?: string;
  identifier_field?: string;
  sortable_fields?: string[];
  view_filters?: { label: string; field: string; pattern: string | boolean }[];
  view_groups?: { label: string; field: string }[];
  /** Named files instead of a folder of entries: one editor per file. */
  files?: readonly { name: string; label: string; file: string }[];
  /** A picture field whose files are saved beside the entries (so the build resizes and strips them). */
  mediaBeside?: { field: readonly string[]; folder: string };
  /** More CMS collections over the same folder, for files of another type (the .mdx guides). */
  also?: readonly ({ name: string } & Omit<CmsBlock, 'also' | 'files'>)[];
}

export interface CollectionSpec {
  /** The folder under content/ (named after the collection). */
  folder: string;
  /** Which files in the folder are entries. */
  pattern: string;
  schema: z.ZodObject;
  /** The address of one entry's page; absent where entries have no page of their own. */
  urlFor?: (id: string) => string;
  /**
   * For a collection served by the generic pages (src/pages/[section]/): the section's address
   * and heading. Collections with pages of their own leave it out.
   */
  section?: { path: string; title: string };
  cms: CmsBlock;
}

const BODY_HINT =
  'Write in short paragraphs. Use "Heading 2" for sections. Never include names or details of anyone in a case.';

/** The registry, with `image` as the build's image helper (or a plain path outside the build). */
export function defineCollections<Image extends z.ZodType>(image: () => Image) {
  return {
    services: {
      folder: 'services',
      pattern: '**/*.md',
      schema: serviceSchema,
      urlFor: (id: string) => `/what-we-do/${id}/`,
      cms: {
        label: 'What we do',
        label_singular: 'service',
        description: 'One page for each setting or service, listed on "What we do".',
        body: { hint: BODY_HINT },
        preview: 'service',
        extension: 'md',
        create: true,
        summary: '{{title}}',
        sortable_fields: ['order', 'title'],
      },
    },
    caseStudies: {
      folder: 'caseStudies',
      pattern: '**/*.md',
      schema: caseStudySchema(image),
      urlFor: (id: string) => `/case-studies/${id}/`,
      cms: {
        label: 'Case studies',
        label_singular: 'case study',
        description:
          'Keep “Illustrative example” ticked unless everyone involved has agreed to share a real case. Never use real names.',
        body: { hint: BODY_HINT },
        preview: 'caseStudy',
        extension: 'md',
        create: true,
        summary: '{{title}} · {{setting}} · {{date | date("D MMM YYYY")}}',
        sortable_fields: ['date', 'title', 'setting'],
        view_filters: caseStudySettings.map((setting) => ({ label: setting, field: 'setting', pattern: setting })),
        view_groups: [{ label: 'Setting', field: 'setting' }],
        mediaBeside: { field: ['image', 'src'], folder: 'images' },
      },
    },
    explainers: {
      folder: 'explainers',
      pattern: '**/*.{md,mdx}',
      schema: explainerSchema,
      urlFor: (id: string) => `/restorative-processes/${id}/`,
      cms: {
        label: 'Guides',
        label_singular: 'guide',
        description:
          'The pages of “What is restorative practice”: guides, questions and answers, and the easy read page.',
        body: { hint: BODY_HINT },
        preview: 'article',
        extension: 'md',
        create: true,
        summary: '{{title}}',
        sortable_fields: ['order', 'title'],
        view_filters: [
          { label: 'Questions and answers', field: 'audience', pattern: 'harmed|responsible|professionals' },
          { label: 'Easy read', field: 'easyRead', pattern: true },
        ],
        also: [
          {
            name: 'explainersWithLayout',
            label: 'Guides with numbered steps',
            label_singular: 'guide with numbered steps',
            description:
              'Guides in “What is restorative practice” that show numbered steps, such as “How it works”. Edit the text in Markdown mode and leave lines starting with "import" or "<" as they are.',
            body: { hint: BODY_HINT },
            preview: 'article',
            extension: 'mdx',
            create: false,
            summary: '{{title}}',
            sortable_fields: ['order', 'title'],
          },
        ],
      },
    },
    events: {
      folder: 'events',
      pattern: '**/*.md',
      schema: eventSchema,
      urlFor: (id: string) => `/training-and-events/${id}/`,
      cms: {
        label: 'Training and events',
        label_singular: 'course or event',
        description:
          'Courses, volunteer core training and practitioner meetings. Past ones leave the site by themselves at the nightly rebuild. Volunteer core training also shows on the volunteer pages.',
        body: { hint: 'What happens, what to bring, anything people should know.' },
        preview: 'event',
        extension: 'md',
        create: true,
        summary: '{{title}} · {{date | date("D MMM YYYY")}} · {{places}}',
        sortable_fields: ['date', 'title', 'kind'],
        view_filters: eventKinds.map((kind) => ({ label: kind, field: 'kind', pattern: kind })),
      },
    },
    professionals: {
      folder: 'professionals',
      pattern: '**/*.md',
      schema: professionalPageSchema,
      urlFor: (id: string) => `/professionals/${id}/`,
      cms: {
        label: 'For professionals',
        label_singular: 'page for professionals',
        description:
          'Pages for police, probation, youth justice, schools, care homes and victim services, including the one-page briefing that prints on A4.',
        body: { hint: BODY_HINT },
        preview: 'professional',
        extension: 'md',
        create: true,
        summary: '{{title}} (order {{order}})',
        sortable_fields: ['order', 'title'],
      },
    },
    guide: {
      folder: 'guide',
      pattern: '**/*.md',
      schema: guideStepSchema,
      urlFor: (id: string) => (id === 'start' ? '/could-it-help/' : `/could-it-help/${id}/`),
      cms: {
        label: 'Could it help? (guide)',
        label_singular: 'question or ending',
        description:
          'The guide “Could restorative justice help you?”, one question or ending per entry. It starts at its first question: change its words as you like, but never delete it. Each answer leads to another entry, chosen by its title; an entry without answers is an ending. The site will not build if an answer leads nowhere.',
        body: { hint: 'A few sentences under the question, or the ending’s explanation.', required: false },
        preview: 'guideStep',
        extension: 'md',
        create: true,
        summary: '{{title}}',
      },
    },
    help: {
      folder: 'help',
      pattern: '*.md',
      schema: helpServiceSchema,
      // Listed together on one page, each at its own place on it.
      urlFor: (id: string) => `/other-help/#${id}`,
      cms: {
        label: 'Other help',
        label_singular: 'service',
        description:
          'National services people may need more urgently than us: their numbers, hours and who they are for, each with where the facts come from and when they were last checked.',
        body: { hint: 'One to three sentences: what the service does and anything that helps people use it safely.' },
        preview: 'helpService',
        extension: 'md',
        create: true,
        summary: '{{name}} · checked {{checked | date("D MMM YYYY")}}',
        sortable_fields: ['order', 'name', 'checked'],
      },
    },
    languages: {
      folder: 'languages',
      pattern: '*.md',
      schema: languageSchema,
      urlFor: (id: string) => `/languages/${id}/`,
      cms: {
        label: 'Other languages',
        label_singular: 'language',
        description:
          'Pages in other languages, translated by people (never by a website or app). Each page says its translation waits for a check until a qualified translator’s name and the day are filled in. Untick “On the site” to retire a language.',
        body: {
          hint: 'What restorative justice is, that it is free and your choice, and that it is safe to ask: in the page’s language. Short paragraphs and “Heading 2” sections.',
        },
        preview: 'language',
        extension: 'md',
        create: true,
        slug: '{{lang}}',
        identifier_field: 'englishName',
        summary: '{{englishName}} · {{name}}',
        sortable_fields: ['order', 'englishName'],
      },
    },
    volunteering: {
      folder: 'volunteering',
      pattern: '**/*.md',
      schema: volunteeringSchema,
      urlFor: () => '/volunteer/',
      cms: {
        label: 'Volunteering',
        description: 'The "Volunteer with us" page, its lists and the training dates.',
        body: { hint: 'The opening text of the page.' },
        preview: 'volunteering',
        files: [
          { name: 'volunteer-with-us', label: 'Volunteer with us', file: 'content/volunteering/volunteer-with-us.md' },
        ],
      },
    },
    pages: {
      folder: 'pages',
      pattern: '**/*.{md,mdx}',
      schema: pageSchema,
      urlFor: (id: string) => (id === 'home' ? '/' : `/${id}/`),
      cms: {
        label: 'Pages',
        description: 'The home page, contact, referral, policies and other single pages.',
        body: { hint: BODY_HINT },
        preview: 'page',
        // Decap finds a file's preview by the file's name and a folder's by the collection's, in
        // one namespace: a page named like a collection ("professionals", "languages") would take
        // that collection's preview. Prefixed, they never meet.
        files: PAGE_FILES.map(({ id, label, extension }) => ({
          name: `page-${id}`,
          label,
          file: `content/pages/${id}.${extension}`,
        })),
      },
    },
    formPages: {
      folder: 'forms',
      pattern: '*.md',
      schema: formPageSchema,
      // A form's page is at the address its module gives (src/forms/<id>/form.ts), which for a
      // page of this collection is /<id>/; src/pages/[page].astro refuses a form that says otherwise.
      urlFor: (id: string) => `/${id}/`,
      cms: {
        label: 'Form pages',
        label_singular: 'form page',
        description:
          'The words above a form: its heading, opening sentence and text. The questions themselves are part of the website’s code, so a new form needs a developer.',
        body: { hint: BODY_HINT },
        preview: 'page',
        extension: 'md',
        create: false,
        summary: '{{title}}',
      },
    },
    settings: {
      folder: 'settings',
      pattern: '*.json',
      schema: settingsSchema,
      cms: {
        label: 'Settings and contact details',
        description: 'The referral phone number and email, the funding statement and the menu, shown on every page.',
        body: false,
        preview: 'settings',
        files: [{ name: 'site', label: 'Site settings', file: 'content/settings/site.json' }],
      },
    },
  } satisfies Record<string, CollectionSpec>;
}

/** The registry outside the build: a picture is the path of its file. */
export const COLLECTIONS = defineCollections(() => z.string());
export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** The address of an entry's page, from its collection's registry entry. */
export function urlFor(collection: CollectionName, id: string): string {
  const spec: CollectionSpec = COLLECTIONS[collection];
  if (spec.urlFor) return spec.urlFor(id);
  if (spec.section) return `/${spec.section.path}/${id}/`;
  throw new Error(`Entries of ${collection} have no page of their own`);
}

/** Collections served by the generic pages, with their section: a list page and a page per entry. */
export function sections(): { name: CollectionName; path: string; title: string }[] {
  return COLLECTION_NAMES.flatMap((name) => {
    const spec: CollectionSpec = COLLECTIONS[name];
    return spec.section ? [{ name, ...spec.section }] : [];
  });
}
