import type { DeclarationListItem, DeclarationView } from '@jixiao/core';
import { declarationForm } from '@jixiao/services/testing/budget-year';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';

/** The form without its 成本指标 row: what the department sends back. */
const withoutCost = (projectName: string) => {
  const form = declarationForm(projectName);
  return {
    ...form,
    indicators: form.indicators.map((row) =>
      row.level2 === 'cost' ? { ...row, level2: 'quality' as const, name: '养护质量合格率', target: '≥95%' } : row,
    ),
  };
};

describe('绩效目标申报 routes', () => {
  let testApp: TestApp;
  let filler: Session;
  let approver: Session;
  let department: Session;
  let finance: Session;
  let otherFiller: Session;
  let unit = '';

  beforeAll(async () => {
    testApp = await createTestApp();
    unit = testApp.fixture.organizations.unit;
    filler = await testApp.login('filler');
    approver = await testApp.login('approver');
    department = await testApp.login('department');
    finance = await testApp.login('finance');
    otherFiller = await testApp.login('other.filler');
  });
  afterAll(async () => {
    await testApp.close();
  });

  const post = (session: Session, url: string, payload: Record<string, unknown> = {}) =>
    testApp.request(session, { method: 'POST', url, payload });
  const get = (session: Session, url: string) => testApp.request(session, { method: 'GET', url });
  const step = async (session: Session, id: string, action: string, reason?: string): Promise<DeclarationView> => {
    const response = await post(session, `/api/declarations/${id}/${action}`, reason ? { reason } : {});
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DeclarationView>();
  };

  it('drafts, reviews, returns for a missing cost indicator, approves and locks; an adjustment supersedes it', async () => {
    const created = await post(filler, '/api/declarations', {
      organizationId: unit,
      form: withoutCost('农村公路养护'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json<DeclarationView>();
    expect(draft).toMatchObject({ status: 'draft', statusLabel: '填报中', revisionNo: 1, version: 1 });
    expect(draft.findings.map((item) => [item.code, item.severity])).toEqual([['COST_INDICATOR_MISSING', 'warning']]);

    const duplicate = await post(filler, '/api/declarations', {
      organizationId: unit,
      form: withoutCost('农村公路养护'),
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      error: { code: 'DUPLICATE_DECLARATION', context: { existing: { declarationId: draft.id } } },
    });

    await step(filler, draft.id, 'submit');
    expect((await post(department, `/api/declarations/${draft.id}/approve`)).statusCode).toBe(403);
    await step(approver, draft.id, 'approve');
    const noReason = await post(department, `/api/declarations/${draft.id}/return`);
    expect(noReason.statusCode).toBe(400);
    const returned = await step(department, draft.id, 'return', '缺少成本指标，请补充每公里养护成本');
    expect(returned).toMatchObject({ status: 'returned', availableActions: [] });

    const stale = await testApp.request(filler, {
      method: 'PUT',
      url: `/api/declarations/${draft.id}`,
      payload: { version: 1, form: declarationForm('农村公路养护') },
    });
    expect(stale.statusCode).toBe(409);
    const fixed = await testApp.request(filler, {
      method: 'PUT',
      url: `/api/declarations/${draft.id}`,
      payload: { version: returned.version, form: declarationForm('农村公路养护') },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<DeclarationView>().findings.map((item) => item.code)).not.toContain('COST_INDICATOR_MISSING');

    await step(filler, draft.id, 'submit');
    await step(approver, draft.id, 'approve');
    await step(department, draft.id, 'approve');
    const approved = await step(finance, draft.id, 'approve');
    expect(approved).toMatchObject({ status: 'approved', superseded: false });
    expect(approved.history.map((entry) => entry.actionLabel)).toEqual([
      '送审',
      '审核通过',
      '退回',
      '送审',
      '审核通过',
      '审核通过',
      '审核通过',
    ]);
    expect(approved.history[2]?.reason).toBe('缺少成本指标，请补充每公里养护成本');

    const locked = await testApp.request(filler, {
      method: 'PUT',
      url: `/api/declarations/${draft.id}`,
      payload: { version: approved.version, form: declarationForm('农村公路养护') },
    });
    expect([409, 422]).toContain(locked.statusCode);

    const adjusted = await post(filler, `/api/declarations/${draft.id}/adjust`, { reason: '年中追加养护里程' });
    expect(adjusted.statusCode, adjusted.body).toBe(201);
    const second = adjusted.json<DeclarationView>();
    expect(second).toMatchObject({
      revisionNo: 2,
      status: 'draft',
      supersedesId: draft.id,
      adjustmentReason: '年中追加养护里程',
    });
    expect((await post(filler, `/api/declarations/${draft.id}/adjust`, { reason: '再调' })).statusCode).toBe(409);
    await step(filler, second.id, 'submit');
    await step(approver, second.id, 'approve');
    await step(department, second.id, 'approve');
    expect((await get(filler, `/api/declarations/${draft.id}`)).json<DeclarationView>().superseded).toBe(false);
    await step(finance, second.id, 'approve');
    expect((await get(filler, `/api/declarations/${draft.id}`)).json<DeclarationView>().superseded).toBe(true);

    const list = await get(department, '/api/declarations?year=2026&status=approved');
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json<{ items: DeclarationListItem[] }>()
        .items.filter((item) => item.projectName === '农村公路养护')
        .map((item) => [item.revisionNo, item.superseded]),
    ).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('keeps other units out of a declaration', async () => {
    const created = await post(filler, '/api/declarations', {
      organizationId: unit,
      form: declarationForm('路灯维护'),
    });
    const { id } = created.json<DeclarationView>();
    expect((await get(otherFiller, `/api/declarations/${id}`)).statusCode).toBe(404);
    expect((await post(otherFiller, `/api/declarations/${id}/submit`)).statusCode).toBe(404);
    expect((await get(otherFiller, `/api/declarations/${id}/document.xlsx`)).statusCode).toBe(404);
    expect(
      (await post(otherFiller, '/api/declarations', { organizationId: unit, form: declarationForm('越权申报') }))
        .statusCode,
    ).toBe(403);
    const theirs = await get(otherFiller, '/api/declarations');
    expect(theirs.json<{ items: DeclarationListItem[] }>().items).toEqual([]);
  });

  it('downloads the 绩效目标申报表 as Excel, and the file imports as a declaration', async () => {
    const created = await post(filler, '/api/declarations', {
      organizationId: unit,
      form: declarationForm('桥梁检测'),
    });
    const { id } = created.json<DeclarationView>();
    const response = await get(department, `/api/declarations/${id}/document.xlsx`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('开福区城市房屋征收和补偿管理办公室'));
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The downloaded table reads back as a declaration: another unit declares the same project from it.
    const otherUnit = testApp.fixture.organizations.otherUnit;
    const imported = await post(otherFiller, '/api/declarations/import', {
      organizationId: otherUnit,
      fileName: '桥梁检测绩效目标申报表.xlsx',
      contentBase64: response.rawPayload.toString('base64'),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const { declaration, warnings } = imported.json<{ declaration: DeclarationView; warnings: unknown[] }>();
    expect(declaration).toMatchObject({
      organizationId: otherUnit,
      projectName: '桥梁检测',
      status: 'draft',
      revisionNo: 1,
    });
    expect(declaration.form.indicators.map((row) => [row.name, row.target, row.weight])).toEqual(
      declarationForm('桥梁检测').indicators.map((row) => [row.name, row.target, row.weight]),
    );
    expect(Array.isArray(warnings)).toBe(true);
    const notADeclaration = await post(otherFiller, '/api/declarations/import', {
      organizationId: otherUnit,
      fileName: 'notes.txt',
      contentBase64: Buffer.from('这不是申报表').toString('base64'),
    });
    expect(notADeclaration.statusCode).toBeGreaterThanOrEqual(400);
    expect(notADeclaration.statusCode).toBeLessThan(500);
    const intoOtherUnit = await post(filler, '/api/declarations/import', {
      organizationId: otherUnit,
      fileName: '桥梁检测绩效目标申报表.xlsx',
      contentBase64: response.rawPayload.toString('base64'),
    });
    expect(intoOtherUnit.statusCode).toBe(403);
  });
});
