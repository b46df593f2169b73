import type {
  RectificationAction,
  RectificationSourceKindName,
  RectificationStatusName,
} from './rectification-workflow.ts';

/** One 整改 item as the API returns it. */
export type RectificationItemView = {
  id: string;
  organizationId: string;
  organizationName: string;
  departmentName: string | null;
  evaluationId: string | null;
  fiscalYear: number;
  projectName: string;
  sourceKind: RectificationSourceKindName;
  sourceKindLabel: string;
  sourceText: string;
  sourceRef: string;
  description: string;
  measure: string;
  deadline: string;
  status: RectificationStatusName;
  statusLabel: string;
  overdue: boolean;
  progressNote: string;
  closingReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  closedBy: string | null;
  closedAt: string | null;
  /** Why a reviewer cancelled (撤销) it, registered by mistake; null unless cancelled. */
  cancelReason: string | null;
  cancelledBy: string | null;
  cancelledAt: string | null;
  version: number;
  /** What the requesting user may do with it now. */
  actions: RectificationAction[];
};

export type RectificationItemPage = { items: RectificationItemView[]; total: number };

export type RectificationCountsView = { open: number; overdue: number; submitted: number };

export type RectificationEvidenceView = {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
};

/** One change of an item, from the audit log. */
export type RectificationHistoryEntry = {
  seq: number;
  occurredAt: string;
  action: string;
  actionLabel: string;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
};

export type RectificationItemDetail = RectificationItemView & {
  evidence: RectificationEvidenceView[];
  history: RectificationHistoryEntry[];
  createdByName: string | null;
  closedByName: string | null;
  cancelledByName: string | null;
};

/** A problem of section 七 offered as an item, with the section 八 measure that matches it (从问题生成). */
export type RectificationProposal = { problem: string; measure: string };
