import { AppError, type FormKind } from '@jixiao/core';
import type { ImportedReport } from './types.ts';

const NOT_SELF_EVALUATIONS: Partial<Record<FormKind, string>> = {
  'target-declaration': '这是绩效目标申报表（只有年度指标值，没有实际完成值），不是绩效自评表',
  'funds-only': '只有资金情况，没有绩效指标行，不是完整的绩效自评表',
};

/**
 * Why a read form cannot be taken as a self-evaluation (a 绩效目标申报表, a funds-only page), or null when it
 * can. The reader recognises these kinds and keeps them; whoever wants a self-evaluation refuses them here.
 */
export const notASelfEvaluation = (report: ImportedReport, fileName: string): AppError | null => {
  const reason = NOT_SELF_EVALUATIONS[report.form.formKind];
  return reason ? new AppError('NOT_A_SELF_EVALUATION', `${fileName}：${reason}`) : null;
};
