import type { Narrative, NarrativeSection } from '../model/form.ts';

/** The section whose heading mentions the keyword (e.g. 存在的问题), whatever its number in this report. */
export const findSection = (narrative: Narrative, keyword: string): NarrativeSection | undefined =>
  narrative.sections.find((section) => section.heading.includes(keyword));

export const sectionWhere = (section: NarrativeSection): string => `narrative.section${section.number}`;

export const CHINESE_SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

export const sectionLabel = (section: NarrativeSection): string =>
  `${CHINESE_SECTION_NUMERALS[section.number - 1] ?? section.number}、${section.heading}`;
