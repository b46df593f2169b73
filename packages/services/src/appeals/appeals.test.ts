import { type EvaluationForm, evaluate, requireRuleSet } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '../../testing/service-fixtures.ts';
import { createUser } from '../accounts/create-user.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { approveEvaluation } from '../evaluations/approve-evaluation.ts';
import { createDraft } from '../evaluations/create-draft.ts';
import { getEvaluation } from '../evaluations/get-evaluation.ts';
import { listFindings } from '../evaluations/list-findings.ts';
import { publishEvaluation } from '../evaluations/publish-evaluation.ts';
import { returnEvaluation } from '../evaluations/return-evaluation.ts';
import { submitEvaluation } from '../evaluations/submit-evaluation.ts';
import { getPublishedEvaluation } from '../public/get-published-evaluation.ts';
import { listPublishedEvaluations } from '../public/list-published-evaluations.ts';
import { fileAppeal } from './file-appeal.ts';
import { getEvaluationAppeals } from './get-evaluation-appeals.ts';
import { listAppeals } from './list-appeals.ts';
import { ruleAppeal } from './rule-appeal.ts';

const PDF = new TextEncoder().encode('%PDF-1.4\n% 佐证\n');
const DECIDED = new Date('2025-03-03T02:00:00Z');
const at = (ctx: ServiceContext, iso: string): ServiceContext => ({ ...ctx, now: () => new Date(iso) });

/** A form whose stated total the engine does not confirm (so an approval of it may be appealed). */
const disputedForm = (projectName: string): EvaluationForm => {
  const form: EvaluationForm = { ...generateForm(11), fiscalYear: 2024, projectName };
  const engine = evaluate(form, requireRuleSet('national-2020')).totalScore;
  return {
    ...form,
    statedTotal: { ...form.statedTotal, score: (engine === 100 ? 90 : Math.min(100, engine + 5)).toFixed(2) },
  };
};

describe.each(testDatabaseKinds())('appeals (申诉 / 复议) on %s', (kind) => {
  let fixture: ServiceFixture;
  let second: Actor;
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
  });
  afterAll(async () => {
    await fixture.close();
  });

  /** A draft taken up to the finance stage, on the decision day. */
  const atFinanceStage = async (projectName: string, form?: EvaluationForm): Promise<string> => {
    const { actors, organizations } = fixture;
    const ctx = at(fixture.ctx, DECIDED.toISOString());
    const draft = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: form ?? { ...generateForm(5), fiscalYear: 2024, projectName },
    });
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: draft.id });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId: draft.id });
    await approveEvaluation(ctx, actors.department_reviewer, { evaluationId: draft.id });
    return draft.id;
  };
  const returnedByBureau = async (projectName: string): Promise<string> => {
    const evaluationId = await atFinanceStage(projectName);
    await returnEvaluation(at(fixture.ctx, DECIDED.toISOString()), fixture.actors.finance_reviewer, {
      evaluationId,
      reason: '绩效目标与实际完成值不对应',
    });
    return evaluationId;
  };

  it('with one finance reviewer only, the one who decided rules and the ruling records it', async () => {
    const { actors } = fixture;
    const evaluationId = await returnedByBureau('单一审核人项目');
    const ctx = at(fixture.ctx, '2025-03-10T02:00:00Z');
    const appeal = await fileAppeal(ctx, actors.unit_approver, {
      evaluationId,
      reasons: '退回理由与事实不符',
      files: [],
    });
    const ruled = await ruleAppeal(ctx, actors.finance_reviewer, {
      appealId: appeal.id,
      outcome: 'upheld',
      reason: '经核实，原退回意见成立',
    });
    expect(ruled).toMatchObject({ status: 'upheld', statusLabel: '维持原决定', ruledBySoleReviewer: true });
  });

  it('a unit appeals a return within the period with evidence; the decider may not rule; another reviewer upholds', async () => {
    const { actors } = fixture;
    const created = await createUser(fixture.ctx, null, {
      username: 'finance.second',
      displayName: '第二复议人',
      password: TEST_PASSWORD,
      roles: [{ organizationId: fixture.organizations.bureau, role: 'finance_reviewer' }],
    });
    second = { userId: created.id, username: created.username, displayName: created.displayName, roles: created.roles };
    const evaluationId = await returnedByBureau('征收工作经费');
    const ctx = at(fixture.ctx, '2025-03-18T15:00:00Z');
    const before = await getEvaluationAppeals(ctx, actors.unit_filler, evaluationId);
    expect(before.appealable).toMatchObject({ decision: 'returned', deadline: '2025-03-18', periodDays: 15 });

    await expect(
      fileAppeal(ctx, actors.unit_filler, { evaluationId, reasons: '\u200b ', files: [] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      fileAppeal(ctx, actors.otherFiller, { evaluationId, reasons: '冒名申诉', files: [] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      fileAppeal(ctx, actors.department_reviewer, { evaluationId, reasons: '主管部门代为申诉', files: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const appeal = await fileAppeal(ctx, actors.unit_filler, {
      evaluationId,
      reasons: '偏差原因已在报告第七部分说明',
      files: [{ fileName: '说明材料.pdf', bytes: PDF }],
    });
    expect(appeal).toMatchObject({ status: 'pending', decision: 'returned', decidedBy: 'finance' });
    expect(appeal.evidence).toMatchObject([{ fileName: '说明材料.pdf', mediaType: 'application/pdf' }]);

    await expect(
      fileAppeal(ctx, actors.unit_approver, { evaluationId, reasons: '再次申诉', files: [] }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '该自评已有一件待复议的申诉，请等待复议结果' });
    await expect(getEvaluationAppeals(ctx, actors.otherFiller, evaluationId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await listAppeals(ctx, actors.otherFiller)).toEqual([]);
    expect((await listAppeals(ctx, second, { status: 'pending' })).map((item) => item.id)).toContain(appeal.id);

    await expect(
      ruleAppeal(ctx, actors.finance_reviewer, { appealId: appeal.id, outcome: 'upheld', reason: '维持' }),
    ).rejects.toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    await expect(
      ruleAppeal(ctx, actors.department_reviewer, { appealId: appeal.id, outcome: 'upheld', reason: '维持' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const ruled = await ruleAppeal(ctx, second, { appealId: appeal.id, outcome: 'upheld', reason: '退回意见成立' });
    expect(ruled).toMatchObject({ status: 'upheld', ruledBy: '第二复议人', ruledBySoleReviewer: false });
    await expect(
      ruleAppeal(ctx, second, { appealId: appeal.id, outcome: 'upheld', reason: '再次复议' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });

    expect((await getEvaluation(ctx, actors.unit_filler, evaluationId)).status).toBe('returned');
    const after = await getEvaluationAppeals(ctx, actors.unit_filler, evaluationId);
    expect(after).toMatchObject({ appealable: null, blockedReason: '对该审核决定的申诉已经复议，不能再次申诉' });
    const audit = await fixture.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'to_status'])
      .where('entity_type', '=', 'appeal')
      .where('entity_id', '=', appeal.id)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'appeal.file', to_status: 'pending' },
      { action: 'appeal.rule', to_status: 'upheld' },
    ]);
  });

  it('refuses an appeal past the period, naming the deadline', async () => {
    const evaluationId = await returnedByBureau('逾期申诉项目');
    await expect(
      fileAppeal(at(fixture.ctx, '2025-03-18T16:00:00Z'), fixture.actors.unit_filler, {
        evaluationId,
        reasons: '逾期',
        files: [],
      }),
    ).rejects.toMatchObject({
      code: 'APPEAL_PERIOD_OVER',
      message: '申诉期限已过：对该决定的申诉截止日期为 2025-03-18（15 天）',
    });
  });

  it('an approval whose 复核 score differs is appealed after publication; the amended score and 经复议 reach the portal', async () => {
    const { actors } = fixture;
    const evaluationId = await atFinanceStage('', disputedForm('复核差异项目'));
    const decided = at(fixture.ctx, DECIDED.toISOString());
    await approveEvaluation(decided, actors.finance_reviewer, { evaluationId });
    await publishEvaluation(decided, actors.finance_reviewer, { evaluationId });
    const original = await getPublishedEvaluation(fixture.ctx, evaluationId);
    const ctx = at(fixture.ctx, '2025-03-05T02:00:00Z');
    const appeal = await fileAppeal(ctx, actors.unit_filler, { evaluationId, reasons: '复核扣分有误', files: [] });
    expect(appeal).toMatchObject({ decision: 'approved', originalScore: original.totalScore });

    const detail = await getEvaluation(ctx, actors.unit_filler, evaluationId);
    const finding = detail.result?.findings.find((item) => item.code === 'TOTAL_MISMATCH')?.code;
    expect(finding).toBe('TOTAL_MISMATCH');
    const findingsOf = async () =>
      (
        await listFindings(ctx, second, { code: 'TOTAL_MISMATCH', fiscalYear: 2024, page: 1, pageSize: 100 })
      ).items.filter((item) => item.evaluationId === evaluationId);
    expect(await findingsOf()).toHaveLength(1);
    await expect(
      ruleAppeal(ctx, second, { appealId: appeal.id, outcome: 'amended', reason: '部分采纳', amendedScore: 100.5 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      ruleAppeal(ctx, second, {
        appealId: appeal.id,
        outcome: 'amended',
        reason: '部分采纳',
        withdrawnFindings: ['NO_SUCH_FINDING'],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const ruled = await ruleAppeal(ctx, second, {
      appealId: appeal.id,
      outcome: 'amended',
      reason: '经复议，产出指标扣分依据不足，予以调整',
      amendedScore: 88.455,
      withdrawnFindings: ['TOTAL_MISMATCH'],
    });
    expect(ruled).toMatchObject({ status: 'amended', amendedScore: 88.46, amendedGrade: 'good' });
    expect(await findingsOf()).toEqual([]);

    const evaluation = await getEvaluation(ctx, actors.finance_reviewer, evaluationId);
    expect(evaluation).toMatchObject({ totalScore: 88.46, grade: 'good' });
    expect((await getEvaluationAppeals(ctx, second, evaluationId)).amendment).toMatchObject({ score: 88.46 });
    const published = await getPublishedEvaluation(fixture.ctx, evaluationId);
    expect(published).toMatchObject({
      totalScore: 88.46,
      grade: 'good',
      gradeLabel: '良',
      reconsideration: {
        originalScore: original.totalScore,
        amendedScore: 88.46,
        amendedGradeLabel: '良',
        ruledAt: '2025-03-05T02:00:00.000Z',
        reasonSummary: '经复议，产出指标扣分依据不足，予以调整',
      },
    });
    const listed = await listPublishedEvaluations(fixture.ctx, { year: 2024, page: 1, pageSize: 50 });
    expect(listed.items.find((item) => item.id === evaluationId)?.totalScore).toBe(88.46);
    const audit = await fixture.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_type', '=', 'evaluation')
      .where('entity_id', '=', evaluationId)
      .where('action', '=', 'evaluation.amend_score')
      .execute();
    expect(audit).toMatchObject([{ details: { toScore: '88.46', fromScore: expect.any(String) } }]);
  });

  it('an amending ruling on a return overturns it: the returned revision is approved and published with 经复议', async () => {
    const { actors } = fixture;
    const evaluationId = await returnedByBureau('退回后复议改变项目');
    const returned = await getEvaluation(fixture.ctx, actors.finance_reviewer, evaluationId);
    const ctx = at(fixture.ctx, '2025-03-06T02:00:00Z');
    const appeal = await fileAppeal(ctx, actors.unit_filler, { evaluationId, reasons: '偏差原因已说明', files: [] });
    await ruleAppeal(ctx, second, {
      appealId: appeal.id,
      outcome: 'amended',
      reason: '退回理由不成立，按复核意见调整得分',
      amendedScore: 81,
    });
    const approved = await getEvaluation(ctx, actors.finance_reviewer, evaluationId);
    expect(approved).toMatchObject({
      status: 'approved',
      currentRevisionId: returned.currentRevisionId,
      totalScore: 81,
      grade: 'good',
    });
    expect(approved.reviews.at(-1)).toMatchObject({ decision: 'approved', stage: 'finance_review' });
    expect(await getEvaluationAppeals(ctx, actors.unit_filler, evaluationId)).toMatchObject({ appealable: null });
    await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId });
    expect(await getPublishedEvaluation(fixture.ctx, evaluationId)).toMatchObject({
      totalScore: 81,
      reconsideration: { amendedScore: 81, reasonSummary: '退回理由不成立，按复核意见调整得分' },
    });
  });

  it('an amendment made before publication is what is published later', async () => {
    const { actors } = fixture;
    const evaluationId = await atFinanceStage('', disputedForm('复议后公开项目'));
    const ctx = at(fixture.ctx, DECIDED.toISOString());
    await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId });
    const appeal = await fileAppeal(ctx, actors.unit_filler, { evaluationId, reasons: '复核得分偏低', files: [] });
    await ruleAppeal(ctx, second, { appealId: appeal.id, outcome: 'amended', reason: '采纳', amendedScore: 59.994 });
    await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId });
    expect(await getPublishedEvaluation(fixture.ctx, evaluationId)).toMatchObject({
      totalScore: 59.99,
      grade: 'poor',
      reconsideration: { amendedScore: 59.99 },
    });
  });

  it('counts the period the bureau set for the year', async () => {
    const { ctx, actors, organizations } = fixture;
    await ctx.db
      .insertInto('result_application_policies')
      .values({
        bureau_id: organizations.bureau,
        fiscal_year: 2024,
        rules: '{}',
        appeal_period_days: 30,
        updated_by: actors.finance_reviewer.userId,
        updated_at: DECIDED,
      })
      .execute();
    const evaluationId = await returnedByBureau('三十天申诉期项目');
    const state = await getEvaluationAppeals(at(ctx, '2025-04-02T15:00:00Z'), actors.unit_filler, evaluationId);
    expect(state.appealable).toMatchObject({ deadline: '2025-04-02', periodDays: 30 });
  });

  it('two filings at once: one appeal waits, the other is told so', async () => {
    const { actors } = fixture;
    const evaluationId = await returnedByBureau('同时申诉项目');
    const ctx = at(fixture.ctx, '2025-03-04T02:00:00Z');
    const results = await Promise.allSettled([
      fileAppeal(ctx, actors.unit_filler, { evaluationId, reasons: '第一份申诉', files: [] }),
      fileAppeal(ctx, actors.unit_approver, { evaluationId, reasons: '第二份申诉', files: [] }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({
      reason: { code: 'CONFLICT', message: '该自评已有一件待复议的申诉，请等待复议结果' },
    });
    expect((await getEvaluationAppeals(ctx, actors.unit_filler, evaluationId)).appeals).toHaveLength(1);
  });
});
