import type { EvaluationForm } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { verifyAuditChain } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '../../testing/service-fixtures.ts';
import { createUser } from '../accounts/create-user.ts';
import { summarizeDashboard } from '../analysis/summarize-dashboard.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { createDraft } from '../evaluations/create-draft.ts';
import { getEvaluation } from '../evaluations/get-evaluation.ts';
import { listFindings } from '../evaluations/list-findings.ts';
import { attachRectificationEvidence } from './attach-rectification-evidence.ts';
import { createRectificationItem } from './create-rectification-item.ts';
import { getRectificationItem } from './get-rectification-item.ts';
import { listRectificationItems } from './list-rectification-items.ts';
import { proposeRectificationItems } from './propose-rectification-items.ts';
import { stepRectificationItem } from './step-rectification-item.ts';

const formFor = (seed: number, projectName: string, fiscalYear: number): EvaluationForm => ({
  ...generateForm(seed),
  fiscalYear,
  projectName,
  department: '开福区城市房屋征收和补偿管理办公室',
});

const EVIDENCE = new TextEncoder().encode('结算资料已报送，附会议纪要。');

describe.each(testDatabaseKinds())('整改 items on %s', (kind) => {
  let fixture: ServiceFixture;
  let ctx: ServiceContext;
  let otherDepartmentReviewer: Actor;
  let evaluationId: string;
  let otherEvaluationId: string;

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    // 1 March 2026 in China: deadlines are read against this day.
    ctx = { ...fixture.ctx, now: () => new Date('2026-03-01T02:00:00Z') };
    const user = await createUser(fixture.ctx, null, {
      username: 'edu.reviewer',
      displayName: '教育局审核',
      password: TEST_PASSWORD,
      roles: [{ organizationId: fixture.organizations.otherDepartment, role: 'department_reviewer' }],
    });
    otherDepartmentReviewer = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
    };
    const draft = await createDraft(ctx, fixture.actors.unit_filler, {
      organizationId: fixture.organizations.unit,
      form: formFor(1, '征收工作经费', 2025),
    });
    evaluationId = draft.id;
    const other = await createDraft(ctx, fixture.actors.otherFiller, {
      organizationId: fixture.organizations.otherUnit,
      form: formFor(2, '教育事务经费', 2025),
    });
    otherEvaluationId = other.id;
  });
  afterAll(async () => {
    await fixture.close();
  });

  const create = (actor: Actor, overrides: Partial<Parameters<typeof createRectificationItem>[2]> = {}) =>
    createRectificationItem(ctx, actor, {
      evaluationId,
      sourceKind: 'problem',
      sourceText: '结算工作滞后',
      description: '项目结算工作滞后',
      measure: '年底前完成结算',
      deadline: '2026-06-30',
      ...overrides,
    });

  it('takes an item through every status, with a return to in_progress and its reason, all audited', async () => {
    const { actors } = fixture;
    const item = await create(actors.department_reviewer);
    expect(item).toMatchObject({ status: 'open', statusLabel: '待整改', version: 1, fiscalYear: 2025, overdue: false });
    // The reviewer who registered it may also withdraw it (撤销, cancel-rectification-item.test.ts).
    expect(item.actions).toEqual(['revise', 'cancel']);

    const started = await stepRectificationItem(ctx, actors.unit_filler, {
      itemId: item.id,
      action: 'start',
      progressNote: '已召开专题会',
      expectedVersion: 1,
    });
    expect(started).toMatchObject({ status: 'in_progress', progressNote: '已召开专题会', version: 2 });
    await expect(
      stepRectificationItem(ctx, actors.unit_filler, { itemId: item.id, action: 'submit', expectedVersion: 2 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('佐证材料') });
    const file = await attachRectificationEvidence(ctx, actors.unit_filler, {
      itemId: item.id,
      fileName: '结算资料.txt',
      bytes: EVIDENCE,
    });
    expect(file.sizeBytes).toBe(EVIDENCE.byteLength);
    const submitted = await stepRectificationItem(ctx, actors.unit_approver, {
      itemId: item.id,
      action: 'submit',
      expectedVersion: 2,
    });
    expect(submitted.status).toBe('submitted');

    await expect(
      stepRectificationItem(ctx, actors.department_reviewer, { itemId: item.id, action: 'return', reason: ' ' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const returned = await stepRectificationItem(ctx, actors.department_reviewer, {
      itemId: item.id,
      action: 'return',
      reason: '缺少结算审计报告',
      expectedVersion: submitted.version,
    });
    expect(returned.status).toBe('in_progress');
    await stepRectificationItem(ctx, actors.unit_filler, { itemId: item.id, action: 'submit' });
    await expect(
      stepRectificationItem(ctx, actors.unit_approver, { itemId: item.id, action: 'close', reason: '好了' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const closed = await stepRectificationItem(ctx, actors.finance_reviewer, {
      itemId: item.id,
      action: 'close',
      reason: '结算已完成，材料齐全',
    });
    expect(closed).toMatchObject({ status: 'closed', closingReason: '结算已完成，材料齐全', actions: [] });

    const detail = await getRectificationItem(ctx, actors.unit_filler, item.id);
    expect(detail.evidence.map((evidence) => evidence.fileName)).toEqual(['结算资料.txt']);
    expect(detail.history.map((entry) => [entry.actionLabel, entry.toStatus, entry.reason])).toEqual([
      ['登记整改事项', 'open', null],
      ['开始整改', 'in_progress', null],
      ['上传佐证材料', 'in_progress', null],
      ['提交整改材料', 'submitted', null],
      ['退回继续整改', 'in_progress', '缺少结算审计报告'],
      ['提交整改材料', 'submitted', null],
      ['验收销号', 'closed', '结算已完成，材料齐全'],
    ]);
    expect(detail.closedByName).toBe('finance');
    await expect(verifyAuditChain(fixture.handle.db)).resolves.toMatchObject({ ok: true });
  });

  it('lets the reviewer reword an item or move its deadline with a reason, until it is closed', async () => {
    const { actors } = fixture;
    const item = await create(actors.department_reviewer);
    await expect(
      stepRectificationItem(ctx, actors.unit_filler, {
        itemId: item.id,
        action: 'revise',
        reason: '延期',
        deadline: '2026-12-31',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      stepRectificationItem(ctx, actors.department_reviewer, {
        itemId: item.id,
        action: 'revise',
        deadline: '2026-12-31',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      stepRectificationItem(ctx, actors.department_reviewer, { itemId: item.id, action: 'revise', reason: '无变化' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '没有需要修改的内容' });
    await expect(
      stepRectificationItem(ctx, actors.department_reviewer, {
        itemId: item.id,
        action: 'revise',
        reason: '提前',
        deadline: '2026-01-31',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const revised = await stepRectificationItem(ctx, actors.department_reviewer, {
      itemId: item.id,
      action: 'revise',
      reason: '涉及司法程序，延期至年底',
      deadline: '2026-12-31',
      measure: '依法申请强制执行，年底前完成结算',
    });
    expect(revised).toMatchObject({
      status: 'open',
      deadline: '2026-12-31',
      measure: '依法申请强制执行，年底前完成结算',
    });
    const detail = await getRectificationItem(ctx, actors.unit_filler, item.id);
    expect(detail.history.at(-1)).toMatchObject({ actionLabel: '修改事项或期限', reason: '涉及司法程序，延期至年底' });
  });

  it('takes evidence through the upload guards, and only while the unit is working the item', async () => {
    const { actors } = fixture;
    const item = await create(actors.department_reviewer);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    await expect(
      attachRectificationEvidence(ctx, actors.unit_filler, { itemId: item.id, fileName: '材料.zip', bytes: zip }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    await expect(
      attachRectificationEvidence(ctx, actors.unit_filler, {
        itemId: item.id,
        fileName: '空.txt',
        bytes: new Uint8Array(),
      }),
    ).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    const file = await attachRectificationEvidence(ctx, actors.unit_approver, {
      itemId: item.id,
      fileName: 'C:\\资料\\整改报告.txt',
      bytes: EVIDENCE,
    });
    expect(file.fileName).toBe('整改报告.txt');
    await stepRectificationItem(ctx, actors.unit_filler, { itemId: item.id, action: 'start' });
    await stepRectificationItem(ctx, actors.unit_filler, { itemId: item.id, action: 'submit', progressNote: '已完成' });
    await expect(
      attachRectificationEvidence(ctx, actors.unit_filler, { itemId: item.id, fileName: '补充.txt', bytes: EVIDENCE }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('refuses a stale version', async () => {
    const item = await create(fixture.actors.department_reviewer);
    await stepRectificationItem(ctx, fixture.actors.unit_filler, {
      itemId: item.id,
      action: 'start',
      expectedVersion: 1,
    });
    await expect(
      stepRectificationItem(ctx, fixture.actors.unit_filler, {
        itemId: item.id,
        action: 'update',
        progressNote: '进展',
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets only reviewers over the unit create items', async () => {
    const { actors } = fixture;
    for (const actor of [actors.unit_filler, actors.unit_approver, actors.admin]) {
      await expect(create(actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(create(actors.otherFiller)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(create(otherDepartmentReviewer)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(create(actors.finance_reviewer)).resolves.toMatchObject({ status: 'open' });
    await expect(create(actors.department_reviewer, { deadline: '2026-02-28' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(create(actors.department_reviewer, { deadline: '2026-02-30' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(create(actors.department_reviewer, { description: '\u200b' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('keeps other units and departments out of an item', async () => {
    const { actors } = fixture;
    const item = await create(actors.department_reviewer);
    await expect(getRectificationItem(ctx, actors.otherFiller, item.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      stepRectificationItem(ctx, actors.otherFiller, { itemId: item.id, action: 'start' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      attachRectificationEvidence(ctx, actors.otherFiller, { itemId: item.id, fileName: 'a.txt', bytes: EVIDENCE }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      attachRectificationEvidence(ctx, actors.department_reviewer, {
        itemId: item.id,
        fileName: 'a.txt',
        bytes: EVIDENCE,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      stepRectificationItem(ctx, otherDepartmentReviewer, { itemId: item.id, action: 'close', reason: '已整改' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const seen = await listRectificationItems(ctx, actors.otherFiller, { page: 1, pageSize: 50 });
    expect(seen.items.map((row) => row.id)).not.toContain(item.id);
    const foreign = await createRectificationItem(ctx, otherDepartmentReviewer, {
      evaluationId: otherEvaluationId,
      sourceKind: 'manual',
      description: '教育事务经费未细化',
      deadline: '2026-05-31',
    });
    const mine = await listRectificationItems(ctx, actors.unit_filler, { page: 1, pageSize: 50 });
    expect(mine.items.map((row) => row.id)).not.toContain(foreign.id);
    const department = await listRectificationItems(ctx, actors.department_reviewer, { page: 1, pageSize: 50 });
    expect(department.items.every((row) => row.organizationId === fixture.organizations.unit)).toBe(true);
    const bureau = await listRectificationItems(ctx, actors.finance_reviewer, { page: 1, pageSize: 50 });
    expect(bureau.items.map((row) => row.id)).toEqual(expect.arrayContaining([item.id, foreign.id]));
  });

  it('lists overdue items first, filters by unit, status and overdue, and counts them for the dashboard', async () => {
    const { actors, organizations } = fixture;
    const late = await create(actors.department_reviewer, { description: '满意度调查未开展', deadline: '2026-03-10' });
    const later = { ...ctx, now: () => new Date('2026-03-20T02:00:00Z') };
    const list = await listRectificationItems(later, actors.unit_filler, { page: 1, pageSize: 100 });
    const overdue = list.items.filter((row) => row.overdue);
    expect(overdue.map((row) => row.id)).toContain(late.id);
    expect(list.items.slice(0, overdue.length).every((row) => row.overdue)).toBe(true);
    expect(list.items.at(-1)?.status).toBe('closed');
    const onlyOverdue = await listRectificationItems(later, actors.finance_reviewer, {
      overdue: true,
      organizationId: organizations.department,
      page: 1,
      pageSize: 100,
    });
    expect(onlyOverdue.items.map((row) => row.id)).toEqual([late.id]);
    const closed = await listRectificationItems(later, actors.finance_reviewer, {
      status: 'closed',
      page: 1,
      pageSize: 100,
    });
    expect(closed.total).toBe(1);
    const dashboard = await summarizeDashboard(later, actors.department_reviewer, {});
    expect(dashboard.rectifications).toMatchObject({
      overdue: 1,
      submitted: list.items.filter((row) => row.status === 'submitted').length,
    });
    // 'open' counts the work still with the units: open and in progress, not what awaits closing.
    expect(dashboard.rectifications.open).toBe(
      list.items.filter((row) => row.status === 'open' || row.status === 'in_progress').length,
    );
  });

  it('offers the problems of 存在的问题 with matching measures to reviewers only', async () => {
    const proposals = await proposeRectificationItems(ctx, fixture.actors.department_reviewer, evaluationId);
    expect(proposals.length).toBeGreaterThan(0);
    for (const proposal of proposals) expect(proposal.problem.length).toBeGreaterThan(0);
    await expect(proposeRectificationItems(ctx, fixture.actors.unit_filler, evaluationId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it("shows next year's evaluation of the same project the items still open, with their findings", async () => {
    const { actors, organizations } = fixture;
    const nextYear = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: formFor(3, '征收工作经费', 2026),
    });
    const later = { ...ctx, now: () => new Date('2026-03-20T02:00:00Z') };
    const detail = await getEvaluation(later, actors.unit_filler, nextYear.id);
    expect(detail.earlierRectifications.length).toBeGreaterThan(0);
    expect(detail.earlierRectifications.every((item) => item.status !== 'closed')).toBe(true);
    const codes = detail.result?.findings.map((finding) => finding.code) ?? [];
    expect(codes).toContain('RECTIFICATION_OPEN');
    expect(codes).toContain('RECTIFICATION_OVERDUE');
    const overdue = detail.result?.findings.find((finding) => finding.code === 'RECTIFICATION_OVERDUE');
    expect(overdue?.message).toContain('满意度调查未开展');
    expect(overdue?.message).toContain('2026-03-10');
    // The cross-unit findings list raises them too, first, and pages through them with the stored ones.
    const overdueListed = await listFindings(later, actors.finance_reviewer, {
      code: 'RECTIFICATION_OVERDUE',
      page: 1,
      pageSize: 20,
    });
    expect(overdueListed.items.map((item) => [item.evaluationId, item.severity])).toEqual([[nextYear.id, 'warning']]);
    const all = await listFindings(later, actors.department_reviewer, { page: 1, pageSize: 100 });
    const paged = [];
    for (let page = 1; page <= Math.ceil(all.total / 7); page += 1) {
      paged.push(...(await listFindings(later, actors.department_reviewer, { page, pageSize: 7 })).items);
    }
    expect(paged).toEqual(all.items);
    expect(all.items[0]?.code).toMatch(/^RECTIFICATION_/u);
    expect(all.total).toBe(all.items.length);
    // The year's own evaluation does not list its own items as earlier ones.
    const same = await getEvaluation(later, actors.unit_filler, evaluationId);
    expect(same.earlierRectifications).toEqual([]);
    const otherProject = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: formFor(4, '另一个项目', 2026),
    });
    expect((await getEvaluation(later, actors.unit_filler, otherProject.id)).earlierRectifications).toEqual([]);
  });

  it('creates inside a caller transaction and rolls back with it', async () => {
    const before = await listRectificationItems(ctx, fixture.actors.finance_reviewer, { page: 1, pageSize: 1 });
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await createRectificationItem(
          ctx,
          fixture.actors.finance_reviewer,
          { evaluationId, sourceKind: 'feedback', description: '公众反馈的问题', deadline: '2026-04-30' },
          trx,
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const after = await listRectificationItems(ctx, fixture.actors.finance_reviewer, { page: 1, pageSize: 1 });
    expect(after.total).toBe(before.total);
  });
});
