import { findRuleSet } from './rule-sets.ts';

/**
 * The scoring rules of rules.md an explanation can name, in words. The ids stay in the data (API fields, open
 * data, the reviewers' pages); the public reads these names instead.
 */
export const RULE_NAMES = {
  'QUANT-POS-1': '正向定量指标计分',
  'QUANT-NEG-1': '反向定量指标计分',
  'QUANT-EQ-1': '等值定量指标计分',
  'QUANT-ZERO-1': '目标为零的定量指标计分',
  'QUANT-COMPOUND-1': '复合指标逐项计分',
  'QUANT-RANGE-1': '区间与期限指标计分',
  'QUANT-DEV-1': '超额完成扣分',
  'QUAL-3': '定性指标计分',
  'GEN-3': '无法复核时沿用填报得分',
  'PARSE-2': '模板占位行不计分',
  'EXEC-3': '预算执行计分',
  'TOTAL-3': '按执行率限制总分',
} as const satisfies Record<string, string>;

/** Said of a rule id this version does not know (one read back from an older record): never the id itself. */
const UNKNOWN_RULE = '评分规则';

export type RuleId = keyof typeof RULE_NAMES;

const isRuleId = (id: string): id is RuleId => Object.hasOwn(RULE_NAMES, id);

const nameOfOne = (id: string): string => (isRuleId(id) ? RULE_NAMES[id] : UNKNOWN_RULE);

/** "QUANT-POS-1" → 正向定量指标计分; a combined "QUANT-POS-1+QUANT-DEV-1" names both parts. */
export const ruleNameOf = (rule: string): string => [...new Set(rule.split('+').map(nameOfOne))].join('，');

/**
 * "national-2020@1.0.0" → 财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）1.0.0 版: the rule set's own name and
 * the version the result was scored under. A rule set this version does not know is named generically.
 */
export const ruleSetNameOf = (ref: string): string => {
  const [id = '', version = ''] = ref.split('@');
  const name = findRuleSet(id)?.name ?? '评分规则集';
  return version ? `${name}${version} 版` : name;
};
