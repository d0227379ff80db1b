/**
 * The content model: one zod schema per collection, built from a shared base.
 *
 * Each field carries `meta({ label, hint })` written for staff who are not web people,
 * so the CMS configuration can be derived from this file and never drift from it.
 * Only image fields need Astro's image helper, so the case study schema is built by a
 * function that takes it; anything that is not the site build (the CMS config, tests)
 * passes a plain string schema instead.
 */
import { z } from 'astro/zod';

/** The settings a case study can happen in. Adding one here adds it to the filter and the CMS. */
export const caseStudySettings = [
  'Criminal justice',
  'Prisons and probation',
  'Communities and neighbours',
  'Schools and children’s homes',
  'Care homes',
  'Workplaces',
] as const;
export type CaseStudySetting = (typeof caseStudySettings)[number];

/**
 * The drawings staff can pick for a page or a route (files in src/assets/illustrations/,
 * each a small calm SVG). Decorative: a page never depends on one to be understood.
 */
export const illustrationNames = [
  'conversation',
  'harmed',
  'responsible',
  'professional',
  'volunteer',
  'letters',
  'meeting',
  'community',
  'learning',
  'stories',
] as const;
export type IllustrationName = (typeof illustrationNames)[number];

/**
 * The pictures of the easy read page (files in src/assets/pictograms/): one simple drawing
 * beside each idea, as easy read guidance asks. The sentence beside it says everything, so
 * a picture is never the only way to understand a line.
 */
export const pictogramNames = [
  'hurt',
  'put-right',
  'talk',
  'person',
  'people',
  'family',
  'helper',
  'safe',
  'meet',
  'letter',
  'choose',
  'stop',
  'free',
  'question',
  'time',
  'phone',
  'email',
] as const;
export type PictogramName = (typeof pictogramNames)[number];

const illustration = z.enum(illustrationNames).optional().meta({
  label: 'Illustration',
  hint: 'A small drawing shown beside the heading and on links to this page. Leave empty for none.',
});

/** Optional dates that put an entry on the site, and take it off, by themselves. */
export const scheduleFields = {
  publishFrom: z.coerce.date().optional().meta({
    label: 'Publish from',
    hint: 'The entry stays off the site until this day. The site is rebuilt every night, so it appears that morning.',
  }),
  removeAfter: z.coerce.date().optional().meta({
    label: 'Remove after',
    hint: 'The entry comes off the site the day after this one, at the nightly rebuild.',
  }),
};

export const explainerAudiences = ['everyone', 'harmed', 'responsible', 'professionals'] as const;

const text = (label: string, hint: string) => z.string().trim().min(1, `${label} is required`).meta({ label, hint });

/** One line of text: a title becomes a heading, a page title and a calendar event's name. */
const line = (label: string, hint: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .regex(/^[^\r\n\u0085\u2028\u2029]*$/, `${label} must be one line`)
    .meta({ label, hint });

const optionalText = (label: string, hint: string, widget?: 'text') =>
  z.string().trim().optional().meta({ label, hint, widget });

const localLink = (label: string, hint: string) =>
  z
    .string()
    .trim()
    .regex(/^\/[a-z0-9\-/#]*$/, `${label} must be a page on this site, starting with /`)
    .meta({ label, hint });

const order = z.number().int().min(0).default(100).meta({
  label: 'Order',
  hint: 'Lower numbers come first in lists. Use 10, 20, 30… so you can slot pages in between.',
});

const contents = z.boolean().default(false).meta({
  label: 'Show a list of contents',
  hint: 'Tick for long pages so visitors can jump to a section.',
});

/**
 * What is still to confirm on a page. Filled in, the page shows a "Draft" notice with these
 * words, and the launch check (npm run launch-check) lists it: "draft" is this field, never
 * a word in the page's text.
 */
const draftNotice = optionalText(
  'Draft: what is still to confirm',
  'Fill in while anything on the page waits for the partnership’s approval, for example “The timescales wait for approval.” The page then shows a Draft notice with these words, and the launch check lists it. Empty it once confirmed.',
  'text',
);

/** Fields every entry that becomes a page has. */
export const basePageSchema = z.object({
  title: line('Title', 'The main heading of the page. Keep it short and plain, on one line.'),
  summary: z.string().trim().min(1, 'Summary is required').max(300, 'Summary must be 300 characters or fewer').meta({
    label: 'Summary',
    hint: 'One or two sentences. Shown in lists and search results, and used as the description search engines show.',
    widget: 'text',
  }),
  illustration,
  searchTerms: z.string().trim().optional().meta({
    label: 'Other words people search for',
    hint: 'Words visitors may type that the page does not use, separated by commas, for example “victim, offender, mediation”. Search finds the page by them and puts it near the top for them; they are not shown.',
  }),
});

export const serviceSchema = basePageSchema.extend({
  audience: text('Who it is for', 'A few words on who this service helps, for example “Schools and their staff”.'),
  order,
});

export const caseStudySchema = <Image extends z.ZodType>(image: () => Image) =>
  basePageSchema.extend({
    setting: z.enum(caseStudySettings).meta({
      label: 'Setting',
      hint: 'Where it happened. Visitors can filter case studies by setting.',
    }),
    outcome: text('Outcome', 'One or two sentences on what changed for the people involved.').meta({
      label: 'Outcome',
      hint: 'One or two sentences on what changed for the people involved.',
      widget: 'text',
    }),
    date: z.coerce.date().meta({ label: 'Date', hint: 'When the case study was written or published.' }),
    illustrative: z.boolean().default(true).meta({
      label: 'Illustrative example',
      hint: 'Leave ticked while this is a made-up example. Untick only for a real case that everyone involved has agreed to share.',
    }),
    image: z
      .object({
        src: image().meta({
          label: 'Picture file',
          hint: 'A calm picture of a place or object, never of a person in the case. Location and camera details are removed when the site is built.',
          widget: 'image',
        }),
        alt: text(
          'Description of the picture (alt text)',
          'Needed whenever there is a picture: say what it shows, for people who cannot see it.',
        ),
      })
      .optional()
      .meta({ label: 'Picture', hint: 'A picture is up to you. If you add one, describe it in the box below it.' }),
    ...scheduleFields,
  });

export const explainerSchema = basePageSchema
  .extend({
    order,
    draftNotice,
    audience: z.enum(explainerAudiences).default('everyone').meta({
      label: 'Who it is mainly for',
      hint: 'Used to group questions and to suggest pages to each kind of visitor.',
    }),
    easyRead: z.boolean().default(false).meta({
      label: 'Easy read',
      hint: 'Tick for the easy read page: its words go in “Easy read lines” below, each with a picture, and the text box is not used.',
    }),
    easyReadLines: z
      .array(
        z.object({
          heading: z.string().trim().optional().meta({
            label: 'New section heading',
            hint: 'Only on the first line of a new section, for example “Who takes part”. Leave empty otherwise.',
          }),
          picture: z.enum(pictogramNames).meta({
            label: 'Picture',
            hint: 'The drawing beside this line: choose the one closest to what the line says.',
          }),
          text: text(
            'Line',
            'One short sentence with one idea, in everyday words. Our phone and email are added at the end by themselves.',
          ),
        }),
      )
      .default([])
      .meta({ label: 'Easy read lines', hint: 'For the easy read page only: one idea per line, each with a picture.' }),
    contents,
  })
  .refine((entry) => !entry.easyRead || entry.easyReadLines.length > 0, {
    message: 'An easy read page needs its easy read lines',
    path: ['easyReadLines'],
  });

const list = (label: string, hint: string) =>
  z.array(z.string().trim().min(1)).min(1, `${label} needs at least one item`).meta({ label, hint });

export const volunteeringSchema = basePageSchema.extend({
  needToKnow: list('What you need to know', 'One fact per line.'),
  tasks: list('What you will be doing', 'The tasks of the role, one per line.'),
  weExpect: list('What we expect from you', 'One expectation per line.'),
  youCanExpect: list('What you can expect from us', 'One benefit per line.'),
});

export const routeSchema = z.object({
  label: text('Link text', 'What the visitor would say, for example “I was harmed”.'),
  description: text('Description', 'One sentence under the link.').meta({
    label: 'Description',
    hint: 'One sentence under the link.',
    widget: 'text',
  }),
  href: localLink('Link to', 'A page on this site, starting with /, for example /refer/.'),
  illustration,
});

export const pageSchema = basePageSchema.extend({
  lede: optionalText('Opening sentence', 'Shown in larger text under the heading.', 'text'),
  routes: z.array(routeSchema).optional().meta({
    label: 'Routes',
    hint: 'Large links by situation, used on the home page.',
  }),
  updated: z.coerce.date().optional().meta({
    label: 'Last reviewed',
    hint: 'Shown at the foot of policies and statements.',
  }),
  draftNotice,
  contents,
});

/** The words of a form's page, above the form (content/forms/<id>.md, named by the form's id). */
export const formPageSchema = basePageSchema.extend({
  lede: optionalText('Opening sentence', 'Shown in larger text under the heading.', 'text'),
});

/** The kinds of course and event. The volunteer page lists the core training from the same collection. */
export const eventKinds = [
  'Restorative practice training',
  'Volunteer core training',
  'Practitioner network meeting',
  'Other event',
] as const;
export const VOLUNTEER_TRAINING: (typeof eventKinds)[number] = 'Volunteer core training';
export const eventPlaces = ['open', 'few-left', 'full'] as const;

const time = (label: string, hint: string) =>
  z
    .string()
    .trim()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, `${label} must be a time like 09:30`)
    .meta({ label, hint });

export const eventSchema = basePageSchema.extend({
  kind: z
    .enum(eventKinds)
    .meta({ label: 'Kind of event', hint: 'Volunteer core training also shows on the volunteer pages.' }),
  audience: text('Who it is for', 'A few words, for example “Teachers and school staff” or “New volunteers”.'),
  date: z.coerce.date().meta({ label: 'Date', hint: 'The day it happens, or its first day.' }),
  startTime: time('Start time', 'UK time, as 24 hours: 09:30.'),
  endTime: time('End time', 'UK time, as 24 hours: 16:30.'),
  place: text('Place', 'The town or venue, for example “Gloucester”, or “Online”.'),
  online: z.boolean().default(false).meta({ label: 'Online', hint: 'Tick if it happens on a video call.' }),
  places: z.enum(eventPlaces).default('open').meta({
    label: 'Places',
    hint: 'open: places available; few-left: only a few places left; full: no places left (people can still ask to go on a waiting list).',
  }),
  example: z.boolean().default(false).meta({
    label: 'Example date',
    hint: 'Tick if this is an example, not a confirmed date. The site then labels it as an example.',
  }),
  ...scheduleFields,
});

/** Pages for police, probation, youth justice, schools, care homes and victim services. */
export const professionalPageSchema = basePageSchema.extend({
  order,
  contents,
  briefing: z.boolean().default(false).meta({
    label: 'One-page briefing',
    hint: 'Tick for the page meant to be printed and handed out: it prints on one sheet of A4. Keep it short.',
  }),
  checked: z.coerce.date().optional().meta({
    label: 'Facts last checked',
    hint: 'When someone last checked the facts on this page against their source (for example the Victims’ Code).',
  }),
});

/**
 * "Could restorative justice help me?": one question or ending per file. A question lists
 * its answers, each naming the step it leads to; an ending (no answers) lists next steps.
 * The build fails if an answer leads nowhere (src/lib/guide.ts).
 */
export const guideActionKinds = ['read', 'phone', 'refer'] as const;
export const guideStepSchema = basePageSchema.extend({
  answers: z
    .array(
      z.object({
        label: text('Answer', 'What the visitor would say, in their words.'),
        next: z
          .string()
          .trim()
          .regex(/^[a-z0-9-]+$/, 'Leads to must be another question or ending of the guide')
          .meta({
            label: 'Leads to',
            hint: 'The question or ending this answer leads to: type a few words of its title and choose it.',
            relation: 'guide',
          }),
      }),
    )
    .default([])
    .meta({ label: 'Answers', hint: 'For a question: one per answer. Leave empty for an ending.' }),
  actions: z
    .array(
      z.object({
        kind: z.enum(guideActionKinds).meta({
          label: 'Kind',
          hint: 'refer: a button to the referral form; phone: our phone number; read: a link to a page.',
        }),
        label: text('Link text', 'What the link says, for example “Read about ways of taking part”.'),
        href: localLink('Link to', 'A page on this site, for example /refer/i-was-harmed/. Not needed for phone.')
          .optional()
          .meta({
            label: 'Link to',
            hint: 'A page on this site, for example /refer/i-was-harmed/. Not needed for phone.',
          }),
      }),
    )
    .default([])
    .meta({ label: 'Next steps', hint: 'For an ending: what the visitor can do next.' }),
});

/**
 * "Other help": a national service a visitor may need more urgently than us. Each entry keeps
 * where its facts were read and when, so the launch check (src/lib/launch.ts) can flag one not
 * read for six months, and whether the partnership has confirmed it.
 */
export const helpServiceSchema = z.object({
  name: line('Name of the service', 'As the service calls itself, for example “Samaritans”.'),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9][0-9 ]{2,15}$/, 'Number must be digits and spaces')
    .meta({ label: 'Number', hint: 'Digits and spaces, exactly as the service writes it.' }),
  phoneIsText: z.boolean().default(false).meta({
    label: 'The number is for text messages',
    hint: 'Tick for a number people text rather than call, such as emergencySMS.',
  }),
  hours: text('When it is open', 'In the service’s own terms, for example “Open 24 hours a day, every day.”'),
  whoFor: text('Who it is for', 'Who the service says it is for, in one sentence.').meta({
    label: 'Who it is for',
    hint: 'Who the service says it is for, in one sentence.',
    widget: 'text',
  }),
  sources: z
    .array(z.url('Each source must be a full web address'))
    .min(1, 'Add the address of the page the facts come from')
    .meta({
      label: 'Where the facts come from',
      hint: 'The web address of each page you read for the number, hours and who it is for.',
    }),
  checked: z.coerce.date().meta({
    label: 'Facts last checked',
    hint: 'The day you last read those pages. Check again at least every six months: the launch check lists older ones.',
  }),
  confirmed: z.boolean().default(false).meta({
    label: 'Confirmed by the partnership',
    hint: 'Tick once someone at the partnership has checked this entry. Until then the launch check lists it.',
  }),
  shortList: z.boolean().default(false).meta({
    label: 'Show in the short list',
    hint: 'The short list appears at the end of the guide, on the referral and feedback confirmations and in the “Talk to us” box of pages for the public. Keep it to three or four.',
  }),
  order,
});

/** Which way a language is written: its page's `dir`, so right-to-left pages mirror. */
export const textDirections = ['ltr', 'rtl'] as const;

/** A phrase in the page's language, with its label and hint for staff. */
const inLanguage = (label: string, hint: string) => line(label, `${hint} Written in the page’s language.`);

/**
 * A page in another language (content/languages/<code>.md), translated by people, never by a
 * service at runtime. Everything on it is in its language: the quick exit's label and hint too.
 * Until a named translator's check is recorded, the page says (in its language and in English)
 * that the translation awaits a check, and the launch check lists it. What the partnership can
 * promise about interpreters is staff's to confirm, like every other promise on the site.
 */
const QUICK_EXIT_KEYS_HINT =
  'The hint for keyboards: “Or press Shift 3 times.” Keep the word Shift as it is: the page shows it as the key. Written in the page’s language.';

export const languageSchema = z.object({
  lang: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Language code must be a code like “pl”, “ur” or “pa”')
    .meta({
      label: 'Language code',
      hint: 'The short international code for the language (BCP 47), such as “pl” for Polish or “ur” for Urdu. It is also the page’s address: /languages/pl/. Ask a developer if unsure.',
    }),
  name: line(
    'Name in the language',
    'The language’s own name in its own script, as its speakers write it, such as “Polski” or “اردو”. Every list of languages shows this name.',
  ),
  englishName: line(
    'Name in English',
    'Such as “Polish”. Shown to staff, and beside the own name on the English list.',
  ),
  dir: z.enum(textDirections).default('ltr').meta({
    label: 'Direction of writing',
    hint: '“rtl” for languages written from right to left, such as Arabic and Urdu; “ltr” for the others.',
  }),
  listed: z.boolean().default(true).meta({
    label: 'On the site',
    hint: 'Untick to retire a language: its page comes off the site and it leaves every list. Nothing else changes.',
  }),
  order,
  title: inLanguage('Heading', 'The page’s main heading, such as “Help in Polish”.'),
  summary: z.string().trim().min(1, 'Summary is required').max(300, 'Summary must be 300 characters or fewer').meta({
    label: 'Summary',
    hint: 'One sentence for search results and search engines. Written in the page’s language.',
    widget: 'text',
  }),
  skipLink: inLanguage('“Skip to main content”', 'The first link on the page, for keyboard users.'),
  quickExit: z
    .object({
      label: inLanguage('Quick exit button', 'The button at the top: “Exit this page”.'),
      keys: line('Quick exit keys', QUICK_EXIT_KEYS_HINT)
        .regex(/Shift/, 'Quick exit keys must name the Shift key as “Shift”')
        .meta({ label: 'Quick exit keys', hint: QUICK_EXIT_KEYS_HINT }),
      safety: inLanguage(
        'Staying safe online link',
        'The link beside the button: “Staying safe online (in English)”. It leads to the English page, so say so.',
      ),
      loading: inLanguage('Quick exit loading', 'What shows for a moment while the page goes: “Loading.”'),
    })
    .meta({ label: 'Quick exit', hint: 'The way out at the top of the page, in the page’s language.' }),
  contact: z
    .object({
      heading: inLanguage('Heading', 'Such as “How to reach us”.'),
      phoneLabel: inLanguage('Before the number', 'Such as “Phone us:”. The number comes from the site settings.'),
      sayInEnglish: inLanguage(
        'What to say in English',
        'What to do when we answer in English, such as “When we answer, say this in English:”.',
      ),
      phrase: line(
        'The words in English',
        'The English words to say, such as “Polish interpreter, please”. Shown in English, as the caller says it.',
      ),
      promise: text(
        'What happens then',
        'Only what the partnership can promise, such as “We will call you back with an interpreter.” Written in the page’s language.',
      ).meta({
        label: 'What happens then',
        hint: 'Only what the partnership can promise, such as “We will call you back with an interpreter.” Written in the page’s language.',
        widget: 'text',
      }),
      confirmed: z.boolean().default(false).meta({
        label: 'The partnership has confirmed what happens then',
        hint: 'Until ticked, the page says these words wait for confirmation, and the launch check lists them.',
      }),
      unconfirmed: inLanguage('“Waiting for confirmation”', 'Shown under the promise until it is confirmed.'),
      safeToCall: inLanguage(
        'If calling back is not safe',
        'For someone whose phone another person may answer or check, such as “If it is not safe for us to call you back or leave a message, tell us when you call, or ask for a call back and choose how and when.”',
      ),
      danger: inLanguage('“In danger now, call 999”', 'Such as “If you are in danger now, call 999.”'),
    })
    .meta({ label: 'How to reach us', hint: 'The end of the page: our phone number and what to say when we answer.' }),
  otherLanguages: inLanguage(
    'Other languages heading',
    'Over the links to the other languages, such as “Other languages”.',
  ),
  review: z
    .object({
      translator: z.string().trim().optional().meta({
        label: 'Checked by (translator’s name)',
        hint: 'The name of the qualified translator who checked this page. Empty until they have.',
      }),
      checkedOn: z.coerce.date().optional().meta({
        label: 'Checked on',
        hint: 'The day the translator checked it. With a name and a day, the “waiting for a check” notice goes.',
      }),
      awaiting: inLanguage(
        '“This translation waits for a check”',
        'Shown at the top until a translator’s check is recorded, with the same words in English.',
      ),
    })
    .meta({
      label: 'Translation check',
      hint: 'Every page in another language is checked by a qualified translator before it is relied on.',
    }),
  census: z
    .object({
      figure: text(
        'How many speak it',
        'From the 2021 Census, main language (table TS024), such as “1.1% of residents of England and Wales aged 3 or over”.',
      ),
      source: z
        .url('Source must be a full web address')
        .meta({ label: 'Source', hint: 'The page the figure comes from.' }),
      checked: z.coerce.date().meta({ label: 'Figure checked', hint: 'The day the figure was read at its source.' }),
    })
    .meta({
      label: 'Why this language (notes for staff)',
      hint: 'Not shown on the page. Why the language was chosen, with the figure and where it comes from.',
    }),
});

export type LanguagePage = z.infer<typeof languageSchema>;

/** A partner of the partnership, as it agreed to be named. */
export const partnerSchema = z.object({
  name: text('Name', 'The organisation’s name, as it wants to be named.'),
  url: z.url('Website must be a full web address').optional().meta({ label: 'Website', hint: 'Optional.' }),
});

export const navItemSchema = z.object({
  label: text('Label', 'The words in the menu.'),
  href: localLink('Link to', 'A page on this site, starting with /.'),
});

export const settingsSchema = z.object({
  organisationName: text('Organisation name', 'As it appears in the header and footer.'),
  strapline: text('Strapline', 'A few words under the name.'),
  phone: z
    .string()
    .trim()
    .regex(/^0[0-9 ]{9,13}$/, 'Referral phone number must be digits and spaces, starting with 0')
    .meta({ label: 'Referral phone number', hint: 'Shown on every page. Spaces are fine; keep the digits exact.' }),
  referralEmail: z
    .email('Referral email must be an email address')
    .meta({ label: 'Referral email', hint: 'Where people can email a referral.' }),
  funding: text('Funding statement', 'Shown in the footer of every page.').meta({
    label: 'Funding statement',
    hint: 'Shown in the footer of every page.',
    widget: 'text',
  }),
  quickExitUrl: z
    .url('Quick exit address must be a full web address')
    .meta({ label: 'Quick exit goes to', hint: 'A neutral website. The default is BBC Weather.' }),
  navigation: z.array(navItemSchema).min(1).meta({
    label: 'Main menu',
    hint: 'The links in the header, in order. Keep the words short: on a laptop they must fit on one line. “Make a referral” and the phone number have their own places in the header.',
  }),
  phoneHours: optionalText(
    'When the phone is answered',
    'For example “Monday to Friday, 9am to 5pm”. Leave empty until the partnership confirms it: the site then says nothing about hours, and the launch check lists it.',
  ),
  outOfHours: optionalText(
    'Out of hours',
    'What happens when nobody can answer, for example “Leave a message and we call back the next working day.”',
    'text',
  ),
  relayUk: z.boolean().default(true).meta({
    label: 'Say people can call us through Relay UK',
    hint: 'Relay UK lets people who are deaf or cannot speak call any number by text, by dialling 18001 first.',
  }),
  bsl: optionalText(
    'How someone who uses BSL can ask for an interpreter',
    'Shown on the Contact page under Relay UK, for people who use British Sign Language. Only what the partnership can do, such as “Email us and say you use BSL. We will book a BSL interpreter for every conversation.” Leave empty and the page says nothing about BSL; the launch check lists it.',
    'text',
  ),
  bslConfirmed: z.boolean().default(false).meta({
    label: 'The partnership has confirmed the BSL words',
    hint: 'Until ticked, the words show as waiting for confirmation, and the launch check lists them.',
  }),
  confidentiality: text(
    'What we keep private, and when we must share',
    'Shown on the referral’s first page and the guide’s first question, before anyone types. Plain words: what stays between us, and when we have to tell someone (a risk of serious harm, a child at risk).',
  ).meta({
    label: 'What we keep private, and when we must share',
    hint: 'Shown on the referral’s first page and the guide’s first question, before anyone types. Plain words: what stays between us, and when we have to tell someone (a risk of serious harm, a child at risk).',
    widget: 'text',
  }),
  confidentialityConfirmed: z.boolean().default(false).meta({
    label: 'The partnership has confirmed these words',
    hint: 'Until ticked, the words show as waiting for confirmation, and the launch check lists them.',
  }),
  partners: z.array(partnerSchema).default([]).meta({
    label: 'Partners',
    hint: 'The organisations in the partnership that have agreed to be named. The About page lists them; with none, it lists none.',
  }),
  callNote: text(
    'What happens when you call',
    'Shown under the phone number in the “Talk to us” box on every page. Two or three short sentences.',
  ).meta({
    label: 'What happens when you call',
    hint: 'Shown under the phone number in the “Talk to us” box on pages for the public (people harmed, people responsible, families). Two or three short sentences.',
    widget: 'text',
  }),
  callNoteVolunteers: text(
    'What happens when you call (volunteer pages)',
    'The same box on the volunteer pages, for people thinking of volunteering. Two or three short sentences.',
  ).meta({
    label: 'What happens when you call (volunteer pages)',
    hint: 'The same box on the volunteer pages, for people thinking of volunteering. Two or three short sentences.',
    widget: 'text',
  }),
  callNoteProfessionals: text(
    'What happens when you call (pages for professionals)',
    'The same box on the pages for professionals and on training and events. Two or three short sentences.',
  ).meta({
    label: 'What happens when you call (pages for professionals)',
    hint: 'The same box on the pages for professionals and on training and events. Two or three short sentences.',
    widget: 'text',
  }),
});

export type Settings = z.infer<typeof settingsSchema>;
