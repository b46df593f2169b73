import type { Grade } from '../model/result.ts';

export type AppealStatus = 'pending' | 'upheld' | 'amended';

export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  pending: '待复议',
  upheld: '维持原决定',
  amended: '复议改变',
};

/** One evidence file as listed (佐证材料): never its bytes; downloaded from /api/attachments/:id. */
export type EvidenceFileView = {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  indicatorName: string | null;
  createdAt: string;
};

/** An appeal (申诉) and its ruling (复议) as the unit and the bureau see it. */
export type AppealView = {
  id: string;
  evaluationId: string;
  organizationId: string;
  organizationName: string;
  projectName: string;
  fiscalYear: number;
  reviewId: string;
  /** 退回 or 审核通过: the decision appealed. */
  decision: 'approved' | 'returned';
  decisionReason: string;
  decidedBy: string;
  decidedAt: string;
  reasons: string;
  status: AppealStatus;
  statusLabel: string;
  originalScore: number | null;
  originalGrade: string | null;
  amendedScore: number | null;
  amendedGrade: Grade | null;
  withdrawnFindings: string[];
  filedBy: string;
  filedAt: string;
  ruledBy: string | null;
  ruledAt: string | null;
  rulingReason: string | null;
  /** The bureau had no finance reviewer other than the one who decided, so that one ruled. */
  ruledBySoleReviewer: boolean;
  evidence: EvidenceFileView[];
};

/** What the unit's evaluation page needs to offer 申诉: whether it may, until when, and the appeals so far. */
export type EvaluationAppealsView = {
  appeals: AppealView[];
  /** The decision that may be appealed now, with its last day; null when none may be. */
  appealable: { reviewId: string; decision: 'approved' | 'returned'; deadline: string; periodDays: number } | null;
  /** Why no appeal can be filed now (past the period, one pending, already appealed), for the page to say. */
  blockedReason: string | null;
  /** The score shown was changed by a ruling: the amended score and grade, and when. */
  amendment: { score: number | null; grade: string | null; ruledAt: string } | null;
};

/** What the portal shows under a published result a ruling changed (经复议). */
export type PublishedReconsideration = {
  ruledAt: string;
  originalScore: number | null;
  originalGrade: string | null;
  amendedScore: number | null;
  amendedGrade: string | null;
  amendedGradeLabel: string | null;
  withdrawnFindings: string[];
  reasonSummary: string;
};
