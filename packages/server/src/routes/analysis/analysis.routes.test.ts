import { emptyIndicator } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { createDraft, submitEvaluation } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('GET /api/analysis/risks', () => {
  let testApp: TestApp;
  const ids: Record<number, string> = {};

  beforeAll(async () => {
    testApp = await createTestApp();
    const { ctx, actors, organizations } = testApp.fixture;
    // The same project two years running: 2023's target (18) is below what 2022 achieved (26).
    for (const [year, target, actual] of [
      [2022, '≥20', '26'],
      [2023, '≥18', '19'],
    ] as const) {
      const base = generateForm(3);
      const first = emptyIndicator({
        level1: 'output',
        level1Label: '产出指标',
        level2: 'quantity',
        level2Label: '数量指标',
        name: '改造小区数量（个）',
        target,
        actual,
        weight: '10',
        statedScore: '10',
      });
      const draft = await createDraft(ctx, actors.unit_filler, {
        organizationId: organizations.unit,
        form: {
          ...base,
          projectName: '老旧小区改造',
          fiscalYear: year,
          indicators: [first, ...base.indicators.slice(1)],
        },
      });
      await submitEvaluation(ctx, actors.unit_filler, { evaluationId: draft.id });
      ids[year] = draft.id;
    }
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('reports a target set below last year’s actual to the finance bureau, with both evaluations as evidence', async () => {
    const response = await testApp.request(await testApp.login('finance'), {
      method: 'GET',
      url: '/api/analysis/risks?year=2023',
    });
    expect(response.statusCode).toBe(200);
    const { signals } = response.json<{
      signals: { code: string; evaluationId: string; evidence: string[]; message: string }[];
    }>();
    const sandbagging = signals.find(
      (signal) => signal.code === 'TARGET_SANDBAGGING' && signal.message.includes('改造小区数量'),
    );
    expect(sandbagging).toMatchObject({ evaluationId: ids[2023], evidence: [ids[2022], ids[2023]] });
    expect(signals.every((signal) => signal.evaluationId === ids[2023])).toBe(true);
  });

  it('answers 400 for a bad year', async () => {
    const response = await testApp.request(await testApp.login('finance'), {
      method: 'GET',
      url: '/api/analysis/risks?year=abc',
    });
    expect(response.statusCode).toBe(400);
  });
});
