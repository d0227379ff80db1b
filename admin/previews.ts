/**
 * Previews: each collection shown with the site's own styles and page structure, close to
 * the page a visitor will see. Written with createElement, so no JSX build step is needed.
 */
import { createElement as h, type ReactNode } from 'react';
import { easyReadSections, type EasyReadLine } from '../src/lib/easy-read.ts';
import { eventFacts, type EventFactsInput } from '../src/lib/event-facts.ts';
import { AWAITING_CHECK_ENGLISH } from '../src/lib/languages.ts';
import { pictogramSvg } from '../src/lib/pictograms.ts';
import { pictogramNames } from '../src/model/content.ts';
import { COLLECTIONS, type CollectionSpec, type PreviewKind } from '../src/model/collections.ts';

interface PreviewProps {
  entry: { getIn(path: string[]): unknown };
  widgetFor(name: string): ReactNode;
  /**
   * The address of an uploaded or stored file, as the preview can show it. A field with its own
   * media folder (case study pictures live beside the entries) must be passed for the path to
   * resolve.
   */
  getAsset(path: string, field?: unknown): { toString(): string } | undefined;
  collection?: ImmutableLike;
}

interface ImmutableLike {
  get(key: string): unknown;
}

/** A field of the collection's configuration, found by its path of names. */
function configField(collection: ImmutableLike | undefined, ...names: string[]): unknown {
  let fields = collection?.get('fields') as
    { find(test: (field: ImmutableLike) => boolean): ImmutableLike | undefined } | undefined;
  let found: ImmutableLike | undefined;
  for (const name of names) {
    found = fields?.find((field) => field.get('name') === name);
    fields = found?.get('fields') as typeof fields;
  }
  return found;
}

type Registry = { registerPreviewTemplate(name: string, component: (props: PreviewProps) => ReactNode): void };

const text = (entry: PreviewProps['entry'], ...path: string[]) => {
  const value = entry.getIn(['data', ...path]);
  return value === undefined || value === null ? '' : String(value);
};

const list = (entry: PreviewProps['entry'], name: string): unknown[] => {
  const value = entry.getIn(['data', name]) as { toJS?: () => unknown[] } | undefined;
  return value?.toJS?.() ?? [];
};

const formatDate = (value: string) => {
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
};

function article({ entry, widgetFor }: PreviewProps, before: ReactNode[] = [], after: ReactNode[] = []) {
  const summary = text(entry, 'lede') || text(entry, 'summary');
  return h(
    'main',
    { className: 'preview' },
    h('h1', null, text(entry, 'title')),
    summary ? h('p', { className: 'lede' }, summary) : null,
    ...before,
    h('div', { className: 'prose' }, widgetFor('body')),
    ...after,
  );
}

/** The easy read page's lines with their pictures, as src/components/EasyRead.astro draws them. */
function easyRead({ entry }: PreviewProps): ReactNode[] {
  const lines = (list(entry, 'easyReadLines') as Partial<EasyReadLine>[]).filter(
    (line): line is EasyReadLine => !!line.text && pictogramNames.includes(line.picture as never),
  );
  return easyReadSections(lines).map((section, i) =>
    h(
      'section',
      { key: i, className: 'easy-read' },
      section.heading ? h('h2', null, section.heading) : null,
      h(
        'ul',
        null,
        ...section.lines.map((line, j) =>
          h(
            'li',
            { key: j },
            h('span', { dangerouslySetInnerHTML: { __html: pictogramSvg(line.picture) } }),
            h('p', null, line.text),
          ),
        ),
      ),
    ),
  );
}

const illustrativeNotice = () =>
  h(
    'div',
    { className: 'notice' },
    h(
      'p',
      null,
      h('strong', null, 'This is an illustrative example.'),
      ' It is made up to show how a restorative process can work.',
    ),
  );

/** The case study's picture, as visitors will see it, with its description as the alt text. */
function picture({ entry, getAsset, collection }: PreviewProps): ReactNode {
  const src = text(entry, 'image', 'src');
  if (!src) return null;
  const alt = text(entry, 'image', 'alt');
  const asset = getAsset(src, configField(collection, 'image', 'src'));
  return h(
    'figure',
    { className: 'preview__picture' },
    h('img', { src: String(asset ?? src), alt }),
    alt ? null : h('figcaption', { className: 'notice' }, 'Add a description of the picture before you publish.'),
  );
}

function caseStudy(props: PreviewProps) {
  const { entry } = props;
  const illustrative = entry.getIn(['data', 'illustrative']) !== false;
  return article(
    props,
    [
      illustrative ? illustrativeNotice() : null,
      h(
        'dl',
        { className: 'preview__facts' },
        h('div', null, h('dt', null, 'Setting'), h('dd', null, text(entry, 'setting'))),
        h('div', null, h('dt', null, 'Published'), h('dd', null, formatDate(text(entry, 'date')))),
      ),
      picture(props),
    ],
    [h('h2', null, 'Outcome'), h('p', null, text(entry, 'outcome'))],
  );
}

function service(props: PreviewProps) {
  return article(props, [h('p', null, h('strong', null, 'Who it is for: '), text(props.entry, 'audience'))]);
}

function volunteering(props: PreviewProps) {
  const { entry } = props;
  const sections: [string, string][] = [
    ['needToKnow', 'What you need to know'],
    ['tasks', 'What you will be doing'],
    ['weExpect', 'What we expect from you'],
    ['youCanExpect', 'What you can expect from us'],
  ];
  return article(
    props,
    [],
    [
      ...sections.flatMap(([name, heading]) => [
        h('h2', { key: `${name}-h` }, heading),
        h('ul', { key: name }, ...list(entry, name).map((item, i) => h('li', { key: i }, String(item)))),
      ]),
      h('p', null, 'The core training dates come from “Training and events” (kind: Volunteer core training).'),
    ],
  );
}

function page(props: PreviewProps) {
  const routes = list(props.entry, 'routes') as { label?: string; description?: string }[];
  return article(
    props,
    routes.length
      ? [
          h('h2', null, 'Find what fits your situation'),
          ...routes.map((route, i) =>
            h(
              'div',
              { className: 'preview__route', key: i },
              h('strong', null, route.label),
              h('div', null, route.description),
            ),
          ),
        ]
      : [],
  );
}

function settings({ entry }: PreviewProps) {
  const navigation = list(entry, 'navigation') as { label?: string; href?: string }[];
  return h(
    'div',
    null,
    h(
      'header',
      { className: 'preview__header' },
      h('p', null, h('strong', null, text(entry, 'organisationName')), ' – ', text(entry, 'strapline')),
      h('nav', null, ...navigation.map((item, i) => h('a', { key: i, href: item.href }, item.label))),
    ),
    h(
      'footer',
      { className: 'preview__footer' },
      h('h2', null, 'Contact us'),
      h('p', null, `Phone: ${text(entry, 'phone')}`),
      h('p', null, `Email: ${text(entry, 'referralEmail')}`),
      h('p', null, text(entry, 'funding')),
      h('p', null, `Quick exit goes to: ${text(entry, 'quickExitUrl')}`),
    ),
  );
}

/** A course or event with its facts in the words the site uses (src/lib/event-facts.ts). */
function event(props: PreviewProps) {
  const { entry } = props;
  const date = new Date(text(entry, 'date'));
  const facts = Number.isNaN(date.getTime())
    ? []
    : eventFacts({
        date,
        startTime: text(entry, 'startTime') || '00:00',
        endTime: text(entry, 'endTime') || '00:00',
        place: text(entry, 'place'),
        online: entry.getIn(['data', 'online']) === true,
        audience: text(entry, 'audience'),
        places: (text(entry, 'places') || 'open') as EventFactsInput['places'],
        example: entry.getIn(['data', 'example']) === true,
      });
  return article(props, [
    h('p', { className: 'preview__kind' }, text(entry, 'kind')),
    entry.getIn(['data', 'example']) === true
      ? h(
          'div',
          { className: 'notice' },
          h('p', null, h('strong', null, 'This is an example date.'), ' It is not confirmed yet.'),
        )
      : null,
    facts.length
      ? h(
          'dl',
          { className: 'preview__facts' },
          ...facts.map((fact) => h('div', { key: fact.name }, h('dt', null, fact.term), h('dd', null, fact.value))),
        )
      : h('p', { className: 'notice' }, 'Add the date to see when it happens.'),
  ]);
}

/** A page for professionals, with the date its facts were last checked. */
function professional(props: PreviewProps) {
  const checked = text(props.entry, 'checked');
  return article(
    props,
    [],
    checked ? [h('p', { className: 'preview__checked' }, `Facts last checked: ${formatDate(checked)}`)] : [],
  );
}

/** A step of the guide: its question and the answers as the buttons visitors choose from, or an ending's next steps. */
function guideStep(props: PreviewProps) {
  const answers = list(props.entry, 'answers') as { label?: string }[];
  const actions = list(props.entry, 'actions') as { label?: string }[];
  return article(
    props,
    [],
    answers.length
      ? [
          h(
            'ul',
            { className: 'preview__answers' },
            ...answers.map((answer, i) => h('li', { key: i }, h('span', { className: 'button' }, answer.label))),
          ),
        ]
      : [
          h('h2', null, 'What you can do next'),
          h('ul', null, ...actions.map((action, i) => h('li', { key: i }, action.label))),
        ],
  );
}

/** An entry of "Other help" as the Other help page shows it (src/components/HelpService.astro). */
function helpService({ entry, widgetFor }: PreviewProps) {
  const phoneIsText = entry.getIn(['data', 'phoneIsText']) === true;
  return h(
    'main',
    { className: 'preview' },
    h('h2', null, text(entry, 'name')),
    h(
      'p',
      null,
      h('strong', null, `${phoneIsText ? 'Text' : 'Call'} ${text(entry, 'phone')}`),
      ` ${text(entry, 'hours')}`,
    ),
    h('p', null, text(entry, 'whoFor')),
    h('div', { className: 'prose' }, widgetFor('body')),
    h('p', null, `Last checked ${formatDate(text(entry, 'checked'))}.`),
  );
}

/**
 * A page in another language, laid out as the site shows it (src/pages/languages/[lang].astro):
 * in its language and direction, the quick exit's words at the top, the "waiting for a check"
 * notice until a translator is named, the text, then how to reach us.
 */
function language({ entry, widgetFor }: PreviewProps) {
  const lang = text(entry, 'lang');
  const checked = text(entry, 'review', 'translator') && text(entry, 'review', 'checkedOn');
  const confirmed = entry.getIn(['data', 'contact', 'confirmed']) === true;
  return h(
    'main',
    { className: 'preview', lang, dir: text(entry, 'dir') || 'ltr' },
    // For staff: which language this is, and so the page's address (/languages/<code>/).
    h('p', { lang: 'en-GB', dir: 'ltr' }, 'Language code: ', h('code', null, lang)),
    h('p', null, h('span', { className: 'button button--exit' }, text(entry, 'quickExit', 'label'))),
    checked
      ? null
      : h(
          'div',
          { className: 'notice' },
          h('p', null, text(entry, 'review', 'awaiting')),
          h('p', { lang: 'en-GB', dir: 'ltr' }, AWAITING_CHECK_ENGLISH),
        ),
    h('h1', null, text(entry, 'title')),
    h('div', { className: 'prose' }, widgetFor('body')),
    h('h2', null, text(entry, 'contact', 'heading')),
    h(
      'p',
      null,
      `${text(entry, 'contact', 'phoneLabel')} `,
      h('strong', { dir: 'ltr' }, '(our phone number, from the settings)'),
    ),
    h('p', null, text(entry, 'contact', 'sayInEnglish')),
    h('p', { lang: 'en-GB', dir: 'ltr' }, h('strong', null, text(entry, 'contact', 'phrase'))),
    h('p', null, text(entry, 'contact', 'promise')),
    confirmed ? null : h('p', { className: 'notice' }, text(entry, 'contact', 'unconfirmed')),
    h('p', null, text(entry, 'contact', 'safeToCall')),
    h('p', null, h('strong', null, text(entry, 'contact', 'danger'))),
  );
}

const TEMPLATES: Record<PreviewKind, (props: PreviewProps) => ReactNode> = {
  article: (props) => article(props, [], easyRead(props)),
  service,
  caseStudy,
  event,
  professional,
  guideStep,
  volunteering,
  page,
  settings,
  helpService,
  language,
};

/**
 * A preview for every collection of the registry: a folder's entries by the collection's name,
 * named files by theirs (Decap looks previews up by either).
 */
export function registerPreviews(cms: Registry, collections: Record<string, CollectionSpec> = COLLECTIONS): void {
  // One namespace for both: a second template under a name already taken would silently
  // replace the first, and staff would see one collection's entries laid out as another's.
  const taken = new Set<string>();
  const register = (name: string, template: (props: PreviewProps) => ReactNode) => {
    if (taken.has(name)) throw new Error(`Two CMS previews are named “${name}”: rename a file or a collection`);
    taken.add(name);
    cms.registerPreviewTemplate(name, template);
  };
  for (const [name, spec] of Object.entries(collections)) {
    const template = TEMPLATES[spec.cms.preview];
    if (spec.cms.files) for (const file of spec.cms.files) register(file.name, template);
    else register(name, template);
    for (const other of spec.cms.also ?? []) register(other.name, TEMPLATES[other.preview]);
  }
}
