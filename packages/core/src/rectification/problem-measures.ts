import type { Narrative, NarrativeSection } from '../model/form.ts';
import { findSection } from '../narrative/sections.ts';

/**
 * Section 七 (存在的问题) split into problem statements, each paired with the section 八 (下一步改进措施) measure
 * that answers it best: by number when both sections are numbered alike, otherwise by the Han-character pairs
 * (bigrams) they share, since a measure repeats the problem's key terms (征收, 扫尾, 结算…).
 */

export type ProblemMeasure = { problem: string; measure: string };

/** A marker that starts a numbered point: （一） (1) 1. 1、 ① 一是 一、 首先 其次… */
const NUMBERED_POINT =
  /(?:^|(?<=[。；;：:！!？?\s]))(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．)）](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]{1,2}(?:是|、)|首先|其次|再次|最后)/gu;

const SENTENCE_END = /(?<=[。；;！!？?])/u;

const clean = (text: string): string => text.replace(/\s+/gu, ' ').trim();

const HAN = /\p{Script=Han}/gu;

/** Han characters in a text, counted without an array of every match. */
const hanCount = (text: string): number => {
  let count = 0;
  HAN.lastIndex = 0;
  while (HAN.test(text)) count++;
  return count;
};

/** Text with too little to be a point of its own (a lone heading word, "无"). */
const isTooShort = (text: string): boolean => hanCount(text) < 4;

/** The numbered points of a text, or null when it is not written as a numbered list (fewer than two markers). */
const numberedPoints = (text: string): string[] | null => {
  const starts = [...text.matchAll(NUMBERED_POINT)].map((match) => match.index);
  if (starts.length < 2) return null;
  const points = starts.map((start, index) => clean(text.slice(start, starts[index + 1] ?? text.length)));
  return points.filter((point) => !isTooShort(point));
};

const sentences = (text: string): string[] =>
  text
    .split(SENTENCE_END)
    .map(clean)
    .filter((sentence) => !isTooShort(sentence));

/** A section body as its points: the numbered points when it has them, else its sentences. */
export const splitPoints = (text: string): string[] => numberedPoints(text) ?? sentences(text);

/** Sentences that say there is nothing to report. */
const NOTHING_TO_REPORT = /^(?:无|暂无|没有|未发现)(?:明显|重大|突出)?(?:问题)?[。.！!]?$/u;

/** The problem statements of section 七's text; none when it is blank or says there are none. */
export const splitProblems = (text: string): string[] =>
  splitPoints(text).filter((point) => !NOTHING_TO_REPORT.test(point.replace(/\s/gu, '')));

const bigramsOf = (text: string): Set<string> => {
  const pairs = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const characters = [...run];
    for (let index = 0; index + 1 < characters.length; index += 1) {
      pairs.add(`${characters[index]}${characters[index + 1]}`);
    }
  }
  return pairs;
};

/** Character pairs that carry no subject of their own, so a shared 进一步 does not pair a measure. */
const COMMON_PAIRS = new Set(
  '问题 存在 工作 进一步 一步 加强 加快 推进 完善 提高 做好 项目 管理 相关 对于 部分 及时 确保 坚持 积极 单位 明年 今年 我区 方面 情况 影响 能力 措施 落实 以及 同时'
    .split(' ')
    .flatMap((word) => [...bigramsOf(word)]),
);

const keyPairs = (text: string): Set<string> => new Set([...bigramsOf(text)].filter((pair) => !COMMON_PAIRS.has(pair)));

/**
 * The part of a problem statement that names the problem: in "虽取得了较好成效，但仍面临……" the clause after 但
 * (its lead-in praises the work, and would pair the problem with a measure about the work in general).
 */
const problemClause = (problem: string): string => {
  const turn = problem.search(/[，,；;]\s*(?:但是|但|然而|不过|可是)/u);
  return turn > 0 ? problem.slice(turn) : problem;
};

const sharedCount = (a: Set<string>, b: Set<string>): number => [...a].filter((pair) => b.has(pair)).length;

/**
 * Pairs each problem with a measure: the measure at the same position when both lists are numbered points of
 * the same length, otherwise the measure sharing most key terms (none when no measure shares one).
 */
export const pairProblemsWithMeasures = (problemsText: string, measuresText: string): ProblemMeasure[] => {
  const problems = splitProblems(problemsText);
  const numberedProblems = numberedPoints(problemsText);
  const numberedMeasures = numberedPoints(measuresText);
  if (numberedProblems && numberedMeasures && numberedMeasures.length === problems.length) {
    return problems.map((problem, index) => ({ problem, measure: numberedMeasures[index] ?? '' }));
  }
  const measures = splitPoints(measuresText).map((measure) => ({ measure, pairs: keyPairs(measure) }));
  return problems.map((problem) => {
    const pairs = keyPairs(problemClause(problem));
    let best = { measure: '', shared: 0 };
    for (const candidate of measures) {
      const shared = sharedCount(pairs, candidate.pairs);
      if (shared > best.shared) best = { measure: candidate.measure, shared };
    }
    return { problem, measure: best.measure };
  });
};

/** The 存在的问题 and 下一步改进措施 sections of a report, whatever their numbers. */
export const problemAndMeasureSections = (
  narrative: Narrative,
): { problems: NarrativeSection | undefined; measures: NarrativeSection | undefined } => ({
  problems: findSection(narrative, '存在的问题') ?? findSection(narrative, '问题'),
  measures: findSection(narrative, '改进措施') ?? findSection(narrative, '整改措施') ?? findSection(narrative, '措施'),
});

/** A report's problems, each with its proposed measure (为“从问题生成”整改事项). */
export const proposeProblemMeasures = (narrative: Narrative): ProblemMeasure[] => {
  const { problems, measures } = problemAndMeasureSections(narrative);
  return problems ? pairProblemsWithMeasures(problems.body, measures?.body ?? '') : [];
};

/** Measures that promise nothing in particular. */
const BOILERPLATE_MEASURES = new Set(['无', '暂无', '略', '同上', '不适用', '无措施', '待定', '/', '-', '—', '——']);

/** Words that alone make a generic promise ("继续加强管理", "进一步完善相关工作"). */
const GENERIC_WORDS =
  /继续|进一步|不断|切实|持续|努力|认真|加强|强化|完善|提高|提升|做好|改进|规范|相关|有关|管理|工作|制度|建设|落实|力度|水平|我们|将|要|的|和|与|并|及/gu;

/**
 * 21 characters that are neither space nor punctuation: more than any boilerplate has. Found from the start, so a
 * long section is not stripped whole only to be measured.
 */
const MORE_THAN_BOILERPLATE = /^(?:[\s\p{P}]*[^\s\p{P}]){21}/u;

/** Whether the improvement measures are empty or boilerplate: nothing a reviewer could follow up. */
export const isBoilerplateMeasures = (text: string): boolean => {
  if (MORE_THAN_BOILERPLATE.test(text)) return false;
  const compact = text.replace(/[\s\p{P}]/gu, '');
  if (compact === '' || BOILERPLATE_MEASURES.has(compact)) return true;
  return compact.length <= 20 && compact.replace(GENERIC_WORDS, '') === '';
};
