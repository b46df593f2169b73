import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type {
  BudgetYearComparison,
  EvaluationDetail,
  EvaluationView,
  MonitoringListItem,
  MonitoringOverview,
  MonitoringRoundView,
  MonitoringView,
} from '@jixiao/core';
import { behindReport, declarationForm, seedDeclaration } from '@jixiao/services/testing/budget-year';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';

/** A real export of one central project from an 一体化 budget system (its 执行监控 sheet among 11). */
const WORKBOOK = fileURLToPath(
  new URL('../../../../../fixtures/xls/central-2019-project-workbook.xls', import.meta.url),
);

describe('运行监控 and budget-year routes', () => {
  let testApp: TestApp;
  let filler: Session;
  let department: Session;
  let finance: Session;
  let otherFiller: Session;
  let declarationId = '';
  let round: MonitoringRoundView;
  let report: MonitoringView;

  beforeAll(async () => {
    testApp = await createTestApp();
    const { fixture } = testApp;
    declarationId = await seedDeclaration(fixture.ctx.db, {
      organizationId: fixture.organizations.unit,
      createdBy: fixture.actors.unit_filler.userId,
      form: declarationForm('农村道路养护'),
    });
    filler = await testApp.login('filler');
    department = await testApp.login('department');
    finance = await testApp.login('finance');
    otherFiller = await testApp.login('other.filler');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const send = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
    testApp.request(session, { method, url, ...(payload ? { payload } : {}) });

  it('lets the bureau set the monitoring date and nobody else', async () => {
    const body = { fiscalYear: 2026, asOf: '2026-07-31', dueDate: '2026-08-15' };
    expect((await send(filler, 'POST', '/api/monitoring-rounds', body)).statusCode).toBe(403);
    expect((await send(finance, 'POST', '/api/monitoring-rounds', { ...body, asOf: '31/07/2026' })).statusCode).toBe(
      400,
    );
    const created = await send(finance, 'POST', '/api/monitoring-rounds', body);
    expect(created.statusCode).toBe(201);
    round = created.json<MonitoringRoundView>();
    expect((await send(finance, 'POST', '/api/monitoring-rounds', body)).statusCode).toBe(409);
    const listed = await send(filler, 'GET', '/api/monitoring-rounds?year=2026');
    expect(listed.json<{ items: MonitoringRoundView[] }>().items).toEqual([round]);
  });

  it('takes a report from the pre-filled draft to submitted, seen by the department as behind', async () => {
    const created = await send(filler, 'POST', '/api/monitoring-reports', { roundId: round.id, declarationId });
    expect(created.statusCode).toBe(201);
    report = created.json<MonitoringView>();
    expect(report).toMatchObject({ status: 'draft', timeShare: '58.08', canEdit: true });
    expect(report.report.indicators).toHaveLength(4);
    expect(
      (await send(otherFiller, 'POST', '/api/monitoring-reports', { roundId: round.id, declarationId })).statusCode,
    ).toBe(404);
    expect((await send(otherFiller, 'GET', `/api/monitoring-reports/${report.id}`)).statusCode).toBe(404);

    const badBody = await send(filler, 'PUT', `/api/monitoring-reports/${report.id}`, {
      report: { ...report.report, funds: 'x' },
      version: 1,
    });
    expect(badBody.statusCode).toBe(400);
    const saved = await send(filler, 'PUT', `/api/monitoring-reports/${report.id}`, {
      report: behindReport(report.report),
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<MonitoringView>()).toMatchObject({ version: 2, executionRate: '20.00', behindSchedule: true });
    const stale = await send(filler, 'PUT', `/api/monitoring-reports/${report.id}`, {
      report: report.report,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    expect((await send(department, 'POST', `/api/monitoring-reports/${report.id}/submit`, {})).statusCode).toBe(403);
    const submitted = await send(filler, 'POST', `/api/monitoring-reports/${report.id}/submit`, { version: 2 });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<MonitoringView>()).toMatchObject({ status: 'submitted', atRiskIndicators: 1 });

    const behind = await send(department, 'GET', '/api/monitoring-reports?year=2026&behind=true');
    expect(behind.json<{ items: MonitoringListItem[] }>().items.map((item) => item.id)).toEqual([report.id]);
    const elsewhere = await send(otherFiller, 'GET', '/api/monitoring-reports?year=2026');
    expect(elsewhere.json<{ items: MonitoringListItem[] }>().items).toEqual([]);
    const overview = await send(department, 'GET', '/api/monitoring/overview?year=2026');
    expect(overview.statusCode).toBe(200);
    expect(overview.json<MonitoringOverview>()).toMatchObject({
      round: { id: round.id },
      reported: 1,
      expected: 1,
      behindSchedule: [{ id: report.id, executionRate: '20.00', timeShare: '58.08' }],
    });
    expect((await send(department, 'GET', '/api/monitoring/overview')).statusCode).toBe(400);
  });

  it('imports a draft from the unit’s file, and refuses a file that is not a monitoring table', async () => {
    const { fixture } = testApp;
    const other = await seedDeclaration(fixture.ctx.db, {
      organizationId: fixture.organizations.unit,
      createdBy: fixture.actors.unit_filler.userId,
      form: declarationForm('2019年210青少年校园足球扶持资金'),
    });
    const draft = (
      await send(filler, 'POST', '/api/monitoring-reports', { roundId: round.id, declarationId: other })
    ).json<MonitoringView>();
    const contentBase64 = (await readFile(WORKBOOK)).toString('base64');
    expect(
      (
        await send(department, 'POST', `/api/monitoring-reports/${draft.id}/import`, {
          fileName: 'w.xls',
          contentBase64,
        })
      ).statusCode,
    ).toBe(403);
    const imported = await send(filler, 'POST', `/api/monitoring-reports/${draft.id}/import`, {
      fileName: 'central-2019-project-workbook.xls',
      contentBase64,
    });
    expect(imported.statusCode).toBe(200);
    const body = imported.json<MonitoringView & { warnings: unknown[] }>();
    expect(body.report).toMatchObject({ asOf: '2026-07-31', implementingUnit: '北京大学' });
    expect(body.report.indicators[0]?.name).toBe('成本节约率');
    expect(Array.isArray(body.warnings)).toBe(true);
    const refused = await send(filler, 'POST', `/api/monitoring-reports/${draft.id}/import`, {
      fileName: 'note.txt',
      contentBase64: Buffer.from('这不是监控表').toString('base64'),
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);
  });

  it('renders the 执行监控表 as Excel and PDF, named after the unit, for those who may see it', async () => {
    const xlsx = await send(department, 'GET', `/api/monitoring-reports/${report.id}/document.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('农村道路养护');
    const pdf = await send(filler, 'GET', `/api/monitoring-reports/${report.id}/document.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await send(otherFiller, 'GET', `/api/monitoring-reports/${report.id}/document.xlsx`)).statusCode).toBe(404);
  });

  it('starts the self-evaluation from the approved declaration and compares the three stages', async () => {
    expect((await send(department, 'POST', '/api/evaluations/from-declaration', { declarationId })).statusCode).toBe(
      403,
    );
    const created = await send(filler, 'POST', '/api/evaluations/from-declaration', { declarationId });
    expect(created.statusCode).toBe(201);
    const evaluation = created.json<EvaluationView>();
    const detail = (await send(filler, 'GET', `/api/evaluations/${evaluation.id}`)).json<EvaluationDetail>();
    const form = detail.form;
    if (!form) throw new Error('no form');
    const lowered = {
      ...form,
      indicators: form.indicators.map((row, index) =>
        index === 0 ? { ...row, target: '≥200公里', actual: '210公里', statedScore: '30' } : row,
      ),
    };
    const saved = await send(filler, 'PUT', `/api/evaluations/${evaluation.id}`, {
      form: lowered,
      expectedVersion: detail.version,
    });
    expect(saved.statusCode).toBe(200);

    const comparison = await send(department, 'GET', `/api/evaluations/${evaluation.id}/budget-year`);
    expect(comparison.statusCode).toBe(200);
    const body = comparison.json<BudgetYearComparison>();
    expect(body.declaration?.id).toBe(declarationId);
    expect(body.monitoring?.id).toBe(report.id);
    expect(body.rows[0]?.changes).toEqual(['target']);
    expect(body.findings.map((finding) => finding.code)).toEqual([
      'TARGET_CHANGED_AFTER_APPROVAL',
      'MONITORING_WARNING_UNADDRESSED',
    ]);
    const reread = (await send(department, 'GET', `/api/evaluations/${evaluation.id}`)).json<EvaluationDetail>();
    expect(reread.result?.findings.map((finding) => finding.code)).toContain('TARGET_CHANGED_AFTER_APPROVAL');
    expect((await send(otherFiller, 'GET', `/api/evaluations/${evaluation.id}/budget-year`)).statusCode).toBe(404);
  });
});
