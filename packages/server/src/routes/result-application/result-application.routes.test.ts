import { DEFAULT_RESULT_APPLICATION_POLICY, type ResultApplicationYear } from '@jixiao/core';
import { approveEvaluation, publishEvaluation, submitEvaluation } from '@jixiao/services';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';

describe('结果应用 routes', () => {
  let testApp: TestApp;
  let finance: Session;
  let seedId = '';

  beforeAll(async () => {
    testApp = await createTestApp();
    const { ctx, actors } = testApp.fixture;
    seedId = await testApp.importSeed();
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: seedId });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId: seedId });
    await approveEvaluation(ctx, actors.department_reviewer, { evaluationId: seedId });
    await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId: seedId });
    await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId: seedId });
    finance = await testApp.login('finance');
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('sets the policy, records a decision with a reason and downloads the 结果应用表 that reads back', async () => {
    const year = await testApp.request(finance, { method: 'GET', url: '/api/result-application?year=2022' });
    expect(year.statusCode).toBe(200);
    const before = year.json<ResultApplicationYear>();
    expect(before.rows.map((row) => row.evaluationId)).toEqual([seedId]);
    expect(before.policy.isDefault).toBe(true);

    const policy = await testApp.request(finance, {
      method: 'PUT',
      url: '/api/result-application/policies/2022',
      payload: { ...DEFAULT_RESULT_APPLICATION_POLICY, appealPeriodDays: 20 },
    });
    expect(policy.statusCode).toBe(200);
    expect(policy.json()).toMatchObject({ isDefault: false, appealPeriodDays: 20 });

    const refused = await testApp.request(finance, {
      method: 'PUT',
      url: `/api/result-application/decisions/${seedId}`,
      payload: { decision: 'other' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('必须填写理由');

    const decided = await testApp.request(finance, {
      method: 'PUT',
      url: `/api/result-application/decisions/${seedId}`,
      payload: { decision: 'cut', adjustmentPercent: 12.5, reason: '执行率偏低，压减部分预算' },
    });
    expect(decided.statusCode).toBe(200);
    const row = before.rows[0];
    if (!row) throw new Error('seed row missing');

    const download = await testApp.request(finance, {
      method: 'GET',
      url: '/api/result-application/table.xlsx?year=2022',
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('spreadsheetml');
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('2022年度项目支出绩效评价结果应用表.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('结果应用表');
    if (!sheet) throw new Error('sheet 结果应用表 missing');
    expect(sheet.getCell('A1').value).toBe('2022 年度项目支出绩效评价结果应用表');
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([
      '序号',
      '单位',
      '项目名称',
      '自评得分',
      '等级',
      '建议应用方式',
      '决定应用方式',
      '调整比例',
      '理由',
    ]);
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual([
      1,
      row.organizationName,
      row.projectName,
      row.totalScore,
      row.gradeLabel,
      row.suggestion?.text,
      '压减',
      -0.125,
      '执行率偏低，压减部分预算',
    ]);
    expect(sheet.rowCount).toBe(5);
  });

  it('refuses bad input and other roles', async () => {
    const badPolicy = await testApp.request(finance, {
      method: 'PUT',
      url: '/api/result-application/policies/2022',
      payload: { ...DEFAULT_RESULT_APPLICATION_POLICY, appealPeriodDays: 0 },
    });
    expect(badPolicy.statusCode).toBe(400);
    const noYear = await testApp.request(finance, { method: 'GET', url: '/api/result-application/table.xlsx' });
    expect(noYear.statusCode).toBe(400);
    const department = await testApp.login('department');
    for (const url of ['/api/result-application?year=2022', '/api/result-application/table.xlsx?year=2022']) {
      expect((await testApp.request(department, { method: 'GET', url })).statusCode).toBe(403);
    }
    const filler = await testApp.login('filler');
    const byUnit = await testApp.request(filler, {
      method: 'PUT',
      url: `/api/result-application/decisions/${seedId}`,
      payload: { decision: 'keep' },
    });
    expect(byUnit.statusCode).toBe(403);
  });

  it('puts the year on the dashboard for the bureau', async () => {
    const dashboard = await testApp.request(finance, { method: 'GET', url: '/api/analysis/dashboard?year=2022' });
    expect(dashboard.json<{ resultApplication: unknown }>().resultApplication).toMatchObject({
      fiscalYear: 2022,
      evaluated: 1,
      decided: 1,
      pending: 0,
    });
  });
});
