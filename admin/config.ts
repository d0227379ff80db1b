/**
 * The Decap CMS configuration, derived from the content model. Collections, fields,
 * required fields, choices and defaults all come from src/model/content.ts (see
 * content-model.ts); this file adds only what the CMS needs on top: folders, list views,
 * previews' names, and the backend.
 */
import { z } from 'astro/zod';
import {
  caseStudySchema,
  caseStudySettings,
  eventKinds,
  eventSchema,
  explainerSchema,
  guideStepSchema,
  pageSchema,
  professionalPageSchema,
  serviceSchema,
  settingsSchema,
  volunteeringSchema,
} from '../src/model/content.ts';
import { CMS_LOCAL_API } from '../src/lib/cms-local.ts';
import { PAGE_FILES } from '../src/lib/page-files.ts';
import { fieldsOf, type CmsField } from './content-model.ts';

/** The case study picture, as the CMS sees it: a file saved next to the entries. */
const cmsImage = () => z.string();

const body = (hint: string): CmsField => ({ name: 'body', label: 'Page text', widget: 'markdown', hint });

const BODY_HINT =
  'Write in short paragraphs. Use "Heading 2" for sections. Never include names or details of anyone in a case.';

export const collectionSchemas = {
  services: serviceSchema,
  caseStudies: caseStudySchema(cmsImage),
  explainers: explainerSchema,
  volunteering: volunteeringSchema,
  events: eventSchema,
  professionals: professionalPageSchema,
  guide: guideStepSchema,
  pages: pageSchema,
  settings: settingsSchema,
} as const;

function caseStudyFields(): CmsField[] {
  return fieldsOf(collectionSchemas.caseStudies).map((field) =>
    field.name === 'image'
      ? {
          ...field,
          fields: field.fields?.map((inner) =>
            inner.name === 'src'
              ? // Saved beside the case studies, so Astro's image pipeline resizes it, makes modern
                // formats and drops camera and location data from every copy it serves.
                { ...inner, media_folder: '/content/caseStudies/images', public_folder: './images' }
              : inner,
          ),
        }
      : field,
  );
}

export interface BackendOptions {
  /**
   * github (the default: OAuth through the site's own functions/cms-auth.mts), or
   * git-gateway (Netlify Identity; deprecated by Netlify for new sites, kept for old ones).
   */
  backend?: string;
  repo?: string;
  branch?: string;
  siteUrl?: string;
  /** True on localhost: the guarded local backend, which writes plain files and has no workflow. */
  local?: boolean;
}

function backendConfig({ backend = 'github', repo, branch = 'main', siteUrl, local }: BackendOptions) {
  if (backend === 'git-gateway') return { name: 'git-gateway', branch };
  // Locally the CMS talks to the local backend instead, so no repository needs naming.
  const repository = repo ?? (local ? 'local/site' : undefined);
  if (!repository) throw new Error('PUBLIC_CMS_REPO (owner/name) is needed for the GitHub backend');
  return { name: 'github', repo: repository, branch, base_url: siteUrl, auth_endpoint: 'api/cms-auth' };
}

export function cmsConfig(options: BackendOptions = {}) {
  return {
    load_config_file: false,
    backend: backendConfig(options),
    // The local backend is served by `npm start` and `npm run dev` on the site's own origin.
    local_backend: options.local && options.siteUrl ? { url: new URL(CMS_LOCAL_API, options.siteUrl).href } : false,
    // Production: nothing goes live without review (draft → in review → ready → publish).
    // The local file backend has no workflow, so locally entries are published directly.
    ...(options.local ? {} : { publish_mode: 'editorial_workflow' }),
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    // The organisation's name on the login screen and in the header, instead of Decap's own.
    logo: { src: '/admin-logo.svg', show_in_header: true },
    locale: 'en',
    media_folder: 'public/uploads',
    public_folder: '/uploads',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'services',
        label: 'What we do',
        label_singular: 'service',
        description: 'One page for each setting or service, listed on "What we do".',
        folder: 'content/services',
        extension: 'md',
        format: 'frontmatter',
        create: true,
        slug: '{{slug}}',
        identifier_field: 'title',
        summary: '{{title}}',
        sortable_fields: ['order', 'title'],
        fields: [...fieldsOf(collectionSchemas.services), body(BODY_HINT)],
      },
      {
        name: 'caseStudies',
        label: 'Case studies',
        label_singular: 'case study',
        description:
          'Keep “Illustrative example” ticked unless everyone involved has agreed to share a real case. Never use real names.',
        folder: 'content/caseStudies',
        extension: 'md',
        format: 'frontmatter',
        create: true,
        slug: '{{slug}}',
        identifier_field: 'title',
        summary: '{{title}} · {{setting}} · {{date | date("D MMM YYYY")}}',
        sortable_fields: ['date', 'title', 'setting'],
        view_filters: caseStudySettings.map((setting) => ({ label: setting, field: 'setting', pattern: setting })),
        view_groups: [{ label: 'Setting', field: 'setting' }],
        fields: [...caseStudyFields(), body(BODY_HINT)],
      },
      {
        name: 'explainers',
        label: 'Guides',
        label_singular: 'guide',
        description:
          'The pages of “What is restorative practice”: guides, questions and answers, and the easy read page.',
        folder: 'content/explainers',
        extension: 'md',
        format: 'frontmatter',
        create: true,
        slug: '{{slug}}',
        identifier_field: 'title',
        summary: '{{title}}',
        sortable_fields: ['order', 'title'],
        view_filters: [
          { label: 'Questions and answers', field: 'audience', pattern: 'harmed|responsible|professionals' },
          { label: 'Easy read', field: 'easyRead', pattern: true },
        ],
        fields: [...fieldsOf(collectionSchemas.explainers), body(BODY_HINT)],
      },
      {
        name: 'explainersWithLayout',
        label: 'Guides with numbered steps',
        label_singular: 'guide with numbered steps',
        description:
          'Guides in “What is restorative practice” that show numbered steps, such as “How it works”. Edit the text in Markdown mode and leave lines starting with "import" or "<" as they are.',
        folder: 'content/explainers',
        extension: 'mdx',
        format: 'frontmatter',
        create: false,
        identifier_field: 'title',
        summary: '{{title}}',
        sortable_fields: ['order', 'title'],
        fields: [...fieldsOf(collectionSchemas.explainers), body(BODY_HINT)],
      },
      {
        name: 'events',
        label: 'Training and events',
        label_singular: 'course or event',
        description:
          'Courses, volunteer core training and practitioner meetings. Past ones leave the site by themselves at the nightly rebuild. Volunteer core training also shows on the volunteer pages.',
        folder: 'content/events',
        extension: 'md',
        format: 'frontmatter',
        create: true,
        slug: '{{slug}}',
        identifier_field: 'title',
        summary: '{{title}} · {{date | date("D MMM YYYY")}} · {{places}}',
        sortable_fields: ['date', 'title', 'kind'],
        view_filters: eventKinds.map((kind) => ({ label: kind, field: 'kind', pattern: kind })),
        fields: [
          ...fieldsOf(collectionSchemas.events),
          body('What happens, what to bring, anything people should know.'),
        ],
      },
      {
        name: 'professionals',
        label: 'For professionals',
        label_singular: 'page for professionals',
        description:
          'Pages for police, probation, youth justice, schools, care homes and victim services, including the one-page briefing that prints on A4.',
        folder: 'content/professionals',
        extension: 'md',
        format: 'frontmatter',
        create: true,
        slug: '{{slug}}',
        identifier_field: 'title',
        summary: '{{title}} (order {{order}})',
        sortable_fields: ['order', 'title'],
        fields: [...fieldsOf(collectionSchemas.professionals), body(BODY_HINT)],
      },
      {
        name: 'guide',
        label: 'Could it help? (guide)',
        label_singular: 'question or ending',
        description:
          'The guide “Could restorative justice help you?”, one question or ending per entry. It starts at “start”. Each answer names the entry it leads to (its file name); an entry without answers is an ending. The site will not build if an answer leads nowhere.',
        folder: 'content/guide',
        extension: 'md',
        format: 'frontmatter',
        create: true,
        slug: '{{slug}}',
        identifier_field: 'title',
        summary: '{{slug}}: {{title}}',
        fields: [
          ...fieldsOf(collectionSchemas.guide),
          { ...body('A few sentences under the question, or the ending’s explanation.'), required: false },
        ],
      },
      {
        name: 'volunteering',
        label: 'Volunteering',
        description: 'The "Volunteer with us" page, its lists and the training dates.',
        files: [
          {
            name: 'volunteer-with-us',
            label: 'Volunteer with us',
            file: 'content/volunteering/volunteer-with-us.md',
            fields: [...fieldsOf(collectionSchemas.volunteering), body('The opening text of the page.')],
          },
        ],
      },
      {
        name: 'pages',
        label: 'Pages',
        description: 'The home page, contact, referral, policies and other single pages.',
        files: PAGE_FILES.map(({ id, label, extension }) => ({
          name: id,
          label,
          file: `content/pages/${id}.${extension}`,
          fields: [...fieldsOf(collectionSchemas.pages), body(BODY_HINT)],
        })),
      },
      {
        name: 'settings',
        label: 'Settings and contact details',
        description: 'The referral phone number and email, the funding statement and the menu, shown on every page.',
        files: [
          {
            name: 'site',
            label: 'Site settings',
            file: 'content/settings/site.json',
            fields: fieldsOf(collectionSchemas.settings),
          },
        ],
      },
    ],
  };
}

export type CmsConfig = ReturnType<typeof cmsConfig>;
