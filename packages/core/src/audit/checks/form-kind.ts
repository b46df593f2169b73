import { type AuditCheck, cutRowIndex, finding, isRefusedKind } from '../context.ts';

const REFUSED_KIND_TEXT: Record<'target-declaration' | 'funds-only', string> = {
  'target-declaration': '绩效目标申报表（只有年度指标值，没有实际完成值）',
  'funds-only': '只有资金情况，没有绩效指标行',
};

/** NOT_A_SELF_EVALUATION: a target declaration or a funds-only page, named for what it is. */
export const checkFormKind: AuditCheck = ({ form }) => {
  if (!isRefusedKind(form.formKind)) return [];
  return [
    finding(
      'NOT_A_SELF_EVALUATION',
      'formKind',
      `该文件不是绩效自评表：${REFUSED_KIND_TEXT[form.formKind]}。未按自评表评分和审核，请上传项目支出绩效自评表。`,
    ),
  ];
};

/** INCOMPLETE_FORM: the table stops before its end; the checks that need the whole table are not run. */
export const checkIncompleteForm: AuditCheck = ({ form }) => {
  if (form.complete) return [];
  const cut = cutRowIndex(form);
  const row = cut === null ? undefined : form.indicators[cut];
  const name = row?.name.trim() || row?.level2Label.trim() || row?.level1Label.trim() || '';
  const where = cut === null ? '未读到绩效指标行' : `表格止于第${cut + 1}行${name ? `“${name}”` : ''}`;
  return [
    finding(
      'INCOMPLETE_FORM',
      cut === null ? 'indicators' : `indicators[${cut}]`,
      `自评表在表格结束前中断（${where}），已按可见部分读取；分值合计、一级指标分值、总分和等级等需要完整表格的核对未进行，中断的末行不作判断。`,
    ),
  ];
};
