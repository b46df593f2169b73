import type { EvaluationForm, Role } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { backupDatabase, verifyAuditChain } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { listEvaluationAudit } from '../audit/list-audit-entries.ts';
import { getPublishedEvaluation } from '../public/get-published-evaluation.ts';
import { listPublishedEvaluations } from '../public/list-published-evaluations.ts';
import { approveEvaluation } from './approve-evaluation.ts';
import { createDraft } from './create-draft.ts';
import { diffRevisions } from './diff-revisions.ts';
import { getEvaluation } from './get-evaluation.ts';
import { listEvaluations } from './list-evaluations.ts';
import { listFindings } from './list-findings.ts';
import { publishEvaluation } from './publish-evaluation.ts';
import { returnEvaluation } from './return-evaluation.ts';
import { submitEvaluation } from './submit-evaluation.ts';
import { unpublishEvaluation } from './unpublish-evaluation.ts';
import { updateDraft } from './update-draft.ts';
import { withdrawEvaluation } from './withdraw-evaluation.ts';

const formFor = (seed: number, projectName: string): EvaluationForm => ({
  ...generateForm(seed),
  fiscalYear: 2023,
  projectName,
  department: '开福区城市房屋征收和补偿管理办公室',
});

const dumpRows = async (fixture: ServiceFixture): Promise<string[]> => {
  const lines: string[] = [];
  for await (const line of backupDatabase(fixture.handle.db)) lines.push(line);
  return lines.slice(1);
};

describe.each(testDatabaseKinds())('evaluation use cases on %s', (kind) => {
  let fixture: ServiceFixture;
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('creates a scored draft, and refuses a second evaluation of the same project and year', async () => {
    const { ctx, actors, organizations } = fixture;
    const draft = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: formFor(1, '征收工作经费甲'),
    });
    expect(draft).toMatchObject({
      status: 'draft',
      version: 2,
      fiscalYear: 2023,
      organizationName: '开福区城市房屋征收和补偿管理办公室',
    });
    expect(draft.totalScore).toBeTypeOf('number');
    const detail = await getEvaluation(ctx, actors.unit_filler, draft.id);
    expect(detail.result?.totalScore).toBe(draft.totalScore);
    expect(detail.availableActions).toEqual(['edit', 'submit']);
    await expect(
      createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form: formFor(2, '征收工作经费甲') }),
    ).rejects.toMatchObject({
      code: 'DUPLICATE_PROJECT',
      details: { context: { existing: { evaluationId: draft.id, status: 'draft', version: 2 } } },
    });
  });

  it.each<[Role | 'otherFiller', string]>([
    ['unit_approver', 'FORBIDDEN'],
    ['department_reviewer', 'FORBIDDEN'],
    ['finance_reviewer', 'FORBIDDEN'],
    ['admin', 'FORBIDDEN'],
    ['otherFiller', 'FORBIDDEN'],
  ])('refuses a draft from %s', async (who, code) => {
    const { ctx, actors, organizations } = fixture;
    await expect(
      createDraft(ctx, actors[who], { organizationId: organizations.unit, form: formFor(3, `无权项目-${who}`) }),
    ).rejects.toMatchObject({ code });
  });

  it('rejects a form without project name or year, naming the field', async () => {
    const { ctx, actors, organizations } = fixture;
    const form = { ...formFor(4, ''), fiscalYear: null };
    await expect(
      createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { 'form.projectName': '项目名称不能为空', 'form.fiscalYear': '预算年度不能为空' } },
    });
  });

  it('saves edits with optimistic concurrency: a stale version gets CONFLICT and writes nothing', async () => {
    const { ctx, actors, organizations } = fixture;
    const draft = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: formFor(5, '并发编辑项目'),
    });
    const edited = formFor(5, '并发编辑项目');
    edited.annualGoal.actual = '已完成全部入户调查';
    const saved = await updateDraft(ctx, actors.unit_filler, {
      evaluationId: draft.id,
      expectedVersion: draft.version,
      form: edited,
    });
    expect(saved.version).toBe(draft.version + 1);
    const before = await dumpRows(fixture);
    const stale = formFor(5, '并发编辑项目');
    await expect(
      updateDraft(ctx, actors.unit_filler, { evaluationId: draft.id, expectedVersion: draft.version, form: stale }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('您的修改未保存'),
    });
    expect(await dumpRows(fixture)).toEqual(before);
    const detail = await getEvaluation(ctx, actors.unit_filler, draft.id);
    expect(detail.form?.annualGoal.actual).toBe('已完成全部入户调查');
  });

  it('lets exactly one of two simultaneous saves of the same version win', async () => {
    const { ctx, actors, organizations } = fixture;
    const draft = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: formFor(9, '同时保存项目'),
    });
    const save = (actual: string) => {
      const form = formFor(9, '同时保存项目');
      form.annualGoal.actual = actual;
      return updateDraft(ctx, actors.unit_filler, { evaluationId: draft.id, expectedVersion: draft.version, form });
    };
    const outcomes = await Promise.allSettled([save('甲的修改'), save('乙的修改')]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toMatchObject({ code: 'CONFLICT' });
    const detail = await getEvaluation(ctx, actors.unit_filler, draft.id);
    expect(detail.version).toBe(draft.version + 1);
    expect(detail.revisions).toHaveLength(2);
  });

  it('writes nothing when a use case fails half-way', async () => {
    const { ctx, actors, organizations } = fixture;
    const before = await dumpRows(fixture);
    let calls = 0;
    const failingClock = {
      ...ctx,
      now: () => {
        calls += 1;
        if (calls > 1) throw new Error('clock failed after the inserts');
        return new Date();
      },
    };
    await expect(
      createDraft(failingClock, actors.unit_filler, {
        organizationId: organizations.unit,
        form: formFor(6, '半途失败项目'),
      }),
    ).rejects.toThrow('clock failed');
    expect(calls).toBeGreaterThan(1);
    expect(await dumpRows(fixture)).toEqual(before);
  });

  it('hides other units’ evaluations as not found and scopes lists to the actor’s organisations', async () => {
    const { ctx, actors, organizations } = fixture;
    const draft = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: formFor(7, '可见性项目'),
    });
    await expect(getEvaluation(ctx, actors.otherFiller, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(submitEvaluation(ctx, actors.otherFiller, { evaluationId: draft.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const mine = await listEvaluations(ctx, actors.unit_filler, { page: 1, pageSize: 100 });
    const others = await listEvaluations(ctx, actors.otherFiller, { page: 1, pageSize: 100 });
    const bureau = await listEvaluations(ctx, actors.finance_reviewer, { page: 1, pageSize: 100 });
    expect(mine.items.map((item) => item.id)).toContain(draft.id);
    expect(others.total).toBe(0);
    expect(bureau.total).toBe(mine.total);
    const paged = await listEvaluations(ctx, actors.finance_reviewer, { page: 2, pageSize: 1, search: '项目' });
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(2);
    const drafts = await listEvaluations(ctx, actors.finance_reviewer, { page: 1, pageSize: 100, status: 'published' });
    expect(drafts.total).toBe(0);
  });

  it('runs the whole review chain with returns, resubmission, diff, publication and an intact audit chain', async () => {
    const { ctx, actors, organizations } = fixture;
    const draft = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: formFor(8, '全流程项目'),
    });
    const evaluationId = draft.id;
    await expect(approveEvaluation(ctx, actors.unit_approver, { evaluationId })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    const submitted = await submitEvaluation(ctx, actors.unit_filler, { evaluationId });
    expect(submitted.status).toBe('submitted');
    await expect(
      updateDraft(ctx, actors.unit_filler, {
        evaluationId,
        expectedVersion: submitted.version,
        form: formFor(8, '全流程项目'),
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await expect(returnEvaluation(ctx, actors.finance_reviewer, { evaluationId, reason: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(approveEvaluation(ctx, actors.department_reviewer, { evaluationId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const returned = await returnEvaluation(ctx, actors.finance_reviewer, {
      evaluationId,
      reason: '满意度指标缺少调查方法说明',
    });
    expect(returned.status).toBe('returned');

    const returnedDetail = await getEvaluation(ctx, actors.unit_filler, evaluationId);
    const returnedRevision = returnedDetail.currentRevisionId ?? '';
    const fixed = structuredClone(returnedDetail.form ?? formFor(8, '全流程项目'));
    fixed.annualGoal.actual = '按期完成征收工作，满意度通过问卷调查取得';
    const edited = await updateDraft(ctx, actors.unit_filler, {
      evaluationId,
      expectedVersion: returnedDetail.version,
      form: fixed,
    });
    expect(edited.status).toBe('returned');
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId });
    await expect(approveEvaluation(ctx, actors.finance_reviewer, { evaluationId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await approveEvaluation(ctx, actors.department_reviewer, { evaluationId });
    const approved = await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId });
    expect(approved.status).toBe('approved');
    await expect(getPublishedEvaluation(ctx, evaluationId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const published = await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId });
    expect(published.status).toBe('published');

    const detail = await getEvaluation(ctx, actors.finance_reviewer, evaluationId);
    expect(detail.reviews.map((review) => [review.stage, review.decision, review.reason])).toEqual([
      ['submitted', 'returned', '满意度指标缺少调查方法说明'],
      ['submitted', 'approved', ''],
      ['department_review', 'approved', ''],
      ['finance_review', 'approved', ''],
    ]);
    const diff = await diffRevisions(ctx, actors.finance_reviewer, {
      evaluationId,
      fromRevisionId: returnedRevision,
      toRevisionId: detail.currentRevisionId ?? '',
    });
    expect(diff.changes).toEqual([
      expect.objectContaining({
        kind: 'changed',
        path: 'annualGoal.actual',
        place: '年度总体目标',
        field: '实际完成情况',
        before: returnedDetail.form?.annualGoal.actual,
        after: '按期完成征收工作，满意度通过问卷调查取得',
      }),
    ]);

    const publicList = await listPublishedEvaluations(ctx, {
      page: 1,
      pageSize: 20,
      year: 2023,
      department: '开福区住房和城乡建设局',
    });
    expect(publicList.items).toEqual([
      expect.objectContaining({
        id: evaluationId,
        projectName: '全流程项目',
        department: '开福区住房和城乡建设局',
        year: 2023,
        totalScore: detail.totalScore,
      }),
    ]);
    const publicDetail = await getPublishedEvaluation(ctx, evaluationId);
    expect(publicDetail.indicators.length).toBeGreaterThan(0);
    expect(publicDetail.indicators[0]?.explanation).not.toBe('');
    expect(publicDetail).not.toHaveProperty('findings');

    await expect(unpublishEvaluation(ctx, actors.finance_reviewer, { evaluationId })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const withdrawn = await unpublishEvaluation(ctx, actors.finance_reviewer, {
      evaluationId,
      reason: '发现数据录入错误',
    });
    expect(withdrawn.status).toBe('approved');
    await expect(getPublishedEvaluation(ctx, evaluationId)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const audit = (await listEvaluationAudit(ctx, actors.unit_filler, evaluationId)).entries;
    expect(audit.map((entry) => [entry.action, entry.fromStatus, entry.toStatus, entry.reason])).toEqual([
      ['evaluation.create', null, 'draft', null],
      ['evaluation.submit', 'draft', 'submitted', null],
      ['evaluation.return', 'submitted', 'returned', '满意度指标缺少调查方法说明'],
      ['evaluation.edit', 'returned', 'returned', null],
      ['evaluation.submit', 'returned', 'submitted', null],
      ['evaluation.approve', 'submitted', 'department_review', null],
      ['evaluation.approve', 'department_review', 'finance_review', null],
      ['evaluation.approve', 'finance_review', 'approved', null],
      ['evaluation.publish', 'approved', 'published', null],
      ['evaluation.unpublish', 'published', 'approved', '发现数据录入错误'],
    ]);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });

  it('lets the filler withdraw a submission the unit approver has not acted on, and not after', async () => {
    const { ctx, actors, organizations } = fixture;
    const draft = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: formFor(41, '撤回送审项目'),
    });
    const submitted = await submitEvaluation(ctx, actors.unit_filler, { evaluationId: draft.id });
    expect((await getEvaluation(ctx, actors.unit_filler, draft.id)).availableActions).toEqual(['withdraw']);
    await expect(withdrawEvaluation(ctx, actors.unit_approver, { evaluationId: draft.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const withdrawn = await withdrawEvaluation(ctx, actors.unit_filler, {
      evaluationId: draft.id,
      expectedVersion: submitted.version,
    });
    expect(withdrawn.status).toBe('draft');
    expect((await getEvaluation(ctx, actors.unit_filler, draft.id)).availableActions).toEqual(['edit', 'submit']);
    const audit = await listEvaluationAudit(ctx, actors.unit_filler, draft.id);
    expect(audit.entries.map((entry) => [entry.action, entry.fromStatus, entry.toStatus]).at(-1)).toEqual([
      'evaluation.withdraw',
      'submitted',
      'draft',
    ]);

    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: draft.id });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId: draft.id });
    await expect(withdrawEvaluation(ctx, actors.unit_filler, { evaluationId: draft.id })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('lists findings across the units an actor oversees', async () => {
    const { ctx, actors } = fixture;
    const bureau = await listFindings(ctx, actors.finance_reviewer, { page: 1, pageSize: 500 });
    const other = await listFindings(ctx, actors.otherFiller, { page: 1, pageSize: 500 });
    expect(bureau.total).toBeGreaterThan(0);
    expect(bureau.total).toBe(bureau.items.length);
    expect(other.total).toBe(0);
    const code = bureau.items[0]?.code ?? '';
    const filtered = await listFindings(ctx, actors.finance_reviewer, { page: 1, pageSize: 500, code });
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.items.every((item) => item.code === code)).toBe(true);
    expect(filtered.total).toBeLessThanOrEqual(bureau.total);
  });
});
