// 佐证材料 and 申诉 / 复议 shapes (signed-in pages only).
export type { AppealStatus, AppealView, EvaluationAppealsView, EvidenceFileView } from '@jixiao/core';
