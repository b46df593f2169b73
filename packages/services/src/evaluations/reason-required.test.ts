import { type EvaluationForm, UNSAFE_TEXT_MESSAGE } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { createOrganization } from '../accounts/create-organization.ts';
import { approveEvaluation } from './approve-evaluation.ts';
import { createDraft } from './create-draft.ts';
import { getEvaluation } from './get-evaluation.ts';
import { listEvaluations } from './list-evaluations.ts';
import { publishEvaluation } from './publish-evaluation.ts';
import { returnEvaluation } from './return-evaluation.ts';
import { submitEvaluation } from './submit-evaluation.ts';
import { unpublishEvaluation } from './unpublish-evaluation.ts';

/** Reasons that look empty (issue 14): zero-width space, ideographic space, byte-order mark, word joiner. */
const INVISIBLE_REASONS = ['\u200b', '\u3000', '\ufeff', '\u2060', ' \u200b\u3000\ufeff\u2060\n'];

const formFor = (projectName: string): EvaluationForm => ({ ...generateForm(7), fiscalYear: 2023, projectName });

describe.each(testDatabaseKinds())('required text that only looks filled in, on %s', (kind) => {
  let fixture: ServiceFixture;
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('refuses an invisible reason to return or unpublish, and stores a visible one without its invisible ends', async () => {
    const { ctx, actors, organizations } = fixture;
    const draft = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: formFor('原因测试'),
    });
    const evaluationId = draft.id;
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId });
    for (const reason of INVISIBLE_REASONS) {
      await expect(returnEvaluation(ctx, actors.unit_approver, { evaluationId, reason })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: '“退回”必须填写原因',
      });
    }
    await returnEvaluation(ctx, actors.unit_approver, { evaluationId, reason: '\u200b请补充偏差原因\u3000' });
    expect((await getEvaluation(ctx, actors.unit_filler, evaluationId)).reviews.map((review) => review.reason)).toEqual(
      ['请补充偏差原因'],
    );
    const returned = await listEvaluations(ctx, actors.unit_filler, { status: 'returned', page: 1, pageSize: 10 });
    expect(returned.items.map((item) => item.lastReturn)).toMatchObject([
      { stage: 'submitted', stageLabel: '单位审核', reason: '请补充偏差原因', reviewerName: 'approver' },
    ]);

    await submitEvaluation(ctx, actors.unit_filler, { evaluationId });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId });
    await approveEvaluation(ctx, actors.department_reviewer, { evaluationId });
    await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId });
    await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId });
    for (const reason of INVISIBLE_REASONS) {
      await expect(unpublishEvaluation(ctx, actors.finance_reviewer, { evaluationId, reason })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        message: '“撤回公开”必须填写原因',
      });
    }
    await unpublishEvaluation(ctx, actors.finance_reviewer, { evaluationId, reason: '\ufeff数据有误\u2060' });
    const detail = await getEvaluation(ctx, actors.finance_reviewer, evaluationId);
    expect(detail.publications).toMatchObject([
      { unpublishReason: '数据有误', publishedByName: 'finance', unpublishedByName: 'finance' },
    ]);
    // The history says who decided each step.
    expect(detail.reviews.map(({ stage, decision, reviewerName }) => [stage, decision, reviewerName])).toEqual([
      ['submitted', 'returned', 'approver'],
      ['submitted', 'approved', 'approver'],
      ['department_review', 'approved', 'department'],
      ['finance_review', 'approved', 'finance'],
    ]);
  });

  it('names the cells of a form that reaches a use case with NUL or a lone surrogate (as a reader could give it)', async () => {
    const { ctx, actors, organizations } = fixture;
    const form = formFor('不可存储的字符');
    const indicators = form.indicators.map((row, index) => (index === 2 ? { ...row, target: '\u0000' } : row));
    await expect(
      createDraft(ctx, actors.unit_filler, {
        organizationId: organizations.unit,
        form: { ...form, indicators, statedGrade: '\ud800' },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { 'form.indicators.2.target': UNSAFE_TEXT_MESSAGE, 'form.statedGrade': UNSAFE_TEXT_MESSAGE } },
    });
  });

  it('refuses a project name or an organisation name made of invisible characters', async () => {
    const { ctx, actors, organizations } = fixture;
    for (const name of INVISIBLE_REASONS) {
      await expect(
        createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form: formFor(name) }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { 'form.projectName': '项目名称不能为空' } },
      });
      await expect(
        createOrganization(ctx, actors.admin, { name, kind: 'department', parentId: organizations.bureau }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: '单位名称不能为空' });
    }
  });
});
