import { type DeclarationForm, type DeclaredIndicator, emptyDeclaration, emptyDeclaredIndicator } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { verifyAuditChain } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '../../testing/service-fixtures.ts';
import { createUser } from '../accounts/create-user.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { createDraft } from '../evaluations/create-draft.ts';
import { transitionEvaluation } from '../evaluations/transition-evaluation.ts';
import { adjustDeclaration } from './adjust-declaration.ts';
import { createDeclaration } from './create-declaration.ts';
import { getDeclaration } from './get-declaration.ts';
import { listDeclarations } from './list-declarations.ts';
import { transitionDeclaration } from './transition-declaration.ts';
import { updateDeclaration } from './update-declaration.ts';

const indicators = (): DeclaredIndicator[] => [
  emptyDeclaredIndicator({
    level1: 'output',
    level2: 'quantity',
    name: '征收户数',
    comparator: '≥',
    target: '110',
    measureUnit: '户',
    weight: '20',
  }),
  emptyDeclaredIndicator({
    level1: 'output',
    level2: 'timeliness',
    name: '完成时间',
    target: '2026年12月底前',
    weight: '10',
  }),
  emptyDeclaredIndicator({ level1: 'output', level2: 'cost', name: '户均补偿成本', target: '≤30万元', weight: '20' }),
  emptyDeclaredIndicator({ level1: 'outcome', level2: 'social', name: '城市面貌', target: '明显改善', weight: '30' }),
  emptyDeclaredIndicator({
    level1: 'satisfaction',
    level2: 'serviceSatisfaction',
    name: '被征收户满意度',
    target: '≥90%',
    weight: '10',
  }),
];

const declarationForm = (projectName: string, fiscalYear = 2026, rows = indicators()): DeclarationForm => ({
  ...emptyDeclaration(),
  fiscalYear,
  projectName,
  department: '开福区住房和城乡建设局',
  implementingUnit: '开福区城市房屋征收和补偿管理办公室',
  funds: { unit: '万元', total: '500', currentAppropriation: '500', priorYearCarryover: '', other: '' },
  annualGoal: '完成征收 110 户。',
  indicators: rows,
});

const codes = (findings: readonly { code: string }[]): string[] => findings.map((item) => item.code);

describe.each(testDatabaseKinds())('绩效目标申报 on %s', (kind) => {
  let fixture: ServiceFixture;
  let ctx: ServiceContext;
  let fillerApprover: Actor;

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    // A clock that moves on a second per reading, so the history's order is the order things happened in.
    let tick = Date.parse('2025-11-10T02:00:00Z');
    ctx = {
      ...fixture.ctx,
      now: () => {
        tick += 1000;
        return new Date(tick);
      },
    };
    const user = await createUser(fixture.ctx, null, {
      username: 'both',
      displayName: '一人两岗',
      password: TEST_PASSWORD,
      roles: [
        { organizationId: fixture.organizations.unit, role: 'unit_filler' },
        { organizationId: fixture.organizations.unit, role: 'unit_approver' },
      ],
    });
    fillerApprover = { userId: user.id, username: user.username, displayName: user.displayName, roles: user.roles };
  });
  afterAll(async () => {
    await fixture.close();
  });

  const create = (
    projectName: string,
    actor: Actor = fixture.actors.unit_filler,
    form = declarationForm(projectName),
  ) => createDeclaration(ctx, actor, { organizationId: fixture.organizations.unit, form });

  it('takes a declaration through review, a return for the cost indicator, and approval; then locks it', async () => {
    const { actors } = fixture;
    const withoutCost = indicators().map((row) =>
      row.level2 === 'cost' ? { ...row, level2: 'quality' as const, name: '征收质量', target: '≥95%' } : row,
    );
    const draft = await create('征收工作经费', actors.unit_filler, declarationForm('征收工作经费', 2026, withoutCost));
    expect(draft).toMatchObject({
      status: 'draft',
      revisionNo: 1,
      version: 1,
      superseded: false,
      availableActions: ['edit', 'submit'],
    });
    expect(codes(draft.findings)).toEqual(['COST_INDICATOR_MISSING']);
    expect(draft.findingCounts).toEqual({ error: 0, warning: 1, info: 0 });

    await expect(create('征收工作经费')).rejects.toMatchObject({
      code: 'DUPLICATE_DECLARATION',
      details: { context: { existing: { declarationId: draft.id } } },
    });

    const submitted = await transitionDeclaration(ctx, actors.unit_filler, 'submit', { declarationId: draft.id });
    expect(submitted.status).toBe('submitted');
    await expect(
      transitionDeclaration(ctx, actors.department_reviewer, 'approve', { declarationId: draft.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await transitionDeclaration(ctx, actors.unit_approver, 'approve', { declarationId: draft.id });
    await expect(
      transitionDeclaration(ctx, actors.department_reviewer, 'return', { declarationId: draft.id, reason: '  ' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const returned = await transitionDeclaration(ctx, actors.department_reviewer, 'return', {
      declarationId: draft.id,
      reason: '缺少成本指标，请补充',
    });
    expect(returned.status).toBe('returned');

    await expect(
      updateDeclaration(ctx, actors.unit_filler, {
        declarationId: draft.id,
        expectedVersion: 1,
        form: declarationForm('征收工作经费'),
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      updateDeclaration(ctx, actors.unit_filler, {
        declarationId: draft.id,
        expectedVersion: returned.version,
        form: declarationForm('改名后的项目'),
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const fixed = await updateDeclaration(ctx, actors.unit_filler, {
      declarationId: draft.id,
      expectedVersion: returned.version,
      form: declarationForm('征收工作经费'),
    });
    expect(fixed.findings).toEqual([]);

    await transitionDeclaration(ctx, actors.unit_filler, 'submit', { declarationId: draft.id });
    await transitionDeclaration(ctx, actors.unit_approver, 'approve', { declarationId: draft.id });
    await transitionDeclaration(ctx, actors.department_reviewer, 'approve', { declarationId: draft.id });
    const approved = await transitionDeclaration(ctx, actors.finance_reviewer, 'approve', { declarationId: draft.id });
    expect(approved).toMatchObject({ status: 'approved', statusLabel: '已通过', approvedAt: expect.any(String) });
    expect(approved.history.map((entry) => `${entry.action}@${entry.stage}`)).toEqual([
      'submit@draft',
      'approve@submitted',
      'return@department_review',
      'submit@returned',
      'approve@submitted',
      'approve@department_review',
      'approve@finance_review',
    ]);
    expect(approved.history[2]).toMatchObject({
      reason: '缺少成本指标，请补充',
      actorName: 'department',
      stageLabel: '待主管部门审核',
    });

    await expect(
      updateDeclaration(ctx, actors.unit_filler, {
        declarationId: draft.id,
        expectedVersion: approved.version,
        form: declarationForm('征收工作经费'),
      }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await getDeclaration(ctx, actors.unit_filler, draft.id)).availableActions).toEqual(['adjust']);
    expect(await verifyAuditChain(fixture.handle.db)).toMatchObject({ ok: true });
  });

  it('adjusts an approved declaration as revision 2, which supersedes revision 1 once approved', async () => {
    const { actors } = fixture;
    const first = await create('棚改项目');
    for (const [actor, action] of [
      [actors.unit_filler, 'submit'],
      [actors.unit_approver, 'approve'],
      [actors.department_reviewer, 'approve'],
      [actors.finance_reviewer, 'approve'],
    ] as const) {
      await transitionDeclaration(ctx, actor, action, { declarationId: first.id });
    }
    await expect(
      adjustDeclaration(ctx, actors.unit_filler, { declarationId: first.id, reason: '' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      adjustDeclaration(ctx, actors.unit_approver, { declarationId: first.id, reason: '追加任务' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const second = await adjustDeclaration(ctx, actors.unit_filler, {
      declarationId: first.id,
      reason: '年中追加征收任务',
    });
    expect(second).toMatchObject({
      status: 'draft',
      revisionNo: 2,
      supersedesId: first.id,
      adjustmentReason: '年中追加征收任务',
      history: [{ action: 'adjust', actionLabel: '调整', stage: 'approved', reason: '年中追加征收任务' }],
    });
    expect(second.form).toEqual((await getDeclaration(ctx, actors.unit_filler, first.id)).form);
    await expect(
      adjustDeclaration(ctx, actors.unit_filler, { declarationId: first.id, reason: '再次调整' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await getDeclaration(ctx, actors.unit_filler, first.id)).toMatchObject({
      superseded: false,
      availableActions: [],
    });

    await updateDeclaration(ctx, actors.unit_filler, {
      declarationId: second.id,
      expectedVersion: second.version,
      form: declarationForm(
        '棚改项目',
        2026,
        indicators().map((row, index) => (index === 0 ? { ...row, target: '150' } : row)),
      ),
    });
    for (const [actor, action] of [
      [actors.unit_filler, 'submit'],
      [actors.unit_approver, 'approve'],
      [actors.department_reviewer, 'approve'],
      [actors.finance_reviewer, 'approve'],
    ] as const) {
      await transitionDeclaration(ctx, actor, action, { declarationId: second.id });
    }
    expect(await getDeclaration(ctx, actors.unit_filler, first.id)).toMatchObject({
      status: 'approved',
      superseded: true,
    });
    expect(await getDeclaration(ctx, actors.unit_filler, second.id)).toMatchObject({
      superseded: false,
      availableActions: ['adjust'],
    });
    await expect(
      adjustDeclaration(ctx, actors.unit_filler, { declarationId: first.id, reason: '改旧版本' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const listed = await listDeclarations(ctx, actors.finance_reviewer, { fiscalYear: 2026, status: 'approved' });
    expect(
      listed.items.filter((item) => item.projectName === '棚改项目').map((item) => [item.revisionNo, item.superseded]),
    ).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('answers two concurrent declarations of one project with one draft and one DUPLICATE_DECLARATION', async () => {
    const results = await Promise.allSettled([create('并发申报项目'), create('并发申报项目')]);
    const created = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    expect(created).toHaveLength(1);
    expect(refused).toEqual([
      expect.objectContaining({
        code: 'DUPLICATE_DECLARATION',
        details: { context: { existing: expect.objectContaining({ declarationId: created[0]?.id }) } },
      }),
    ]);
  });

  it('keeps the one who submitted from approving, and other units out', async () => {
    const { actors } = fixture;
    const draft = await create('一人两岗项目', fillerApprover);
    await transitionDeclaration(ctx, fillerApprover, 'submit', { declarationId: draft.id });
    expect((await getDeclaration(ctx, fillerApprover, draft.id)).availableActions).toEqual(['withdraw', 'return']);
    await expect(
      transitionDeclaration(ctx, fillerApprover, 'approve', { declarationId: draft.id }),
    ).rejects.toMatchObject({
      code: 'SEPARATION_OF_DUTIES',
    });
    await expect(getDeclaration(ctx, actors.otherFiller, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      transitionDeclaration(ctx, actors.otherFiller, 'withdraw', { declarationId: draft.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(create('别人的项目', actors.otherFiller)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await listDeclarations(ctx, actors.otherFiller, {})).items).toEqual([]);
    const departmentSees = await listDeclarations(ctx, actors.department_reviewer, {});
    expect(departmentSees.items.map((item) => item.projectName)).toContain('一人两岗项目');
    expect(
      (await listDeclarations(ctx, actors.finance_reviewer, { organizationId: fixture.organizations.otherDepartment }))
        .items,
    ).toEqual([]);
    await expect(
      transitionDeclaration(ctx, actors.admin, 'return', { declarationId: draft.id, reason: '管理员' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('holds a target against last year’s submitted self-evaluation of the same project', async () => {
    const { actors } = fixture;
    const last = generateForm(7);
    const [firstRow, ...rest] = last.indicators;
    if (!firstRow) throw new Error('generated form without indicators');
    const evaluation = await createDraft(ctx, actors.unit_filler, {
      organizationId: fixture.organizations.unit,
      form: {
        ...last,
        fiscalYear: 2025,
        projectName: '拆迁安置项目',
        indicators: [
          { ...firstRow, name: '征收户数', comparator: '≥', target: '100户', actual: '120户', measureUnit: '' },
          ...rest,
        ],
      },
    });
    const before = await create('拆迁安置项目');
    expect(codes(before.findings)).toEqual([]);
    await transitionEvaluation(ctx, actors.unit_filler, 'submit', { evaluationId: evaluation.id });
    const after = await getDeclaration(ctx, actors.unit_filler, before.id);
    expect(after.findings).toEqual([
      expect.objectContaining({
        code: 'TARGET_BELOW_LAST_ACTUAL',
        message: '第1行指标“征收户数”的年度指标值 110户 低于上年实际完成值 120户，目标可能设定偏低。',
      }),
    ]);
    const listed = await listDeclarations(ctx, actors.unit_filler, { fiscalYear: 2026 });
    expect(listed.items.find((item) => item.id === before.id)?.findingCounts).toEqual({
      error: 0,
      warning: 1,
      info: 0,
    });
  });
});
