import type { EvaluationForm, IndicatorRow } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { listEvaluationAudit } from '../audit/list-audit-entries.ts';
import { createDraft } from './create-draft.ts';
import { getEvaluation } from './get-evaluation.ts';
import { submitEvaluation } from './submit-evaluation.ts';
import { updateDraft } from './update-draft.ts';

const formFor = (seed: number, projectName: string): EvaluationForm => ({
  ...generateForm(seed),
  fiscalYear: 2023,
  projectName,
});

describe.each(testDatabaseKinds())('送审 with numbers that cannot be read on %s', (kind) => {
  let fixture: ServiceFixture;
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('stores the draft as typed, refuses to submit it naming the cells, and submits once they are fixed', async () => {
    const { ctx, actors, organizations } = fixture;
    const good = formFor(21, '数字校验项目');
    const draft = await createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form: good });
    const first = good.indicators[0] as IndicatorRow;
    const bad: EvaluationForm = {
      ...good,
      funds: { ...good.funds, total: { ...good.funds.total, executed: 'abc' } },
      indicators: [{ ...first, weight: '-5' }, ...good.indicators.slice(1)],
    };
    const saved = await updateDraft(ctx, actors.unit_filler, {
      evaluationId: draft.id,
      expectedVersion: draft.version,
      form: bad,
    });
    expect(saved.status).toBe('draft');

    const refusal = submitEvaluation(ctx, actors.unit_filler, {
      evaluationId: draft.id,
      expectedVersion: saved.version,
    });
    await expect(refusal).rejects.toMatchObject({
      code: 'INVALID_NUMBERS',
      status: 422,
      message: expect.stringContaining('项目资金·年度资金总额·全年执行数“abc”：请填写数字，如 27.75（单位：万元）'),
    });
    await expect(refusal).rejects.toMatchObject({
      message: expect.stringMatching(
        /^不能送审：自评表中有 2 处数字填写有误.*绩效指标第 1 行（.+）·分值“-5”：分值不能为负数/u,
      ),
      details: {
        cells: [
          { where: 'funds.total.executed', label: '项目资金·年度资金总额·全年执行数' },
          { where: 'indicators[0].weight', message: '分值不能为负数' },
        ],
      },
    });
    const after = await getEvaluation(ctx, actors.unit_filler, draft.id);
    expect(after).toMatchObject({ status: 'draft', version: saved.version });
    const audit = await listEvaluationAudit(ctx, actors.unit_filler, draft.id);
    expect(audit.entries.map((entry) => entry.action)).not.toContain('evaluation.submit');

    const fixed = await updateDraft(ctx, actors.unit_filler, {
      evaluationId: draft.id,
      expectedVersion: saved.version,
      form: {
        ...good,
        funds: { ...good.funds, total: { ...good.funds.total, executed: `${good.funds.total.executed}万` } },
      },
    });
    const submitted = await submitEvaluation(ctx, actors.unit_filler, {
      evaluationId: draft.id,
      expectedVersion: fixed.version,
    });
    expect(submitted.status).toBe('submitted');
  });
});
