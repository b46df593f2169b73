import { finding } from '../audit/context.ts';
import type { Finding } from '../model/result.ts';
import {
  isRectificationOverdue,
  isRectificationSettled,
  RECTIFICATION_STATUS_LABELS,
  type RectificationStatusName,
} from './rectification-workflow.ts';

/** What the findings need of an item from an earlier evaluation of the same project. */
export type EarlierRectificationItem = {
  id: string;
  fiscalYear: number;
  description: string;
  deadline: string;
  status: RectificationStatusName;
};

/**
 * RECTIFICATION_OPEN / RECTIFICATION_OVERDUE for the same project's items of earlier years not yet closed (nor
 * cancelled): one finding per item, a warning once its deadline has passed, information before. Computed when
 * read, since the items move on after the revision was scored.
 */
export const rectificationFindings = (items: readonly EarlierRectificationItem[], today: string): Finding[] => {
  const warnings: Finding[] = [];
  const notes: Finding[] = [];
  for (const item of items) {
    if (isRectificationSettled(item.status)) continue;
    const where = `rectification.${item.id}`;
    const named = `${item.fiscalYear}年度整改事项“${item.description}”`;
    const status = RECTIFICATION_STATUS_LABELS[item.status];
    if (isRectificationOverdue(item, today)) {
      warnings.push(
        finding('RECTIFICATION_OVERDUE', where, `${named}整改期限为 ${item.deadline}，已逾期，仍未销号（${status}）。`),
      );
    } else {
      notes.push(finding('RECTIFICATION_OPEN', where, `${named}尚未销号（${status}），整改期限为 ${item.deadline}。`));
    }
  }
  return [...warnings, ...notes];
};
