// 绩效目标申报 / 运行监控 shapes (signed-in pages only; they carry the engine's types).
export type {
  BudgetYearComparison,
  BudgetYearRow,
  DeclarationAction,
  DeclarationHistoryEntry,
  DeclarationListItem,
  DeclarationStatus,
  DeclarationView,
  MonitoringListItem,
  MonitoringOverview,
  MonitoringRoundView,
  MonitoringView,
} from '@jixiao/core';
