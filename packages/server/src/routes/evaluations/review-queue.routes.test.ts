import { assessRisk, type EvaluationResult } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { approveEvaluation, createDraft, submitEvaluation } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

type QueueItem = {
  id: string;
  status: string;
  totalScore: number | null;
  executionRate: number | null;
  risk: { score: number; reasons: string[] };
};
type Queue = { items: QueueItem[]; total: number };

describe('GET /api/review-queue', () => {
  let testApp: TestApp;
  const ids = { seed: '', generated: '', other: '' };

  const queueOf = async (username: string): Promise<Queue> => {
    const response = await testApp.request(await testApp.login(username), { method: 'GET', url: '/api/review-queue' });
    expect(response.statusCode).toBe(200);
    return response.json<Queue>();
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    const { ctx, actors, organizations } = testApp.fixture;
    ids.seed = await testApp.importSeed();
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: ids.seed });
    const generated = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: { ...generateForm(7), projectName: '生成的项目', fiscalYear: 2023 },
    });
    ids.generated = generated.id;
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: ids.generated });
    const other = await createDraft(ctx, actors.otherFiller, {
      organizationId: organizations.otherUnit,
      form: { ...generateForm(8), projectName: '别的部门的项目', fiscalYear: 2023 },
    });
    ids.other = other.id;
    await submitEvaluation(ctx, actors.otherFiller, { evaluationId: ids.other });
    // More recent drafts than a page of the evaluation list holds: the queue must still find the older waiting ones.
    for (let index = 0; index < 101; index++) {
      await createDraft(ctx, actors.unit_filler, {
        organizationId: organizations.unit,
        form: { ...generateForm(1000 + index), projectName: `草稿${index}`, fiscalYear: 2023 },
      });
    }
  });
  afterAll(async () => {
    await testApp.close();
  });

  it("gives the unit approver its own unit's submitted evaluations, riskiest first, past 100 newer drafts", async () => {
    const queue = await queueOf('approver');
    expect(queue.total).toBe(2);
    expect(queue.items.map((item) => item.id).sort()).toEqual([ids.seed, ids.generated].sort());
    expect(queue.items.every((item) => item.status === 'submitted')).toBe(true);
    const scores = queue.items.map((item) => item.risk.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('ranks each with the risk its stored result gives, the seed for its 73.03% execution', async () => {
    const session = await testApp.login('approver');
    for (const item of (await queueOf('approver')).items) {
      const detail = (await testApp.request(session, { method: 'GET', url: `/api/evaluations/${item.id}` })).json<{
        result: EvaluationResult;
      }>();
      expect(item.executionRate).toBe(detail.result.execution.rate);
      expect(item.risk).toEqual(
        assessRisk({
          findings: detail.result.findings,
          executionRate: detail.result.execution.rate,
          totalScore: item.totalScore,
        }),
      );
    }
    const seed = (await queueOf('approver')).items.find((item) => item.id === ids.seed);
    expect(seed?.risk.reasons).toContain('执行率偏低（73.03%）');
  });

  it('moves an evaluation to the next stage’s queue when approved, and never shows fillers review work', async () => {
    const { ctx, actors } = testApp.fixture;
    expect((await queueOf('department')).items).toEqual([]);
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId: ids.seed });
    expect((await queueOf('department')).items.map((item) => item.id)).toEqual([ids.seed]);
    expect((await queueOf('approver')).items.map((item) => item.id)).toEqual([ids.generated]);
    expect((await queueOf('finance')).items).toEqual([]);
    expect(await queueOf('filler')).toEqual({ items: [], total: 0 });
    expect((await queueOf('admin')).total).toBe(0);
  });

  it('answers 401 without a session', async () => {
    expect((await testApp.app.inject({ method: 'GET', url: '/api/review-queue' })).statusCode).toBe(401);
  });
});
