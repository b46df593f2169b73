/** Finding codes of shared/domain/findings.md. Never rename a released code. */

export type Severity = 'error' | 'warning' | 'info';

/** A severity read back from storage; anything unknown counts as information, the mildest. */
export const severityFrom = (text: string): Severity => (text === 'error' || text === 'warning' ? text : 'info');

export const FINDING_CODES = {
  TOTAL_MISMATCH: { severity: 'error', title: '总分与复核合计不符' },
  EXEC_SCORE_MISMATCH: { severity: 'error', title: '预算执行得分计算错误' },
  EXEC_RATE_MISMATCH: { severity: 'error', title: '预算执行率计算错误' },
  WEIGHTS_NOT_100: { severity: 'error', title: '分值合计不为100' },
  LEVEL_WEIGHT_MISMATCH: { severity: 'error', title: '一级指标分值与标注不符' },
  SCORE_ABOVE_WEIGHT: { severity: 'error', title: '得分超过分值' },
  SHORTFALL_WITHOUT_NOTE: { severity: 'warning', title: '扣分未说明偏差原因' },
  MET_TARGET_SCORED_BELOW_WEIGHT: { severity: 'warning', title: '已完成指标未得满分' },
  TARGET_MISSING: { severity: 'error', title: '缺少年度指标值' },
  ACTUAL_MISSING: { severity: 'error', title: '缺少实际完成值' },
  UNPARSEABLE_VALUE: { severity: 'warning', title: '指标值无法识别' },
  OVER_ACHIEVEMENT: { severity: 'warning', title: '超额完成幅度过大' },
  LOW_EXECUTION: { severity: 'warning', title: '预算执行率偏低' },
  LOW_EXECUTION_UNEXPLAINED: { severity: 'warning', title: '预算执行率偏低且未说明原因' },
  ADJUSTED_BUDGET_BLANK: { severity: 'info', title: '全年预算数未填' },
  IMPLEMENTING_UNIT_BLANK: { severity: 'info', title: '实施单位未填' },
  PLACEHOLDER_ROWS: { severity: 'info', title: '存在未填写的模板行' },
  NARRATIVE_TABLE_MISMATCH: { severity: 'error', title: '报告正文数据与自评表不符' },
  STAFF_OVER_ESTABLISHMENT: { severity: 'info', title: '在职人数超过编制数' },
  QUALITATIVE_ONLY_OUTCOME: { severity: 'info', title: '效益指标均为定性指标' },
  COST_INDICATOR_MISSING: { severity: 'info', title: '缺少成本指标' },
  GRADE_MISMATCH: { severity: 'error', title: '评价等级与得分不符' },
  BUDGET_MISSING: { severity: 'error', title: '缺少预算数' },
  OVERSPEND: { severity: 'info', title: '执行数超过预算数' },
  FUND_SPLIT_MISMATCH: { severity: 'error', title: '资金来源合计与总额不符' },
  UNIT_MISMATCH: { severity: 'warning', title: '指标值与完成值计量单位不一致' },
  COMPOUND_PARTS_MISMATCH: { severity: 'warning', title: '复合指标分项数不一致' },
  SCORE_NOT_PER_RULE: { severity: 'warning', title: '得分与评分规则不符' },
  EXECUTION_CAP_APPLIED: { severity: 'info', title: '按执行率限制总分' },
  NONDEFAULT_WEIGHTS: { severity: 'info', title: '分值与规则默认值不同' },
  PROJECT_FIELD_BLANK: { severity: 'warning', title: '项目基本信息未填' },
  TYPO_SUSPECT: { severity: 'info', title: '疑似错别字' },
  INCOMPLETE_FORM: { severity: 'info', title: '自评表不完整（表格中断）' },
  NOT_A_SELF_EVALUATION: { severity: 'error', title: '不是绩效自评表' },
  PROBLEMS_WITHOUT_MEASURES: { severity: 'warning', title: '存在问题但未提出改进措施' },
  RECTIFICATION_OPEN: { severity: 'info', title: '以前年度整改事项尚未销号' },
  RECTIFICATION_OVERDUE: { severity: 'warning', title: '整改事项逾期未销号' },
  TARGET_CHANGED_AFTER_APPROVAL: { severity: 'error', title: '年度指标值与批复的绩效目标不一致' },
  WEIGHT_CHANGED_AFTER_APPROVAL: { severity: 'error', title: '分值与批复的绩效目标不一致' },
  INDICATOR_SET_CHANGED: { severity: 'warning', title: '指标与批复的绩效目标不一致' },
  EXECUTION_BEHIND_SCHEDULE: { severity: 'warning', title: '预算执行进度滞后' },
  MONITORING_WARNING_UNADDRESSED: { severity: 'warning', title: '监控预警未在自评中说明' },
  TARGET_NOT_MEASURABLE: { severity: 'warning', title: '产出指标不可衡量' },
  DECLARED_WEIGHTS_OFF_BLOCKS: { severity: 'error', title: '申报分值与规则分值结构不符' },
  TARGET_BELOW_LAST_ACTUAL: { severity: 'warning', title: '年度指标值低于上年实际完成值' },
  DEPARTMENT_MISMATCH: { severity: 'info', title: '填报的主管部门与系统登记的不一致' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type FindingCode = keyof typeof FINDING_CODES;

/** Codes read back from storage or an older export may be ones this version no longer knows. */
export const isFindingCode = (code: string): code is FindingCode => Object.hasOwn(FINDING_CODES, code);

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
