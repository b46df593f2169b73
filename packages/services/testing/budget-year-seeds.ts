import { randomUUID } from 'node:crypto';
import { type DeclarationForm, emptyDeclaration, emptyDeclaredIndicator, type MonitoringReport } from '@jixiao/core';
import type { Db } from '@jixiao/db';

/** Test data for the stages after a declaration's approval (monitoring, the pre-filled evaluation, the comparison). */

export const declarationForm = (projectName: string, fiscalYear = 2026): DeclarationForm => ({
  ...emptyDeclaration(),
  fiscalYear,
  projectName,
  department: '区交通运输局',
  implementingUnit: '区公路养护中心',
  funds: { unit: '万元', total: '200', currentAppropriation: '200', priorYearCarryover: '', other: '' },
  annualGoal: '完成 300 公里农村道路养护。',
  indicators: [
    emptyDeclaredIndicator({
      level1: 'output',
      level2: 'quantity',
      name: '养护里程',
      target: '≥300公里',
      weight: '30',
    }),
    emptyDeclaredIndicator({ level1: 'output', level2: 'cost', name: '每公里成本', target: '≤0.6万元', weight: '20' }),
    emptyDeclaredIndicator({ level1: 'outcome', level2: 'social', name: '通行条件', target: '明显改善', weight: '30' }),
    emptyDeclaredIndicator({ level1: 'satisfaction', name: '群众满意度', target: '≥90%', weight: '10' }),
  ],
});

/**
 * An approved declaration written straight into the table: these tests are about the stages after approval, not
 * the declarations workflow (which has its own tests).
 */
export const seedDeclaration = async (
  db: Db,
  input: {
    organizationId: string;
    createdBy: string;
    form: DeclarationForm;
    status?: 'approved' | 'draft';
    revisionNo?: number;
    supersedesId?: string | null;
    supersededAt?: Date | null;
  },
): Promise<string> => {
  const id = randomUUID();
  const at = new Date('2026-01-15T02:00:00Z');
  const approved = (input.status ?? 'approved') === 'approved';
  await db
    .insertInto('target_declarations')
    .values({
      id,
      organization_id: input.organizationId,
      fiscal_year: input.form.fiscalYear ?? 2026,
      project_name: input.form.projectName,
      revision_no: input.revisionNo ?? 1,
      status: input.status ?? 'approved',
      form: JSON.stringify(input.form),
      supersedes_id: input.supersedesId ?? null,
      superseded_at: input.supersededAt ?? null,
      created_by: input.createdBy,
      created_at: at,
      updated_at: at,
      submitted_by: approved ? input.createdBy : null,
      approved_by: approved ? input.createdBy : null,
      approved_at: approved ? at : null,
    })
    .execute();
  return id;
};

/** The unit's July figures: 40 of 200 万元 spent (20%), the mileage judged impossible with a reason. */
export const behindReport = (report: MonitoringReport): MonitoringReport => ({
  ...report,
  funds: { ...report.funds, total: { ...report.funds.total, executed: '40', expectedAnnual: '200' } },
  indicators: report.indicators.map((indicator, index) =>
    index === 0
      ? {
          ...indicator,
          progress: '80公里',
          likelihood: 'impossible',
          deviationCauses: ['hardware'],
          deviationReason: '雨季停工，机械不足',
          measures: '增租机械',
        }
      : { ...indicator, progress: '按计划推进', likelihood: 'certain' },
  ),
});
