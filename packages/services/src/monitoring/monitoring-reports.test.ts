import { verifyAuditChain } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { behindReport, declarationForm, seedDeclaration } from '../../testing/budget-year-seeds.ts';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { createMonitoringReport } from './create-monitoring-report.ts';
import { createMonitoringRound } from './create-monitoring-round.ts';
import { getMonitoringOverview } from './get-monitoring-overview.ts';
import { getMonitoringReport } from './get-monitoring-report.ts';
import { listMonitoringReports } from './list-monitoring-reports.ts';
import { listMonitoringRounds } from './list-monitoring-rounds.ts';
import { submitMonitoringReport } from './submit-monitoring-report.ts';
import { updateMonitoringReport } from './update-monitoring-report.ts';

describe.each(testDatabaseKinds())('运行监控 on %s', (kind) => {
  let fixture: ServiceFixture;
  let ctx: ServiceContext;
  let roundId: string;
  let declarationId: string;
  let otherDeclarationId: string;
  let actors: ServiceFixture['actors'];

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    ctx = { ...fixture.ctx, now: () => new Date('2026-08-03T02:00:00Z') };
    actors = fixture.actors;
    declarationId = await seedDeclaration(ctx.db, {
      organizationId: fixture.organizations.unit,
      createdBy: actors.unit_filler.userId,
      form: declarationForm('农村道路养护'),
    });
    otherDeclarationId = await seedDeclaration(ctx.db, {
      organizationId: fixture.organizations.otherUnit,
      createdBy: actors.otherFiller.userId,
      form: declarationForm('校舍维修'),
    });
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('lets only the bureau set a monitoring date, once per date, within the year', async () => {
    const input = { fiscalYear: 2026, asOf: '2026-07-31', dueDate: '2026-08-15' };
    for (const role of ['unit_filler', 'department_reviewer', 'admin'] as const) {
      await expect(createMonitoringRound(ctx, actors[role], input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(
      createMonitoringRound(ctx, actors.finance_reviewer, { ...input, asOf: '2025-07-31' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      createMonitoringRound(ctx, actors.finance_reviewer, { ...input, dueDate: '2026-07-30' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const round = await createMonitoringRound(ctx, actors.finance_reviewer, input);
    expect(round).toMatchObject({ ...input, title: '2026年度绩效运行监控（截至7月31日）' });
    roundId = round.id;
    await expect(createMonitoringRound(ctx, actors.finance_reviewer, input)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await listMonitoringRounds(ctx, actors.unit_filler, { fiscalYear: 2026 })).items).toEqual([round]);
    expect((await listMonitoringRounds(ctx, actors.unit_filler, { fiscalYear: 2025 })).items).toEqual([]);
  });

  it('opens a report pre-filled from the approved declaration, for the unit filler only', async () => {
    await expect(createMonitoringReport(ctx, actors.otherFiller, { roundId, declarationId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      createMonitoringReport(ctx, actors.department_reviewer, { roundId, declarationId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const draftId = await seedDeclaration(ctx.db, {
      organizationId: fixture.organizations.unit,
      createdBy: actors.unit_filler.userId,
      form: declarationForm('未批复项目'),
      status: 'draft',
    });
    await expect(
      createMonitoringReport(ctx, actors.unit_filler, { roundId, declarationId: draftId }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const lastYear = await seedDeclaration(ctx.db, {
      organizationId: fixture.organizations.unit,
      createdBy: actors.unit_filler.userId,
      form: declarationForm('上年项目', 2025),
    });
    await expect(
      createMonitoringReport(ctx, actors.unit_filler, { roundId, declarationId: lastYear }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const view = await createMonitoringReport(ctx, actors.unit_filler, { roundId, declarationId });
    expect(view).toMatchObject({
      status: 'draft',
      statusLabel: '填报中',
      asOf: '2026-07-31',
      timeShare: '58.08',
      executionRate: null,
      behindSchedule: false,
      canEdit: true,
      version: 1,
      organizationName: expect.any(String),
    });
    expect(view.report.funds.total.budget).toBe('200');
    expect(view.report.indicators.map((indicator) => indicator.name)).toEqual([
      '养护里程',
      '每公里成本',
      '通行条件',
      '群众满意度',
    ]);
    await expect(createMonitoringReport(ctx, actors.unit_filler, { roundId, declarationId })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { context: { existing: { monitoringReportId: view.id } } },
    });
    expect((await getMonitoringReport(ctx, actors.department_reviewer, view.id)).canEdit).toBe(false);
    await expect(getMonitoringReport(ctx, actors.otherFiller, view.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a superseded declaration', async () => {
    const first = await seedDeclaration(ctx.db, {
      organizationId: fixture.organizations.unit,
      createdBy: actors.unit_filler.userId,
      form: declarationForm('调整过的项目'),
      supersededAt: new Date('2026-03-01T00:00:00Z'),
    });
    await expect(
      createMonitoringReport(ctx, actors.unit_filler, { roundId, declarationId: first }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('saves, submits with the figures stored, and locks the report; lists and the dashboard see it by scope', async () => {
    const [item] = (await listMonitoringReports(ctx, actors.unit_filler, { fiscalYear: 2026 })).items;
    if (!item) throw new Error('no report');
    const view = await getMonitoringReport(ctx, actors.unit_filler, item.id);
    await expect(
      updateMonitoringReport(ctx, actors.unit_approver, { reportId: view.id, report: view.report, version: 1 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(submitMonitoringReport(ctx, actors.unit_filler, { reportId: view.id })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const saved = await updateMonitoringReport(ctx, actors.unit_filler, {
      reportId: view.id,
      // The date, the year and the project are the record's, whatever the body says.
      report: { ...behindReport(view.report), asOf: '2026-12-31', projectName: '别的项目' },
      version: 1,
    });
    expect(saved).toMatchObject({ version: 2, executionRate: '20.00', behindSchedule: true, atRiskIndicators: 1 });
    expect(saved.report).toMatchObject({ asOf: '2026-07-31', projectName: '农村道路养护' });
    expect(saved.findings.map((finding) => finding.code)).toEqual(['EXECUTION_BEHIND_SCHEDULE']);
    await expect(
      updateMonitoringReport(ctx, actors.unit_filler, { reportId: view.id, report: view.report, version: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const submitted = await submitMonitoringReport(ctx, actors.unit_filler, { reportId: view.id, version: 2 });
    expect(submitted).toMatchObject({
      status: 'submitted',
      statusLabel: '已报送',
      executionRate: '20.00',
      behindSchedule: true,
      atRiskIndicators: 1,
      canEdit: false,
      submittedAt: '2026-08-03T02:00:00.000Z',
    });
    await expect(
      updateMonitoringReport(ctx, actors.unit_filler, { reportId: view.id, report: view.report, version: 3 }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });

    const ids = async (actor: Actor, behind?: boolean) =>
      (await listMonitoringReports(ctx, actor, { fiscalYear: 2026, behind })).items.map((row) => row.id);
    expect(await ids(actors.department_reviewer, true)).toEqual([view.id]);
    expect(await ids(actors.finance_reviewer, true)).toEqual([view.id]);
    expect(await ids(actors.otherFiller)).toEqual([]);
    await expect(
      listMonitoringReports(ctx, actors.otherFiller, { organizationId: fixture.organizations.unit }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const overview = await getMonitoringOverview(ctx, actors.department_reviewer, { fiscalYear: 2026 });
    expect(overview.round?.id).toBe(roundId);
    expect(overview.reported).toBe(1);
    // Of the unit's seeded declarations only one is approved, of 2026 and in force (the others: a draft, last
    // year's, a superseded one).
    expect(overview.expected).toBe(1);
    expect(overview.behindSchedule.map((row) => row.projectName)).toEqual(['农村道路养护']);
    expect(overview.atRisk.map((row) => row.id)).toEqual([view.id]);
    const elsewhere = await getMonitoringOverview(ctx, actors.otherFiller, { fiscalYear: 2026 });
    expect(elsewhere).toMatchObject({ reported: 0, expected: 1, behindSchedule: [], atRisk: [] });
    const bureau = await getMonitoringOverview(ctx, actors.finance_reviewer, { fiscalYear: 2026 });
    expect(bureau).toMatchObject({ reported: 1, expected: 2 });
    expect(await getMonitoringOverview(ctx, actors.finance_reviewer, { fiscalYear: 2027 })).toEqual({
      round: null,
      reported: 0,
      expected: 0,
      behindSchedule: [],
      atRisk: [],
    });
    expect(otherDeclarationId).toBeTruthy();
  });

  it('keeps the audit chain whole, with an entry for every write', async () => {
    const entries = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'monitoring%')
      .orderBy('seq')
      .execute();
    expect(entries.map((entry) => entry.action)).toEqual([
      'monitoring_round.create',
      'monitoring.create',
      'monitoring.update',
      'monitoring.submit',
    ]);
    await expect(verifyAuditChain(fixture.handle.db)).resolves.toMatchObject({ ok: true });
  });
});
