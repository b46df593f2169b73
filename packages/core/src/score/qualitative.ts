import type { QualitativeTier } from '../model/result.ts';
import { type NegationReading, readNegations, type TermIndex, termIndex } from '../parse/negation.ts';
import { NEGATABLE_PREDICATES } from '../parse/negation-words.ts';
import type { ParsedValue } from '../parse/types.ts';
import type { RuleSet } from '../rules/schema.ts';
import { dec } from '../util/decimal.ts';

type Vocabulary = RuleSet['qualitative'];

const TIERS: readonly QualitativeTier[] = ['achieved', 'partial', 'notAchieved'];
const RANK: Record<QualitativeTier, number> = { notAchieved: 0, partial: 1, achieved: 2 };

export const TIER_LABELS: Record<QualitativeTier, string> = {
  achieved: '达成年度指标',
  partial: '部分达成年度指标并具有一定效果',
  notAchieved: '未达成年度指标且效果较差',
};

/** A tier with how it was read, or why none could be. */
export type TierReading = { tier: QualitativeTier; how: string } | { tier: null; why: string };

const UNKNOWN = '不是可识别的完成程度用语';

const stripPunctuation = (text: string): string => text.replace(/[\s。，,.;；!！、]+/gu, '');

const indexes = new WeakMap<Vocabulary, TermIndex>();

/** The words a negator may govern: the rule set's vocabulary and the predicates officials negate. */
const termsOf = (vocabulary: Vocabulary): TermIndex => {
  const known = indexes.get(vocabulary);
  if (known) return known;
  const index = termIndex([
    ...vocabulary.achieved,
    ...vocabulary.partial,
    ...vocabulary.notAchieved,
    ...NEGATABLE_PREDICATES,
  ]);
  indexes.set(vocabulary, index);
  return index;
};

const label = (tier: QualitativeTier): string => `“${TIER_LABELS[tier]}”`;

type Judged = { tier: QualitativeTier; text: string } | { tier: null; why: string };

/** What one negation means for the tier (QUAL-2 step 0), said in words the unit can check. */
const judge = (reading: NegationReading, vocabulary: Vocabulary): Judged => {
  switch (reading.kind) {
    case 'negated': {
      const { phrase, negator, term, limit } = reading;
      if (limit?.kind === 'pending') {
        return { tier: 'partial', text: `“${phrase}”中“${negator}”表示“${term}”尚未做到，读作${label('partial')}` };
      }
      if (limit?.kind === 'whole') {
        return {
          tier: 'partial',
          text: `“${phrase}”中“${negator}”否定的是“${limit.word}”（未全部做到），读作${label('partial')}`,
        };
      }
      if (limit?.kind === 'part') {
        return {
          tier: 'partial',
          text: `“${phrase}”中“${negator}”否定了“${term}”，但有“${limit.word}”限定，读作${label('partial')}`,
        };
      }
      if (vocabulary.notAchieved.includes(term)) {
        return {
          tier: 'achieved',
          text: `“${phrase}”中“${negator}”否定了“${term}”（双重否定），读作${label('achieved')}`,
        };
      }
      return {
        tier: 'notAchieved',
        text: `“${phrase}”中“${negator}”否定了“${term}”，按否定读作${label('notAchieved')}，不按“${term}”计`,
      };
    }
    case 'absence': {
      const { phrase, marker, adverse, by } = reading;
      const why =
        by === 'negator'
          ? `（“${marker}”否定的是不良事项，不是完成情况）`
          : by === 'prevention'
            ? `（“${marker}”针对的是不良事项）`
            : '（数量为零）';
      return { tier: 'achieved', text: `“${phrase}”表示没有发生不良事项“${adverse}”${why}，读作${label('achieved')}` };
    }
    case 'presence':
      return {
        tier: 'notAchieved',
        text: `“${reading.phrase}”表示发生了不良事项“${reading.adverse}”，读作${label('notAchieved')}`,
      };
    case 'shortfall':
      return {
        tier: 'partial',
        text: `“${reading.phrase}”承认尚有${reading.word}，读作${label('partial')}`,
      };
    case 'idiom':
      return {
        tier: 'achieved',
        text: `“${reading.phrase}”是肯定的说法（其中的否定字不表否定），读作${label('achieved')}`,
      };
    case 'unresolved':
      return {
        tier: null,
        why: `含否定词“${reading.negator}”，但其否定的“${reading.governed || '（空）'}”不在用语表中，无法判定档位`,
      };
    case 'notApplicable':
      return { tier: null, why: `表示不适用（“${reading.phrase}”），无法判定档位` };
    default: {
      const unexpected: never = reading;
      return unexpected;
    }
  }
};

/** Text outside every negation: the longest vocabulary word (two characters or more) contained decides. */
const vocabularyTier = (segments: readonly string[], vocabulary: Vocabulary): Judged | null => {
  let best: { tier: QualitativeTier; word: string; segment: string } | null = null;
  for (const tier of TIERS) {
    for (const word of vocabulary[tier]) {
      if (word.length < 2 || (best !== null && word.length <= best.word.length)) continue;
      const segment = segments.find((text) => text.includes(word));
      if (segment !== undefined) best = { tier, word, segment };
    }
  }
  if (best === null) return null;
  const text =
    best.segment === best.word
      ? `“${best.word}”属于${label(best.tier)}用语`
      : `“${best.segment}”含“${best.word}”，属于${label(best.tier)}`;
  return { tier: best.tier, text };
};

const readCell = (text: string, vocabulary: Vocabulary): TierReading => {
  const clauses = readNegations(text, termsOf(vocabulary));
  const judged: Judged[] = clauses.flatMap((clause) => clause.negations.map((reading) => judge(reading, vocabulary)));
  const free = vocabularyTier(
    clauses.flatMap((clause) => clause.free),
    vocabulary,
  );
  if (free) judged.push(free);
  const known = judged.flatMap((item) => (item.tier === null ? [] : [item]));
  const unknown = judged.find((item) => item.tier === null);
  if (known.length === 0) return { tier: null, why: unknown?.why ?? UNKNOWN };
  const worst = known.reduce((low, item) => (RANK[item.tier] < RANK[low.tier] ? item : low));
  // An unread negation could be a failure; only a reading already at the lowest tier is safe beside it.
  if (unknown && worst.tier !== 'notAchieved') return { tier: null, why: unknown.why };
  const notNegations = [...new Set(clauses.flatMap((clause) => clause.notNegations))];
  const aside = notNegations.length > 0 ? `（${notNegations.map((word) => `“${word}”`).join('')}不是否定）` : '';
  const tiers = new Set(known.map((item) => item.tier));
  const how =
    known.length === 1
      ? worst.text
      : `${known.map((item) => item.text).join('；')}${tiers.size > 1 ? `；取其中最低档位${label(worst.tier)}` : ''}`;
  return { tier: worst.tier, how: how + aside };
};

/** The adverse event a target asks to be absent ("无安全事故", "不发生安全事故", "零投诉"), if that is all it says. */
const absenceTarget = (target: string, vocabulary: Vocabulary): string | null => {
  const clauses = readNegations(target, termsOf(vocabulary));
  const readings = clauses.flatMap((clause) => clause.negations);
  const [only] = readings;
  return readings.length === 1 && only?.kind === 'absence' ? only.adverse : null;
};

/** "未发生", "没有出现": the actual answers an absence target without naming the event again. */
const BARE_ABSENCE = /^(?:全年|年内|本年度)?(?:均|都|从|并|也)?(?:未|没有|没|无|不|零)(?:发生|出现|发现)过?$/u;

/**
 * QUAL-2 tier detection. Negation first (step 0): a negated word is never read as the word, an adverse
 * event that did not happen is an achievement, and a cell with a negation it cannot read gets no tier.
 * Then an exact vocabulary word, then the longest word (two characters or more) in the text outside every
 * negation, so "未完成" beats "完成" and "基本完成" beats "完成". Single-character words (优, 差 …) only
 * count as the whole cell, since they occur inside unrelated text. Several judgements: the lowest tier.
 */
export const detectTier = (actual: string, target: string | null, vocabulary: Vocabulary): TierReading => {
  const text = stripPunctuation(actual);
  if (text.length === 0) return { tier: null, why: UNKNOWN };
  if (target !== null && text === stripPunctuation(target)) return { tier: 'achieved', how: '实际完成值与指标值一致' };
  for (const tier of TIERS) {
    if (vocabulary[tier].includes(text)) return { tier, how: `“${text}”属于${label(tier)}用语` };
  }
  const adverse = target === null ? null : absenceTarget(target, vocabulary);
  if (adverse !== null && BARE_ABSENCE.test(text)) {
    return {
      tier: 'achieved',
      how: `指标值要求不发生“${adverse}”，实际“${text}”即没有发生，读作${label('achieved')}`,
    };
  }
  return readCell(actual, vocabulary);
};

/**
 * The tier of a verbal row. A count against an absence target ("无安全事故" → "0起") is judged by the
 * count; everything else by the actual's words.
 */
export const qualitativeTier = (actual: ParsedValue, target: ParsedValue, vocabulary: Vocabulary): TierReading => {
  const targetText = target.kind === 'qualitative' ? target.text : null;
  if (actual.kind === 'quantity' && targetText !== null) {
    const adverse = absenceTarget(targetText, vocabulary);
    if (adverse !== null) {
      const count = `${actual.quantity.value}${actual.quantity.unit ?? ''}`;
      return dec(actual.quantity.value).eq(0)
        ? { tier: 'achieved', how: `指标值要求不发生“${adverse}”，实际为${count}，读作${label('achieved')}` }
        : { tier: 'notAchieved', how: `指标值要求不发生“${adverse}”，实际为${count}，读作${label('notAchieved')}` };
    }
  }
  return detectTier(actual.kind === 'qualitative' ? actual.text : actual.raw, targetText, vocabulary);
};
