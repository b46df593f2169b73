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
import { attachRectificationEvidence } from './attach-rectification-evidence.ts';
import { cancelRectificationItem } from './cancel-rectification-item.ts';
import { createRectificationItem } from './create-rectification-item.ts';
import { getRectificationItem } from './get-rectification-item.ts';
import { listRectificationItems } from './list-rectification-items.ts';
import { stepRectificationItem } from './step-rectification-item.ts';

const formFor = (seed: number, fiscalYear: number): EvaluationForm => ({
  ...generateForm(seed),
  fiscalYear,
  projectName: '征收工作经费',
  department: '开福区城市房屋征收和补偿管理办公室',
});

const EVIDENCE = new TextEncoder().encode('结算资料已报送。');

describe.each(testDatabaseKinds())('撤销 of a 整改 item on %s', (kind) => {
  let fixture: ServiceFixture;
  let ctx: ServiceContext;
  /** A second 主管部门 reviewer of the same department, who did not register the items. */
  let colleague: Actor;
  let evaluationId: string;

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    // 1 March 2026 in China: deadlines are read against this day.
    ctx = { ...fixture.ctx, now: () => new Date('2026-03-01T02:00:00Z') };
    const user = await createUser(fixture.ctx, null, {
      username: 'department.colleague',
      displayName: '主管部门另一审核人',
      password: TEST_PASSWORD,
      roles: [{ organizationId: fixture.organizations.department, role: 'department_reviewer' }],
    });
    colleague = { userId: user.id, username: user.username, displayName: user.displayName, roles: user.roles };
    evaluationId = (
      await createDraft(ctx, fixture.actors.unit_filler, {
        organizationId: fixture.organizations.unit,
        form: formFor(1, 2025),
      })
    ).id;
  });
  afterAll(async () => {
    await fixture.close();
  });

  const create = (actor: Actor, description: string, deadline = '2026-06-30') =>
    createRectificationItem(ctx, actor, { evaluationId, sourceKind: 'manual', description, deadline });

  it('lets the reviewer who registered an item cancel it with a reason, kept and audited', async () => {
    const { actors } = fixture;
    const item = await create(actors.department_reviewer, '误登记：重复的结算事项');
    expect(item.actions).toEqual(['revise', 'cancel']);
    await stepRectificationItem(ctx, actors.unit_filler, { itemId: item.id, action: 'start', progressNote: '已开始' });

    await expect(
      cancelRectificationItem(ctx, actors.department_reviewer, { itemId: item.id, reason: ' \u200b ' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      cancelRectificationItem(ctx, actors.department_reviewer, {
        itemId: item.id,
        reason: '重复登记',
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const cancelled = await cancelRectificationItem(ctx, actors.department_reviewer, {
      itemId: item.id,
      reason: '与已登记的结算事项重复',
      expectedVersion: 2,
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      statusLabel: '已撤销',
      cancelReason: '与已登记的结算事项重复',
      cancelledBy: actors.department_reviewer.userId,
      cancelledAt: '2026-03-01T02:00:00.000Z',
      closedAt: null,
      version: 3,
      actions: [],
    });

    // The unit sees it cancelled, and can no longer work it.
    const seen = await getRectificationItem(ctx, actors.unit_filler, item.id);
    expect(seen).toMatchObject({ status: 'cancelled', actions: [], cancelledByName: 'department' });
    expect(seen.history.at(-1)).toMatchObject({
      actionLabel: '撤销事项',
      fromStatus: 'in_progress',
      toStatus: 'cancelled',
      reason: '与已登记的结算事项重复',
    });
    await expect(
      stepRectificationItem(ctx, actors.unit_filler, { itemId: item.id, action: 'update', progressNote: '继续' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(
      attachRectificationEvidence(ctx, actors.unit_filler, { itemId: item.id, fileName: 'a.txt', bytes: EVIDENCE }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(
      cancelRectificationItem(ctx, actors.finance_reviewer, { itemId: item.id, reason: '再次撤销' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(verifyAuditChain(fixture.handle.db)).resolves.toMatchObject({ ok: true });
  });

  it('lets the bureau cancel any item before it is closed, but not a colleague or the unit', async () => {
    const { actors } = fixture;
    const item = await create(actors.department_reviewer, '误登记：单位错误');
    const asColleague = await getRectificationItem(ctx, colleague, item.id);
    expect(asColleague.actions).toEqual(['revise']);
    for (const actor of [colleague, actors.unit_filler, actors.unit_approver, actors.admin]) {
      await expect(cancelRectificationItem(ctx, actor, { itemId: item.id, reason: '误登记' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    await expect(
      cancelRectificationItem(ctx, actors.otherFiller, { itemId: item.id, reason: '误登记' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getRectificationItem(ctx, actors.finance_reviewer, item.id)).actions).toEqual(['revise', 'cancel']);
    await expect(
      cancelRectificationItem(ctx, actors.finance_reviewer, { itemId: item.id, reason: '应由另一单位整改' }),
    ).resolves.toMatchObject({ status: 'cancelled', cancelReason: '应由另一单位整改' });

    // A closed item is settled: nobody cancels it.
    const closed = await create(actors.finance_reviewer, '已整改到位的事项');
    await attachRectificationEvidence(ctx, actors.unit_filler, {
      itemId: closed.id,
      fileName: 'a.txt',
      bytes: EVIDENCE,
    });
    await stepRectificationItem(ctx, actors.unit_filler, { itemId: closed.id, action: 'start', progressNote: '完成' });
    await stepRectificationItem(ctx, actors.unit_filler, { itemId: closed.id, action: 'submit' });
    await stepRectificationItem(ctx, actors.finance_reviewer, { itemId: closed.id, action: 'close', reason: '到位' });
    await expect(
      cancelRectificationItem(ctx, actors.finance_reviewer, { itemId: closed.id, reason: '误登记' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it("leaves a cancelled item out of the overdue lists, the dashboard and next year's findings", async () => {
    const { actors, organizations } = fixture;
    const late = await create(actors.department_reviewer, '误登记且已过期的事项', '2026-03-05');
    const later = { ...ctx, now: () => new Date('2026-03-20T02:00:00Z') };
    const nextYear = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: formFor(2, 2026),
    });
    const before = await getEvaluation(later, actors.unit_filler, nextYear.id);
    expect(before.earlierRectifications.map((item) => item.id)).toContain(late.id);
    const dashboardBefore = await summarizeDashboard(later, actors.department_reviewer, {});

    await cancelRectificationItem(ctx, actors.department_reviewer, { itemId: late.id, reason: '误登记' });

    const after = await getEvaluation(later, actors.unit_filler, nextYear.id);
    expect(after.earlierRectifications.map((item) => item.id)).not.toContain(late.id);
    expect(after.result?.findings.some((finding) => finding.message.includes('误登记且已过期的事项'))).toBe(false);
    const dashboardAfter = await summarizeDashboard(later, actors.department_reviewer, {});
    expect(dashboardAfter.rectifications).toEqual({
      ...dashboardBefore.rectifications,
      open: dashboardBefore.rectifications.open - 1,
      overdue: dashboardBefore.rectifications.overdue - 1,
    });
    const overdue = await listRectificationItems(later, actors.finance_reviewer, {
      overdue: true,
      page: 1,
      pageSize: 100,
    });
    expect(overdue.items.map((row) => row.id)).not.toContain(late.id);
    // Still listed, after the work still to do (with the closed ones), and found by its status.
    const all = await listRectificationItems(later, actors.unit_filler, { page: 1, pageSize: 100 });
    const position = all.items.findIndex((row) => row.id === late.id);
    expect(position).toBeGreaterThan(-1);
    expect(all.items.slice(position).every((row) => ['closed', 'cancelled'].includes(row.status))).toBe(true);
    const cancelled = await listRectificationItems(later, actors.unit_filler, {
      status: 'cancelled',
      page: 1,
      pageSize: 100,
    });
    expect(cancelled.items.every((row) => row.status === 'cancelled')).toBe(true);
    expect(cancelled.items.map((row) => row.id)).toContain(late.id);
  });
});
