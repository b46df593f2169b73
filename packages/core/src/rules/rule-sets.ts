import { AppError } from '../errors.ts';
import { type RuleSet, type RuleSetDocument, ruleSetSchema } from './schema.ts';

/** rules.md §10, national-2020: 财预〔2020〕10号 weights and grade bands; no caps, over-achievement flagged only. */
const national2020: RuleSetDocument = {
  id: 'national-2020',
  version: '1.0.0',
  status: 'active',
  name: '财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）',
  formType: 'project',
  totalPoints: 100,
  executionWeight: 10,
  level1Weights: { output: 50, outcome: 30, satisfaction: 10 },
  satisfactionIsLevel1: true,
  budgetFallback: 'initial',
  tolerance: { score: 0.01, ratePoints: 0.01 },
  equalMode: 'atLeast',
  compoundAggregate: 'min',
  overAchievement: { threshold: 0.3, deduction: 0 },
  qualitative: {
    bands: { achieved: [0.8, 1], partial: [0.6, 0.8], notAchieved: [0, 0.6] },
    defaultShare: { achieved: 1, partial: 0.7, notAchieved: 0.3 },
    achieved: [
      '达成年度指标',
      '达成预期指标',
      '达到预期',
      '达到预期目标',
      '完成',
      '已完成',
      '全部完成',
      '按时完成',
      '按期完成',
      '有效',
      '有效保障',
      '有效提升',
      '有效改善',
      '效果明显',
      '效果显著',
      '明显提升',
      '明显改善',
      '显著提升',
      '显著改善',
      '逐步提升',
      '持续提升',
      '提升',
      '提高',
      '改善',
      '达标',
      '合规',
      '合格',
      '及时',
      '满意',
      '高',
      '优',
      '优秀',
      '好',
      '良好',
      '是',
    ],
    partial: [
      '部分达成',
      '部分完成',
      '基本达成',
      '基本完成',
      '基本有效',
      '基本达标',
      '基本满意',
      '较好',
      '一般',
      '良',
      '中',
    ],
    notAchieved: ['未达成', '未完成', '无效', '效果较差', '较差', '差', '低', '不合格', '不满意', '否'],
  },
  executionCaps: [],
  gradeBands: [
    { min: 90, grade: 'excellent' },
    { min: 80, grade: 'good' },
    { min: 60, grade: 'fair' },
    { min: 0, grade: 'poor' },
  ],
  lowExecution: {
    threshold: 0.9,
    causeWords: [
      '执行率',
      '执行进度',
      '支出进度',
      '预算执行',
      '支付',
      '拨付',
      '未付',
      '结余',
      '结转',
      '资金',
      '经费',
      '万元',
    ],
  },
};

/** rules.md §10, a 2022 provincial 预算管理一体化 operating manual: execution caps and a 2-point over-achievement deduction. */
const yitihua2022: RuleSetDocument = {
  id: 'yitihua-2022',
  extends: 'national-2020',
  version: '1.0.0',
  status: 'active',
  name: '省级预算管理一体化自评操作手册（2022）',
  overAchievement: { threshold: 0.3, deduction: 2 },
  executionCaps: [
    { from: 0.7, below: 0.8, maxTotal: 89 },
    { from: 0.6, below: 0.7, maxTotal: 79 },
    { from: 0.5, below: 0.6, maxTotal: 69 },
    { from: 0, below: 0.5, maxTotal: 59 },
  ],
};

/** Hunan (湘办发〔2019〕10号) shows no scoring difference yet; a draft until the bureau confirms its parameters. */
const hunan: RuleSetDocument = {
  id: 'hunan',
  extends: 'national-2020',
  version: '0.1.0',
  status: 'draft',
  name: '湖南省项目支出绩效自评（草案，同财政部2020年办法）',
};

export const RULE_SET_DOCUMENTS: readonly RuleSetDocument[] = [national2020, yitihua2022, hunan];

export const DEFAULT_RULE_SET_ID = 'national-2020';

/** Merges `extends` key by key (rules.md §10) and validates the result; throws only on our own bad data. */
export const resolveRuleSets = (documents: readonly RuleSetDocument[]): Map<string, RuleSet> => {
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  const resolved = new Map<string, RuleSet>();
  const resolve = (id: string, seen: readonly string[]): RuleSet => {
    const done = resolved.get(id);
    if (done) return done;
    const doc = byId.get(id);
    if (!doc) throw new Error(`rule set ${id} is not defined`);
    if (seen.includes(id)) throw new Error(`rule set ${[...seen, id].join(' → ')} extends itself`);
    const { extends: parentId, ...own } = doc;
    const merged = parentId ? { ...resolve(parentId, [...seen, id]), ...own } : own;
    const ruleSet = ruleSetSchema.parse(merged);
    resolved.set(id, ruleSet);
    return ruleSet;
  };
  for (const doc of documents) resolve(doc.id, []);
  return resolved;
};

const RULE_SETS = resolveRuleSets(RULE_SET_DOCUMENTS);

export const listRuleSets = (): RuleSet[] => [...RULE_SETS.values()];

export const findRuleSet = (id: string): RuleSet | undefined => RULE_SETS.get(id);

export const unknownRuleSetMessage = (id: string): string => `未知的评分规则集“${id}”`;

/** The rule set of that id (the default one when none is given); UNKNOWN_RULE_SET for an id no rule set has. */
export const requireRuleSet = (id: string = DEFAULT_RULE_SET_ID): RuleSet => {
  const ruleSet = findRuleSet(id);
  if (!ruleSet) throw new AppError('UNKNOWN_RULE_SET', unknownRuleSetMessage(id));
  return ruleSet;
};
