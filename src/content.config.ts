import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  caseStudySchema,
  eventSchema,
  explainerSchema,
  guideStepSchema,
  pageSchema,
  professionalPageSchema,
  serviceSchema,
  settingsSchema,
  volunteeringSchema,
} from './model/content.ts';

/** Every collection lives in a folder of the top-level content/ directory named after it. */
const filesIn = (folder: string, pattern = '**/*.md') => glob({ base: `./content/${folder}`, pattern });

export const collections = {
  services: defineCollection({ loader: filesIn('services'), schema: serviceSchema }),
  caseStudies: defineCollection({ loader: filesIn('caseStudies'), schema: ({ image }) => caseStudySchema(image) }),
  explainers: defineCollection({ loader: filesIn('explainers', '**/*.{md,mdx}'), schema: explainerSchema }),
  volunteering: defineCollection({ loader: filesIn('volunteering'), schema: volunteeringSchema }),
  events: defineCollection({ loader: filesIn('events'), schema: eventSchema }),
  guide: defineCollection({ loader: filesIn('guide'), schema: guideStepSchema }),
  professionals: defineCollection({ loader: filesIn('professionals'), schema: professionalPageSchema }),
  pages: defineCollection({ loader: filesIn('pages', '**/*.{md,mdx}'), schema: pageSchema }),
  settings: defineCollection({ loader: filesIn('settings', '*.json'), schema: settingsSchema }),
};
