import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { behindReport, declarationForm, seedDeclaration } from '../../testing/budget-year-seeds.ts';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import type { ServiceContext } from '../context.ts';
import { getEvaluation } from '../evaluations/get-evaluation.ts';
import { updateDraft } from '../evaluations/update-draft.ts';
import { createMonitoringReport } from '../monitoring/create-monitoring-report.ts';
import { createMonitoringRound } from '../monitoring/create-monitoring-round.ts';
import { submitMonitoringReport } from '../monitoring/submit-monitoring-report.ts';
import { updateMonitoringReport } from '../monitoring/update-monitoring-report.ts';
import { createEvaluationFromDeclaration } from './create-evaluation-from-declaration.ts';
import { getBudgetYearComparison } from './get-budget-year-comparison.ts';

describe.each(testDatabaseKinds())('the self-evaluation from the approved targets on %s', (kind) => {
  let fixture: ServiceFixture;
  let ctx: ServiceContext;
  let declarationId: string;

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    ctx = { ...fixture.ctx, now: () => new Date('2026-08-03T02:00:00Z') };
    const { actors } = fixture;
    declarationId = await seedDeclaration(ctx.db, {
      organizationId: fixture.organizations.unit,
      createdBy: actors.unit_filler.userId,
      form: declarationForm('农村道路养护'),
    });
    const round = await createMonitoringRound(ctx, actors.finance_reviewer, {
      fiscalYear: 2026,
      asOf: '2026-07-31',
      dueDate: '2026-08-15',
    });
    const report = await createMonitoringReport(ctx, actors.unit_filler, { roundId: round.id, declarationId });
    await updateMonitoringReport(ctx, actors.unit_filler, {
      reportId: report.id,
      report: behindReport(report.report),
      version: report.version,
    });
    await submitMonitoringReport(ctx, actors.unit_filler, { reportId: report.id });
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('refuses another unit, a reviewer and a declaration not in force', async () => {
    const { actors } = fixture;
    await expect(createEvaluationFromDeclaration(ctx, actors.otherFiller, { declarationId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      createEvaluationFromDeclaration(ctx, actors.department_reviewer, { declarationId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const draft = await seedDeclaration(ctx.db, {
      organizationId: fixture.organizations.unit,
      createdBy: actors.unit_filler.userId,
      form: declarationForm('草稿项目'),
      status: 'draft',
    });
    await expect(
      createEvaluationFromDeclaration(ctx, actors.unit_filler, { declarationId: draft }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('pre-fills the draft, flags a lowered target and an unexplained warning, and shows the stages side by side', async () => {
    const { actors } = fixture;
    const created = await createEvaluationFromDeclaration(ctx, actors.unit_filler, { declarationId });
    expect(created).toMatchObject({ status: 'draft', projectName: '农村道路养护', fiscalYear: 2026 });
    await expect(createEvaluationFromDeclaration(ctx, actors.unit_filler, { declarationId })).rejects.toMatchObject({
      code: 'DUPLICATE_PROJECT',
    });
    const detail = await getEvaluation(ctx, actors.unit_filler, created.id);
    const form = detail.form;
    if (!form) throw new Error('no form');
    expect(form.indicators.map((row) => [row.name, row.target, row.weight, row.actual])).toEqual([
      ['养护里程', '≥300公里', '30', ''],
      ['每公里成本', '≤0.6万元', '20', ''],
      ['通行条件', '明显改善', '30', ''],
      ['群众满意度', '≥90%', '10', ''],
    ]);
    expect(form.funds.total.initialBudget).toBe('200');
    const budgetYearCodes = (codes: string[]) =>
      codes.filter((code) =>
        [
          'TARGET_CHANGED_AFTER_APPROVAL',
          'WEIGHT_CHANGED_AFTER_APPROVAL',
          'INDICATOR_SET_CHANGED',
          'MONITORING_WARNING_UNADDRESSED',
        ].includes(code),
      );
    expect(budgetYearCodes(detail.result?.findings.map((finding) => finding.code) ?? [])).toEqual([]);

    // The unit lowers the mileage it missed and claims full marks without a word on the July warning.
    await updateDraft(ctx, actors.unit_filler, {
      evaluationId: created.id,
      expectedVersion: detail.version,
      form: {
        ...form,
        indicators: form.indicators.map((row, index) =>
          index === 0 ? { ...row, target: '≥200公里', actual: '210公里', statedScore: '30' } : row,
        ),
      },
    });
    const after = await getEvaluation(ctx, actors.department_reviewer, created.id);
    const findings = after.result?.findings ?? [];
    expect(budgetYearCodes(findings.map((finding) => finding.code))).toEqual([
      'TARGET_CHANGED_AFTER_APPROVAL',
      'MONITORING_WARNING_UNADDRESSED',
    ]);
    expect(findings.find((finding) => finding.code === 'TARGET_CHANGED_AFTER_APPROVAL')?.message).toBe(
      '第1行指标“养护里程”的年度指标值“≥200公里”与批复的绩效目标“≥300公里”不一致。',
    );
    // Errors first, as the audit orders them.
    const severities = findings.map((finding) => finding.severity);
    expect(severities.lastIndexOf('error')).toBeLessThan(severities.indexOf('warning'));

    const comparison = await getBudgetYearComparison(ctx, actors.finance_reviewer, created.id);
    expect(comparison.declaration).toMatchObject({ id: declarationId, revisionNo: 1, status: 'approved' });
    expect(comparison.monitoring).toMatchObject({ executionRate: '20.00', behindSchedule: true, atRiskIndicators: 1 });
    expect(comparison.rows[0]).toEqual({
      name: '养护里程',
      declared: { target: '≥300公里', weight: '30' },
      monitored: { progress: '80公里', likelihood: 'impossible', deviationReason: '雨季停工，机械不足' },
      evaluated: { target: '≥200公里', weight: '30', actual: '210公里', statedScore: '30' },
      changes: ['target'],
    });
    expect(comparison.findings.map((finding) => finding.code)).toEqual([
      'TARGET_CHANGED_AFTER_APPROVAL',
      'MONITORING_WARNING_UNADDRESSED',
    ]);
    await expect(getBudgetYearComparison(ctx, actors.otherFiller, created.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('writes audit entries for the pre-filled draft', async () => {
    const actions = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'evaluation')
      .orderBy('seq')
      .execute();
    expect(actions.map((entry) => entry.action)).toEqual([
      'evaluation.create',
      'evaluation.create_from_declaration',
      'evaluation.edit',
    ]);
  });
});
