import type { AppealStatus } from '../api/appeal-types.ts';

export const APPEAL_STATUS_COLORS: Record<AppealStatus, string> = {
  pending: 'orange',
  upheld: 'default',
  amended: 'green',
};

export const DECISION_LABELS = { returned: '退回', approved: '审核通过（复核得分与自评不一致）' } as const;

const GRADE_WORDS: Record<string, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };

/** "88.46（良）", or "—" when there is no score. */
export const scoreWithGrade = (score: number | null, grade: string | null): string =>
  score === null ? '—' : `${score.toFixed(2)}${grade ? `（${GRADE_WORDS[grade] ?? grade}）` : ''}`;

export const when = (iso: string | null): string =>
  iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—';
