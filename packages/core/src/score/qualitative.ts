import type { QualitativeTier } from '../model/result.ts';
import type { RuleSet } from '../rules/schema.ts';

const TIERS: readonly QualitativeTier[] = ['achieved', 'partial', 'notAchieved'];

export const TIER_LABELS: Record<QualitativeTier, string> = {
  achieved: '达成年度指标',
  partial: '部分达成年度指标并具有一定效果',
  notAchieved: '未达成年度指标且效果较差',
};

const stripPunctuation = (text: string): string => text.replace(/[\s。，,.;；!！、]+/gu, '');

/**
 * QUAL-2 tier detection. An exact vocabulary word wins; otherwise the longest word (two characters or more)
 * contained in the text decides, so "未完成" beats "完成" and "基本完成" beats "完成". Single-character
 * words (优, 差 …) only count as the whole cell, since they occur inside unrelated text.
 */
export const detectTier = (
  actual: string,
  target: string | null,
  vocabulary: RuleSet['qualitative'],
): { tier: QualitativeTier; how: string } | null => {
  const text = stripPunctuation(actual);
  if (text.length === 0) return null;
  if (target !== null && text === stripPunctuation(target)) return { tier: 'achieved', how: '实际完成值与指标值一致' };
  for (const tier of TIERS) {
    if (vocabulary[tier].includes(text)) return { tier, how: `“${text}”属于“${TIER_LABELS[tier]}”用语` };
  }
  let best: { tier: QualitativeTier; word: string } | null = null;
  for (const tier of TIERS) {
    for (const word of vocabulary[tier]) {
      if (word.length >= 2 && text.includes(word) && (best === null || word.length > best.word.length)) {
        best = { tier, word };
      }
    }
  }
  return best && { tier: best.tier, how: `“${text}”含“${best.word}”，属于“${TIER_LABELS[best.tier]}”` };
};
