/**
 * The easy read page's lines (content/explainers/, "Easy read lines") grouped into sections:
 * a line with a heading starts a new section, so staff edit one flat list in the CMS.
 */
import type { PictogramName } from '../model/content.ts';

export interface EasyReadLine {
  heading?: string;
  picture: PictogramName;
  text: string;
}

export interface EasyReadSection {
  heading?: string;
  lines: { picture: PictogramName; text: string }[];
}

export function easyReadSections(lines: readonly EasyReadLine[]): EasyReadSection[] {
  const sections: EasyReadSection[] = [];
  for (const { heading, picture, text } of lines) {
    const current = sections.at(-1);
    if (heading || !current) sections.push({ heading: heading || undefined, lines: [] });
    sections.at(-1)!.lines.push({ picture, text });
  }
  return sections;
}
