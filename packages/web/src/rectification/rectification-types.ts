// The 整改 shapes the server answers with (core's API views); types only, erased from the bundle.
export type {
  RectificationAction,
  RectificationCountsView,
  RectificationEvidenceView,
  RectificationHistoryEntry,
  RectificationItemDetail,
  RectificationItemPage,
  RectificationItemView,
  RectificationProposal,
  RectificationSourceKindName,
  RectificationStatusName,
} from '@jixiao/core';
