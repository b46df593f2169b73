/**
 * The shapes the server answers with, from @jixiao/core's API views (core/src/api/views.ts), which the services
 * build: one definition for both sides. Only types are taken (`import type` is erased), so the portal's first
 * load still carries none of the engine. The aliases keep the names the pages were written with.
 */
export type {
  EvaluationListItem,
  EvaluationStatus,
  EvaluationView,
  FindingListItem,
  IndicatorSummary as PublicIndicator,
  Me,
  OrganizationView as OrganizationItem,
  Page,
  PasswordChangeReason,
  PublishedEvaluation,
  PublishedListItem as PublicListItem,
  ReturnNote,
  ReviewQueue,
  ReviewQueueItem,
  Role as RoleName,
} from '@jixiao/core';
