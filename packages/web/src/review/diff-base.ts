import type { ReviewView, RevisionView } from '../api/evaluation-types.ts';

/**
 * The revision a reviewer compares the current one against: the one last returned (what the unit was asked
 * to fix), else the one before the current; null when there is nothing earlier.
 */
export const diffBaseRevision = (
  revisions: readonly RevisionView[],
  reviews: readonly ReviewView[],
  currentRevisionId: string | null,
): RevisionView | null => {
  if (!currentRevisionId) return null;
  const returned = [...reviews].reverse().find((review) => review.decision === 'returned');
  if (returned && returned.revisionId !== currentRevisionId) {
    const found = revisions.find((revision) => revision.id === returned.revisionId);
    if (found) return found;
  }
  const ordered = [...revisions].sort((a, b) => a.revisionNo - b.revisionNo);
  const at = ordered.findIndex((revision) => revision.id === currentRevisionId);
  return at > 0 ? (ordered[at - 1] ?? null) : null;
};

/** "indicators[2].actual" → "第 3 行指标 · 实际完成值" — form paths in the reviewer's words. */
const FIELD_WORDS: Record<string, string> = {
  target: '年度指标值',
  actual: '实际完成值',
  weight: '分值',
  statedScore: '得分',
  deviationNote: '偏差原因',
  name: '三级指标',
  level2Label: '二级指标',
  level1Label: '一级指标',
  projectName: '项目名称',
  department: '主管部门',
  implementingUnit: '实施单位',
  initialBudget: '年初预算数',
  adjustedBudget: '全年预算数',
  executed: '全年执行数',
  total: '年度资金总额',
  currentAppropriation: '当年财政拨款',
  priorYearCarryover: '上年结转',
  other: '其他资金',
  funds: '资金',
  narrative: '自评报告',
  sections: '部分',
  body: '正文',
  heading: '标题',
  statedTotal: '总分',
  score: '得分',
  annualGoal: '年度总体目标',
  expected: '预期',
};

export const describePath = (path: string): string =>
  path
    .split('.')
    .map((part) => {
      const indexed = part.match(/^(\w+)\[(\d+)\]$/u);
      if (indexed?.[1] === 'indicators') return `第 ${Number(indexed[2]) + 1} 行指标`;
      if (indexed) return `${FIELD_WORDS[indexed[1] ?? ''] ?? indexed[1]} ${Number(indexed[2]) + 1}`;
      return FIELD_WORDS[part] ?? part;
    })
    .join(' · ');
