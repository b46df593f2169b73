import type { RectificationAction, RectificationItemView, RectificationStatusName } from './rectification-types.ts';

/** Labels kept here (not imported from core's values) so the page's chunk carries none of the engine. */
export const STATUS_LABELS: Record<RectificationStatusName, string> = {
  open: '待整改',
  in_progress: '整改中',
  submitted: '待验收',
  closed: '已销号',
  cancelled: '已撤销',
};

export const STATUS_COLORS: Record<RectificationStatusName, string> = {
  open: 'orange',
  in_progress: 'blue',
  submitted: 'purple',
  closed: 'green',
  cancelled: 'default',
};

export const ACTION_LABELS: Record<RectificationAction, string> = {
  start: '开始整改',
  update: '更新进展',
  submit: '提交验收',
  return: '退回继续整改',
  close: '验收销号',
  revise: '修改事项或期限',
  cancel: '撤销事项',
};

/** What each action asks for: the unit's progress note, or the reviewer's reason (required). */
export const ACTION_FIELD: Record<
  RectificationAction,
  { field: 'progressNote' | 'reason'; label: string; required: boolean }
> = {
  start: { field: 'progressNote', label: '整改进展（选填）', required: false },
  update: { field: 'progressNote', label: '整改进展', required: true },
  submit: { field: 'progressNote', label: '整改完成情况（未填则沿用已记录的进展）', required: false },
  return: { field: 'reason', label: '退回理由（告知单位还需做什么）', required: true },
  close: { field: 'reason', label: '验收意见（销号理由）', required: true },
  revise: { field: 'reason', label: '修改理由（如延期的原因）', required: true },
  cancel: { field: 'reason', label: '撤销理由（如重复登记、登记错单位或项目）', required: true },
};

/** Closed (销号) or cancelled (撤销): nothing is left to do on the item. */
export const isSettledStatus = (status: RectificationStatusName): boolean =>
  status === 'closed' || status === 'cancelled';

/** The deadline as people read it, with how late it is when overdue. */
export const deadlineText = (item: Pick<RectificationItemView, 'deadline' | 'overdue'>, today: string): string => {
  if (!item.overdue) return item.deadline;
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${item.deadline}T00:00:00Z`)) / 86_400_000);
  return `${item.deadline}（已逾期 ${days} 天）`;
};

/** Today in China (UTC+8), as the server reads deadlines. */
export const chinaToday = (now: Date = new Date()): string =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A date some days from today, for a proposed deadline. */
export const daysFromToday = (days: number, now: Date = new Date()): string =>
  chinaToday(new Date(now.getTime() + days * 86_400_000));
