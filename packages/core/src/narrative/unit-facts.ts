import type { Narrative, UnitFacts } from '../model/form.ts';

/** "<label>[为|是|共|：] N 人": built once, not per report. */
const staffCount = (labels: string): RegExp =>
  new RegExp(`(?:${labels})(?:为|是|共|:|：)?[\\s\\u3000]*(\\d+)[\\s\\u3000]*(?:人|名)`, 'u');

const AUTHORIZED = staffCount('编制数|编制人数|人员编制|核定编制|编制');
const ACTIVE = staffCount('在职人数|在职人员|实有人数|实有人员|在编人数|在岗人数');

const count = (text: string, pattern: RegExp): number | null => {
  const match = text.match(pattern);
  return match?.[1] ? Number(match[1]) : null;
};

/** 编制数 / 在职人数 as the narrative's 单位基本情况 states them ("本部门编制数10人，在职人数11人"). */
export const extractUnitFacts = (text: string): UnitFacts => {
  const normalized = text.normalize('NFKC');
  return {
    authorizedStaff: count(normalized, AUTHORIZED),
    activeStaff: count(normalized, ACTIVE),
  };
};

/** Facts given on the form win; missing ones are read from the narrative. */
export const resolveUnitFacts = (given: UnitFacts, narrative: Narrative): UnitFacts => {
  if (given.authorizedStaff !== null && given.activeStaff !== null) return given;
  const extracted = extractUnitFacts(narrative.sections.map((section) => section.body).join('\n'));
  return {
    authorizedStaff: given.authorizedStaff ?? extracted.authorizedStaff,
    activeStaff: given.activeStaff ?? extracted.activeStaff,
  };
};
