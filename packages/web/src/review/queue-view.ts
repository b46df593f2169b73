import { csvCell, RISK_LEVELS, type RiskLevel, riskLevelOf } from '@jixiao/core';
import type { ReviewQueueItem } from '../api/types.ts';

/** What a reviewer narrows the queue to; an undefined field does not filter. */
export type QueueFilter = {
  fiscalYear?: number | undefined;
  organizationId?: string | undefined;
  status?: ReviewQueueItem['status'] | undefined;
  riskLevel?: RiskLevel | undefined;
  /** Part of the project or unit name. */
  text?: string | undefined;
};

export const riskLabelOf = (level: RiskLevel): string => RISK_LEVELS.find((band) => band.level === level)?.label ?? '';

export const filterQueue = (items: readonly ReviewQueueItem[], filter: QueueFilter): ReviewQueueItem[] => {
  const text = filter.text?.trim() ?? '';
  return items.filter(
    (item) =>
      (filter.fiscalYear === undefined || item.fiscalYear === filter.fiscalYear) &&
      (filter.organizationId === undefined || item.organizationId === filter.organizationId) &&
      (filter.status === undefined || item.status === filter.status) &&
      (filter.riskLevel === undefined || riskLevelOf(item.risk.score) === filter.riskLevel) &&
      (text === '' || item.projectName.includes(text) || item.organizationName.includes(text)),
  );
};

export type Option<T> = { value: T; label: string };

/** The choices each filter offers: only what occurs in the queue, years newest first. */
export const queueFilterOptions = (items: readonly ReviewQueueItem[]) => {
  const years = [...new Set(items.map((item) => item.fiscalYear))].sort((a, b) => b - a);
  const units = new Map(items.map((item) => [item.organizationId, item.organizationName]));
  const statuses = new Map(items.map((item) => [item.status, item.statusLabel]));
  return {
    years: years.map((year): Option<number> => ({ value: year, label: `${year} 年度` })),
    units: [...units].map(([value, label]): Option<string> => ({ value, label })),
    statuses: [...statuses].map(([value, label]): Option<ReviewQueueItem['status']> => ({ value, label })),
  };
};

/**
 * Approving several at once is offered only for low-risk items: anything with an error, low spending or a high
 * score on low spending is worth a reviewer's own reading.
 */
export const canBatchApprove = (item: ReviewQueueItem): boolean => riskLevelOf(item.risk.score) === 'low';

const CSV_HEADERS = [
  '年度',
  '单位',
  '主管部门',
  '项目名称',
  '状态',
  '执行率（%）',
  '复核得分',
  '等级',
  '风险分',
  '风险说明',
];

/** The queue as shown, for Excel or WPS: UTF-8 with a byte-order mark (so Chinese opens right), CRLF lines. */
export const queueToCsv = (items: readonly ReviewQueueItem[]): string =>
  `\uFEFF${[
    CSV_HEADERS,
    ...items.map((item) => [
      item.fiscalYear,
      item.organizationName,
      item.departmentName,
      item.projectName,
      item.statusLabel,
      item.executionRate,
      item.totalScore === null ? null : item.totalScore.toFixed(2),
      item.grade,
      item.risk.score,
      item.risk.reasons.join('；'),
    ]),
  ]
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')}\r\n`;
