/**
 * The Decap CMS configuration, derived from the collection registry (src/model/collections.ts):
 * collections, their folders or files, list views and previews from the registry; fields,
 * required fields, choices, defaults and hints from the schemas (see content-model.ts). This
 * file adds only the backend and the settings of the CMS as a whole.
 */
import { COLLECTIONS, type CmsBlock, type CollectionSpec } from '../src/model/collections.ts';
import { CMS_LOCAL_API } from '../src/lib/cms-local.ts';
import { fieldsOf, type CmsField } from './content-model.ts';

/** A field of the list given by its path of names, changed by `change`; the others as they are. */
function adjust(fields: CmsField[], [name, ...rest]: readonly string[], change: (field: CmsField) => CmsField) {
  return fields.map((field): CmsField => {
    if (field.name !== name) return field;
    return rest.length ? { ...field, fields: adjust(field.fields ?? [], rest, change) } : change(field);
  });
}

/** The CMS fields of a collection: its schema's, then the text under them. */
export function cmsFields(spec: CollectionSpec, block: Pick<CmsBlock, 'body' | 'mediaBeside'> = spec.cms): CmsField[] {
  let fields = fieldsOf(spec.schema);
  if (block.mediaBeside) {
    // Saved beside the entries, so Astro's image pipeline resizes it, makes modern formats and
    // drops camera and location data from every copy it serves.
    const { field, folder } = block.mediaBeside;
    fields = adjust(fields, field, (inner) => ({
      ...inner,
      media_folder: `/content/${spec.folder}/${folder}`,
      public_folder: `./${folder}`,
    }));
  }
  if (block.body) {
    const body: CmsField = { name: 'body', label: 'Page text', widget: 'markdown', hint: block.body.hint };
    fields.push(block.body.required === false ? { ...body, required: false } : body);
  }
  return fields;
}

/** A collection as Decap reads it: a folder of entries, or named files. */
export interface CmsCollection {
  name: string;
  label: string;
  label_singular?: string;
  description: string;
  folder?: string;
  extension?: string;
  format?: string;
  create?: boolean;
  slug?: string;
  identifier_field?: string;
  summary?: string;
  sortable_fields?: string[];
  view_filters?: CmsBlock['view_filters'];
  view_groups?: CmsBlock['view_groups'];
  fields?: CmsField[];
  files?: { name: string; label: string; file: string; fields: CmsField[] }[];
}

/** One registry entry as CMS collections: a folder of entries or named files, and any others over the folder. */
function cmsCollections(name: string, spec: CollectionSpec): CmsCollection[] {
  const { label, label_singular, description, files } = spec.cms;
  if (files) {
    return [{ name, label, description, files: files.map((file) => ({ ...file, fields: cmsFields(spec) })) }];
  }
  const folder = (block: { name: string } & Omit<CmsBlock, 'also' | 'files'>): CmsCollection => ({
    name: block.name,
    label: block.label,
    label_singular: block.label_singular,
    description: block.description,
    folder: `content/${spec.folder}`,
    extension: block.extension ?? 'md',
    format: 'frontmatter',
    create: block.create ?? true,
    ...(block.create === false ? {} : { slug: block.slug ?? '{{slug}}' }),
    identifier_field: block.identifier_field ?? 'title',
    summary: block.summary ?? '{{title}}',
    ...(block.sortable_fields ? { sortable_fields: block.sortable_fields } : {}),
    ...(block.view_filters ? { view_filters: block.view_filters } : {}),
    ...(block.view_groups ? { view_groups: block.view_groups } : {}),
    fields: cmsFields(spec, block),
  });
  return [folder({ ...spec.cms, name, label, label_singular, description }), ...(spec.cms.also ?? []).map(folder)];
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
    // Camera and location data removed in the browser, before an upload reaches the repository
    // (JPEG, PNG and WebP; the build refuses other types: integrations/upload-types.ts).
    media_processing: { enabled: true, strip_metadata: true },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: Object.entries(COLLECTIONS).flatMap(([name, spec]) => cmsCollections(name, spec)),
  };
}

export type CmsConfig = ReturnType<typeof cmsConfig>;
