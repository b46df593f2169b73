import type { Severity } from '../audit/codes.ts';
import { RISK_THRESHOLDS } from './cross-year.ts';

/** What the risk ranking reads about one evaluation. */
export type RiskInput = {
  findings: readonly { code: string; severity: Severity }[];
  /** Budget execution rate in percent, null when it could not be computed. */
  executionRate: number | null;
  totalScore: number | null;
};

export type Risk = { score: number; reasons: string[] };

const SEVERITY_POINTS = { error: 10, warning: 3, info: 0 } as const;

const { lowExecutionRate: LOW_EXECUTION, highScore: HIGH_SCORE } = RISK_THRESHOLDS;
const VERY_LOW_EXECUTION = 60;

/**
 * A reviewer's priority for one evaluation: the heavier its findings, the lower its spending, and the more a
 * high self-score sits on low spending (or on over-achieved targets), the earlier it is read. The reasons
 * say why, in the reviewer's words.
 */
export const assessRisk = ({ findings, executionRate, totalScore }: RiskInput): Risk => {
  let score = 0;
  const reasons: string[] = [];
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  score += findings.reduce((sum, finding) => sum + SEVERITY_POINTS[finding.severity], 0);
  if (errors > 0) reasons.push(`${errors} 项错误`);
  if (warnings > 0) reasons.push(`${warnings} 项警告`);
  if (executionRate !== null && executionRate < VERY_LOW_EXECUTION) {
    score += 20;
    reasons.push(`执行率仅 ${executionRate}%`);
  } else if (executionRate !== null && executionRate < LOW_EXECUTION) {
    score += 10;
    reasons.push(`执行率偏低（${executionRate}%）`);
  } else if (executionRate === null) {
    score += 10;
    reasons.push('执行率无法计算');
  }
  if (totalScore !== null && totalScore >= HIGH_SCORE && executionRate !== null && executionRate < LOW_EXECUTION) {
    score += 15;
    reasons.push(`自评高分（${totalScore}）而执行率低`);
  }
  const overAchieved = findings.filter((finding) => finding.code === 'OVER_ACHIEVEMENT').length;
  if (overAchieved > 0) {
    score += 5 * overAchieved;
    reasons.push(`${overAchieved} 项超额完成幅度过大`);
  }
  return { score, reasons };
};

/** Highest risk first; equal risks keep the order they came in (oldest waiting first). */
export const rankByRisk = <T extends { risk: Risk }>(items: readonly T[]): T[] =>
  items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => b.item.risk.score - a.item.risk.score || a.order - b.order)
    .map(({ item }) => item);
