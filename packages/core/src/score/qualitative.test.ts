import { describe, expect, it } from 'vitest';
import { emptyIndicator, type IndicatorRow } from '../model/form.ts';
import type { QualitativeTier } from '../model/result.ts';
import { findRuleSet } from '../rules/rule-sets.ts';
import type { RuleSet } from '../rules/schema.ts';
import { scoreIndicator } from './indicator.ts';
import { detectTier } from './qualitative.ts';

const national = findRuleSet('national-2020') as RuleSet;

const score = (row: Partial<IndicatorRow>) =>
  scoreIndicator(
    emptyIndicator({ level1: 'outcome', level2: 'social', name: '社会效益', weight: '10', ...row }),
    0,
    national,
    'test@1',
  );

type Case = [target: string, actual: string, weight: string, tier: QualitativeTier, points: number, says: string];

/** QUAL-2 step 0: a negator governing a vocabulary term turns it into notAchieved (QUAL-3 default 0.30). */
const NEGATED: Case[] = [
  ['有效保障', '未能有效保障', '30', 'notAchieved', 9, '“未能”否定了“有效保障”'],
  ['达标', '未达标', '10', 'notAchieved', 3, '“未”否定了“达标”'],
  ['及时', '不及时', '5', 'notAchieved', 1.5, '“不”否定了“及时”'],
  ['明显改善', '没有明显改善', '10', 'notAchieved', 3, '“没有”否定了“明显改善”'],
  ['完成', '尚未完成', '10', 'notAchieved', 3, '“尚未”否定了“完成”'],
  ['效果明显', '效果不明显', '10', 'notAchieved', 3, '“效果不明显”中“不”否定了“明显”'],
  ['良好', '欠佳', '10', 'notAchieved', 3, '“欠”否定了“佳”'],
  ['及时', '不够及时', '10', 'notAchieved', 3, '“不够”否定了“及时”'],
  ['落实到位', '落实不到位', '10', 'notAchieved', 3, '否定了“到位”'],
  ['按期完成', '无法按期完成', '10', 'notAchieved', 3, '“无法”否定了“按期完成”'],
  ['按时完成', '未按时完成', '10', 'notAchieved', 3, '否定了“按时完成”'],
  ['完成', '没能完成', '10', 'notAchieved', 3, '“没能”否定了“完成”'],
  ['效果显著', '成效不显著', '10', 'notAchieved', 3, '否定了“显著”'],
  ['有效', '未见明显成效', '10', 'notAchieved', 3, '否定了“明显成效”'],
  ['满意', '不是很理想', '10', 'notAchieved', 3, '否定了“理想”'],
  ['按期竣工', '项目未能如期竣工', '10', 'notAchieved', 3, '否定了“如期竣工”'],
  ['有效', '未能有效解决群众投诉', '10', 'notAchieved', 3, '否定了“有效解决”'],
  ['有效', '未按计划推进', '10', 'notAchieved', 3, '否定了“按计划推进”'],
  ['有效保障', '已完成，但效果不明显', '10', 'notAchieved', 3, '取其中最低档位'],
  ['完成', '大部分未完成', '10', 'notAchieved', 3, '否定了“完成”'],
  ['满意', '群众满意度不高', '10', 'notAchieved', 3, '“不”否定了“高”'],
  ['有效', '完成情况不理想', '10', 'notAchieved', 3, '取其中最低档位'],
  ['满意度≥90%', '满意度未达90%', '10', 'notAchieved', 3, '“未”否定了“达”'],
];

/** 基本/部分 with a negated term, a negated whole (未全部) and a pending predicate (有待) are partial (0.70). */
const PARTIAL: Case[] = [
  ['完成', '部分未完成', '10', 'partial', 7, '有“部分”限定'],
  ['达到预期', '基本未达到', '10', 'partial', 7, '有“基本”限定'],
  ['完成', '部分项目尚未开工', '10', 'partial', 7, '有“部分”限定'],
  ['完成', '未全部完成', '10', 'partial', 7, '否定的是“全部”'],
  ['足额拨付', '资金未足额拨付', '10', 'partial', 7, '否定的是“足额”'],
  ['全面覆盖', '覆盖不全面', '10', 'partial', 7, '否定的是“全面”'],
  ['提高', '服务质量有待提高', '10', 'partial', 7, '“有待”表示“提高”尚未做到'],
  ['加强', '仍需进一步加强', '10', 'partial', 7, '“仍需”表示“加强”尚未做到'],
  ['规范', '基本规范，但仍有不足', '10', 'partial', 7, '承认尚有不足'],
];

/** Negator characters that negate nothing, and adverse events that did not happen: achieved (1.00). */
const NOT_NEGATED: Case[] = [
  ['持续提升', '不断提升', '10', 'achieved', 10, '“不断”'],
  ['满意', '非常满意', '10', 'achieved', 10, '“非常”'],
  ['有效', '不仅按时完成，还提升了服务质量', '10', 'achieved', 10, '“不仅”'],
  ['有效', '未来将持续提升', '10', 'achieved', 10, '“未来”'],
  ['无安全事故', '无安全事故', '10', 'achieved', 10, '实际完成值与指标值一致'],
  ['无安全事故', '无事故', '10', 'achieved', 10, '没有发生不良事项“事故”'],
  ['无安全事故', '无重大安全事故', '10', 'achieved', 10, '没有发生不良事项“安全事故”'],
  ['不发生安全事故', '未发生安全事故', '10', 'achieved', 10, '“未”否定的是不良事项'],
  ['不发生安全事故', '全年未发生安全生产责任事故', '10', 'achieved', 10, '不良事项“安全生产责任事故”'],
  ['零投诉', '无一例投诉', '10', 'achieved', 10, '不良事项“投诉”'],
  ['无安全事故', '全年安全事故为零', '10', 'achieved', 10, '不良事项“安全事故”'],
  ['无安全事故', '杜绝了安全事故', '10', 'achieved', 10, '不良事项“安全事故”'],
  ['不发生安全事故', '未发生', '10', 'achieved', 10, '指标值要求不发生“安全事故”'],
  ['合格', '没有不合格', '10', 'achieved', 10, '不良事项“不合格”'],
  ['控制在预算内', '未超出预算', '10', 'achieved', 10, '不良事项“超出预算”'],
  ['保障', '保护人民财产不受损失', '10', 'achieved', 10, '不良事项“损失”'],
  ['效果明显', '效果不错', '10', 'achieved', 10, '不错”是肯定的说法'],
  ['有效遏制', '非法占用耕地得到有效遏制', '10', 'achieved', 10, '含“有效”'],
  ['合格', '不合格率为0', '10', 'achieved', 10, '不良事项“不合格”（数量为零）'],
  ['按时完成', '按时完成，未延期', '10', 'achieved', 10, '不良事项“延期”'],
  ['全覆盖', '应保尽保，不漏一户', '10', 'achieved', 10, '不良事项“漏”'],
  ['正常开展', '巡查从未间断', '10', 'achieved', 10, '不良事项“间断”'],
  ['规范', '一丝不苟', '10', 'achieved', 10, '一丝不苟”是肯定的说法'],
  ['安全', '无不良反应', '10', 'achieved', 10, '不良事项“不良反应”'],
  ['合规', '未发现违规违纪问题', '10', 'achieved', 10, '不良事项“违规”'],
];

/** An adverse event that did happen, against a target that it should not: notAchieved. */
const PRESENT: Case[] = [
  ['不发生安全事故', '出现安全事故', '10', 'notAchieved', 3, '发生了不良事项“安全事故”'],
  ['无安全事故', '发生1起安全事故', '10', 'notAchieved', 3, '实际为1起'],
  ['无安全事故', '0起', '10', 'achieved', 10, '实际为0起'],
];

describe('QUAL-2 step 0: negation first', () => {
  it.each([...NEGATED, ...PARTIAL, ...NOT_NEGATED, ...PRESENT])(
    '%s → %s (w %s): %s %d',
    (target, actual, weight, tier, points, says) => {
      const result = score({ target, actual, weight });
      expect(result.tier).toBe(tier);
      expect(result.points).toBe(points);
      expect(result.basis).toBe('computed');
      expect(result.explanation.rule).toBe('QUAL-3');
      expect(result.explanation.text).toContain(says);
    },
  );

  it('keeps the stated score only inside the negated tier’s band', () => {
    const kept = score({ target: '有效保障', actual: '未能有效保障', weight: '30', statedScore: '15' });
    expect(kept).toMatchObject({ tier: 'notAchieved', points: 15 });
    const replaced = score({ target: '有效保障', actual: '未能有效保障', weight: '30', statedScore: '30' });
    expect(replaced).toMatchObject({ tier: 'notAchieved', points: 9, rulePoints: 9 });
    expect(replaced.explanation.text).toContain('不按“有效保障”计');
  });

  it('reads a negated zero-count target: 无安全事故 against 0起 with the name of an event count', () => {
    const result = score({ name: '安全事故发生数', target: '0起', actual: '无安全事故', weight: '5' });
    expect(result).toMatchObject({ tier: 'achieved', points: 5, basis: 'computed' });
    const complaints = score({ name: '投诉件数', target: '0件', actual: '零投诉', weight: '5' });
    expect(complaints).toMatchObject({ tier: 'achieved', points: 5 });
  });

  it('leaves a lone 无 a null value (PARSE-2), on either side', () => {
    const target = score({ target: '无', actual: '无安全事故', weight: '5', statedScore: '5' });
    expect(target).toMatchObject({ blocker: { code: 'TARGET_MISSING' }, basis: 'stated', points: 5 });
    const actual = score({ target: '无安全事故', actual: '无', weight: '5', statedScore: '5' });
    expect(actual).toMatchObject({ blocker: { code: 'ACTUAL_MISSING' }, basis: 'stated', points: 5 });
  });

  it.each([
    ['有效', '不涉及', '表示不适用'],
    ['有效', '无变化', '含否定词“无”，但其否定的“变化”不在用语表中'],
    ['有效保障', '已完成，未按进度', '含否定词“未”'],
  ])('gives no tier when a negation cannot be read: %s → %s', (target, actual, says) => {
    const result = score({ target, actual, weight: '10', statedScore: '6' });
    expect(result.blocker?.code).toBe('UNPARSEABLE_VALUE');
    expect(result.blocker?.message).toContain(says);
    expect(result).toMatchObject({ basis: 'stated', points: 6, tier: null });
  });
});

describe('comparator phrases stay numbers (PARSE-3), not negations', () => {
  it.each([
    ['不低于90%', '95%', 'QUANT-POS-1', 5],
    ['不少于3次', '2次', 'QUANT-POS-1', 3.33],
    ['不超过1000万元', '900万元', 'QUANT-NEG-1', 5],
    ['不高于5%', '6%', 'QUANT-NEG-1', 4],
    ['≥95%', '96%', 'QUANT-POS-1', 5],
    ['≤5%', '4%', 'QUANT-NEG-1', 5],
    ['不低于90%', '满意度达到95%', 'QUANT-POS-1', 5],
  ])('%s → %s', (target, actual, rule, points) => {
    const result = score({ level1: 'output', level2: 'quantity', name: '完成数量', target, actual, weight: '5' });
    expect(result.explanation.rule).toBe(rule);
    expect(result.points).toBe(points);
    expect(result.qualitative).toBe(false);
  });
});

describe('no negated vocabulary word is ever read as achieved', () => {
  const negators = [
    '未',
    '未能',
    '尚未',
    '没有',
    '没能',
    '不',
    '无',
    '非',
    '欠',
    '无法',
    '并未',
    '难以',
    '不够',
    '不太',
  ];
  const words = national.qualitative.achieved.filter((word) => word.length >= 2);

  it.each(negators)('%s + every achieved word, alone, after a subject and before an object', (negator) => {
    for (const word of words) {
      for (const actual of [`${negator}${word}`, `工作${negator}${word}`, `${negator}${word}征收工作`]) {
        const reading = detectTier(actual, word, national.qualitative);
        expect(reading.tier, actual).not.toBe('achieved');
      }
    }
  });

  it('reads the same words without a negator as the vocabulary says', () => {
    for (const word of words) {
      expect(detectTier(`项目${word}`, '有效', national.qualitative).tier, word).toBe('achieved');
    }
  });
});
