import { callBackFor } from '../forms/call-back/find.ts';
import { getCollection } from 'astro:content';
import { referralForm } from '../forms/referral/form.ts';
import {
  getBookableEvents,
  getCaseStudies,
  getEvents,
  getExplainers,
  getLanguages,
  getServices,
} from './collections.ts';
import { pagesWithOwnRoute } from './page-files.ts';
import { sections, urlFor } from '../model/collections.ts';
import { sectionEntries } from './sections.ts';

export interface PageLink {
  href: string;
  title: string;
  /** A page in another language: its title begins with the language's own name, in that language. */
  own?: { name: string; lang: string };
}

/**
 * Every public page, grouped as a visitor would look for them. Used by the search page
 * (its list for visitors without JavaScript) and the sitemap, so both always agree.
 */
export async function listAllPages(): Promise<{ heading: string; links: PageLink[] }[]> {
  const sectionGroups = await Promise.all(
    sections().map(async (section) => ({
      heading: section.title,
      links: [
        { href: `/${section.path}/`, title: section.title },
        ...(await sectionEntries(section.name)).map((e) => ({ href: urlFor(section.name, e.id), title: e.data.title })),
      ],
    })),
  );
  const formPages = await getCollection('formPages');
  const [services, explainers, caseStudies, events, professionals, pages, languages] = await Promise.all([
    getServices(),
    getExplainers(),
    getCaseStudies(),
    getEvents(),
    getCollection('professionals'),
    getCollection('pages', (entry) => !pagesWithOwnRoute.has(entry.id)),
    getLanguages(),
  ]);
  return [
    {
      heading: 'Main pages',
      links: [
        { href: '/', title: 'Home' },
        { href: '/what-we-do/', title: 'What we do' },
        { href: '/case-studies/', title: 'Case studies' },
        { href: '/restorative-processes/', title: 'What is restorative practice' },
        { href: '/volunteer/', title: 'Volunteer with us' },
        { href: '/volunteer/apply/', title: 'Apply to volunteer' },
        { href: '/refer/', title: 'Make a referral' },
        { href: '/could-it-help/', title: 'Could restorative justice help you?' },
        { href: '/contact/', title: 'Contact' },
        { href: '/other-help/', title: 'Other help' },
        { href: '/feedback/', title: 'Feedback' },
        { href: '/training-and-events/', title: 'Training and events' },
        // Pages of forms without a page of their own design (content/forms/), such as feedback.
        ...formPages
          .map((e) => ({ href: urlFor('formPages', e.id), title: e.data.title }))
          .filter((link) => link.href !== '/feedback/'),
      ],
    },
    {
      heading: 'Make a referral',
      links: Object.entries(referralForm.audience!.paths).map(([answer, href]) => ({
        href,
        title: `Make a referral: ${referralForm.audience!.captions[answer].toLowerCase()}`,
      })),
    },
    { heading: 'What we do', links: services.map((e) => ({ href: urlFor('services', e.id), title: e.data.title })) },
    {
      heading: 'What is restorative practice',
      links: explainers.map((e) => ({ href: urlFor('explainers', e.id), title: e.data.title })),
    },
    {
      heading: 'Case studies',
      links: caseStudies.map((e) => ({ href: urlFor('caseStudies', e.id), title: e.data.title })),
    },
    {
      heading: 'For professionals',
      links: [
        { href: '/professionals/', title: 'For professionals' },
        ...professionals
          .sort((a, b) => a.data.order - b.data.order)
          .map((e) => ({ href: urlFor('professionals', e.id), title: e.data.title })),
      ],
    },
    {
      heading: 'Training and events',
      links: [
        ...events.map((e) => ({ href: urlFor('events', e.id), title: e.data.title })),
        ...(await getBookableEvents()).map((e) => ({
          href: `${urlFor('events', e.id)}enquire/`,
          title: `Ask about a place: ${e.data.title}`,
        })),
        { href: '/training-and-events/enquire/', title: 'Ask about a place' },
      ],
    },
    ...sectionGroups,
    {
      heading: 'Help in your language',
      links: [
        { href: '/languages/', title: 'Help in your language' },
        ...languages.flatMap((e) => {
          const own = { name: e.data.name, lang: e.data.lang };
          const page = { href: urlFor('languages', e.id), title: `${e.data.name} (${e.data.englishName})`, own };
          const callBack = callBackFor(e.data.lang);
          return callBack
            ? [
                page,
                { href: callBack.pagePath, title: `${e.data.name}: ask for a call back (${e.data.englishName})`, own },
              ]
            : [page];
        }),
      ],
    },
    {
      heading: 'About this site',
      links: pages
        .map((e) => ({ href: urlFor('pages', e.id), title: e.data.title }))
        .sort((a, b) => a.title.localeCompare(b.title)),
    },
  ];
}
