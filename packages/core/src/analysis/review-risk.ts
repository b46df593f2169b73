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
const VERY_LOW_EXECUTION_POINTS = 20;
const LOW_EXECUTION_POINTS = 10;
const HIGH_SCORE_LOW_EXECUTION_POINTS = 15;
const OVER_ACHIEVEMENT_POINTS = 5;

export type RiskLevel = 'high' | 'medium' | 'low';

/** Where the queue's colours and filters cut the score; `min` is inclusive. */
export const RISK_LEVELS = [
  { level: 'high', label: '高', min: 30 },
  { level: 'medium', label: '中', min: 10 },
  { level: 'low', label: '低', min: 0 },
] as const satisfies readonly { level: RiskLevel; label: string; min: number }[];

export const riskLevelOf = (score: number): RiskLevel => RISK_LEVELS.find((band) => score >= band.min)?.level ?? 'low';

/** How a risk score is made, in the reviewer's words, from the same numbers `assessRisk` adds. */
export const RISK_SCALE_TEXT: readonly string[] = [
  `每项错误 ${SEVERITY_POINTS.error} 分，每项警告 ${SEVERITY_POINTS.warning} 分；`,
  `预算执行率低于 ${VERY_LOW_EXECUTION}% 加 ${VERY_LOW_EXECUTION_POINTS} 分，低于 ${LOW_EXECUTION}% 或无法计算加 ${LOW_EXECUTION_POINTS} 分；`,
  `自评 ${HIGH_SCORE} 分以上而执行率低于 ${LOW_EXECUTION}% 再加 ${HIGH_SCORE_LOW_EXECUTION_POINTS} 分；`,
  `每项超额完成幅度过大 ${OVER_ACHIEVEMENT_POINTS} 分。`,
  `合计 ${RISK_LEVELS[0].min} 分及以上为高风险，${RISK_LEVELS[1].min}–${RISK_LEVELS[0].min - 1} 分为中风险，其余为低风险。`,
];

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
    score += VERY_LOW_EXECUTION_POINTS;
    reasons.push(`执行率仅 ${executionRate}%`);
  } else if (executionRate !== null && executionRate < LOW_EXECUTION) {
    score += LOW_EXECUTION_POINTS;
    reasons.push(`执行率偏低（${executionRate}%）`);
  } else if (executionRate === null) {
    score += LOW_EXECUTION_POINTS;
    reasons.push('执行率无法计算');
  }
  if (totalScore !== null && totalScore >= HIGH_SCORE && executionRate !== null && executionRate < LOW_EXECUTION) {
    score += HIGH_SCORE_LOW_EXECUTION_POINTS;
    reasons.push(`自评高分（${totalScore}）而执行率低`);
  }
  const overAchieved = findings.filter((finding) => finding.code === 'OVER_ACHIEVEMENT').length;
  if (overAchieved > 0) {
    score += OVER_ACHIEVEMENT_POINTS * overAchieved;
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
