import {
  DEFAULT_RESULT_APPLICATION_POLICY,
  type ResultApplicationRow,
  type ResultApplicationRules,
  type ResultDecision,
} from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { listAuditEntries } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { summarizeDashboard } from '../analysis/summarize-dashboard.ts';
import type { Actor } from '../context.ts';
import { approveEvaluation } from '../evaluations/approve-evaluation.ts';
import { createDraft } from '../evaluations/create-draft.ts';
import { publishEvaluation } from '../evaluations/publish-evaluation.ts';
import { submitEvaluation } from '../evaluations/submit-evaluation.ts';
import { getResultApplicationYear } from './get-result-application-year.ts';
import { recordResultApplication } from './record-result-application.ts';
import { setResultApplicationPolicy } from './set-result-application-policy.ts';

const YEAR = 2023;

/** A decision that follows the suggestion: its first arrangement, with a percentage inside the bounds. */
const following = (row: ResultApplicationRow): { decision: ResultDecision; adjustmentPercent: number | null } => {
  const advice = row.suggestion;
  if (!advice) throw new Error('no suggestion');
  const decision = advice.decisions[0] ?? 'keep';
  if (decision === 'increase') return { decision, adjustmentPercent: advice.increaseMaxPercent ?? 5 };
  if (decision === 'cut') return { decision, adjustmentPercent: advice.cutMinPercent ?? advice.cutMaxPercent ?? 10 };
  return { decision, adjustmentPercent: null };
};

describe.each(testDatabaseKinds())('结果应用 on %s', (kind) => {
  let fixture: ServiceFixture;
  const ids: Record<'draft' | 'underReview' | 'approved' | 'published', string> = {
    draft: '',
    underReview: '',
    approved: '',
    published: '',
  };

  const evaluation = async (seed: number, steps: number): Promise<string> => {
    const { ctx, actors, organizations } = fixture;
    const { id } = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: { ...generateForm(seed), fiscalYear: YEAR, projectName: `结果应用项目${seed}` },
    });
    const chain: [Actor, (actor: Actor) => Promise<unknown>][] = [
      [actors.unit_filler, (actor) => submitEvaluation(ctx, actor, { evaluationId: id })],
      [actors.unit_approver, (actor) => approveEvaluation(ctx, actor, { evaluationId: id })],
      [actors.department_reviewer, (actor) => approveEvaluation(ctx, actor, { evaluationId: id })],
      [actors.finance_reviewer, (actor) => approveEvaluation(ctx, actor, { evaluationId: id })],
      [actors.finance_reviewer, (actor) => publishEvaluation(ctx, actor, { evaluationId: id })],
    ];
    for (const [actor, step] of chain.slice(0, steps)) await step(actor);
    return id;
  };

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    ids.draft = await evaluation(31, 0);
    ids.underReview = await evaluation(32, 2);
    ids.approved = await evaluation(33, 4);
    ids.published = await evaluation(34, 5);
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('lists only approved and published evaluations, under the default policy until the bureau sets one', async () => {
    const { ctx, actors } = fixture;
    const year = await getResultApplicationYear(ctx, actors.finance_reviewer, { fiscalYear: YEAR });
    expect(year.policy).toMatchObject({ isDefault: true, appealPeriodDays: 15, fiscalYear: YEAR });
    expect(year.rows.map((row) => row.evaluationId).sort()).toEqual([ids.approved, ids.published].sort());
    expect(year.rows.every((row) => row.suggestion !== null && row.decision === null)).toBe(true);
    expect(year.canEdit).toBe(true);
    expect((await getResultApplicationYear(ctx, actors.admin, {})).canEdit).toBe(false);
    expect((await getResultApplicationYear(ctx, actors.admin, {})).fiscalYear).toBe(YEAR);
  });

  it('sets and replaces the policy, with an audit entry each time', async () => {
    const { ctx, actors } = fixture;
    const rules: ResultApplicationRules = {
      ...DEFAULT_RESULT_APPLICATION_POLICY.rules,
      fair: { decisions: ['cut'], increaseMaxPercent: null, cutMinPercent: 5, cutMaxPercent: 15, note: '' },
    };
    const set = await setResultApplicationPolicy(ctx, actors.finance_reviewer, {
      fiscalYear: YEAR,
      rules,
      appealPeriodDays: 20,
    });
    expect(set).toMatchObject({ isDefault: false, appealPeriodDays: 20, updatedBy: actors.finance_reviewer.userId });
    expect(set.summary[2]).toBe('中：压减 5%～15%');
    const replaced = await setResultApplicationPolicy(ctx, actors.finance_reviewer, {
      fiscalYear: YEAR,
      rules,
      appealPeriodDays: 10,
    });
    expect(replaced.appealPeriodDays).toBe(10);
    const read = await getResultApplicationYear(ctx, actors.finance_reviewer, { fiscalYear: YEAR });
    expect(read.policy).toMatchObject({ isDefault: false, appealPeriodDays: 10, rules });
    // Another year still has the default.
    expect((await getResultApplicationYear(ctx, actors.finance_reviewer, { fiscalYear: 2030 })).policy.isDefault).toBe(
      true,
    );
    const entries = (await listAuditEntries(ctx.db, { limit: 1000 })).filter(
      (entry) => entry.entity_type === 'result_application',
    );
    expect(entries.map((entry) => entry.action)).toEqual([
      'result_application.policy_set',
      'result_application.policy_update',
    ]);
    await expect(
      setResultApplicationPolicy(ctx, actors.finance_reviewer, {
        fiscalYear: YEAR,
        rules: { ...rules, poor: { ...rules.poor, cutMinPercent: 50, cutMaxPercent: 10 } },
        appealPeriodDays: 10,
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('压减上限不能小于压减下限'),
    });
  });

  it('records a decision that follows the suggestion, and requires a reason to depart from it', async () => {
    const { ctx, actors } = fixture;
    const before = await getResultApplicationYear(ctx, actors.finance_reviewer, { fiscalYear: YEAR });
    const row = before.rows.find((candidate) => candidate.evaluationId === ids.published);
    if (!row?.suggestion) throw new Error('published row missing');
    const follow = following(row);
    const recorded = await recordResultApplication(ctx, actors.finance_reviewer, {
      evaluationId: ids.published,
      ...follow,
    });
    expect(recorded.decision).toMatchObject({
      decision: follow.decision,
      adjustmentPercent: follow.adjustmentPercent,
      suggestionText: row.suggestion.text,
      reason: '',
      departures: [],
    });

    await expect(
      recordResultApplication(ctx, actors.finance_reviewer, { evaluationId: ids.published, decision: 'other' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('必须填写理由') });
    await expect(
      recordResultApplication(ctx, actors.finance_reviewer, {
        evaluationId: ids.published,
        decision: 'other',
        reason: '\u200b\u3000',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      recordResultApplication(ctx, actors.finance_reviewer, {
        evaluationId: ids.published,
        decision: 'cut',
        adjustmentPercent: null,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('调整比例') });

    const departed = await recordResultApplication(ctx, actors.finance_reviewer, {
      evaluationId: ids.published,
      decision: 'other',
      reason: ' 项目并入专项，另行安排 ',
    });
    expect(departed.decision).toMatchObject({ decision: 'other', reason: '项目并入专项，另行安排' });
    expect(departed.decision?.departures[0]).toContain('不在');

    const entries = (await listAuditEntries(ctx.db, { limit: 1000 })).filter(
      (entry) => entry.entity_type === 'result_application' && entry.details['evaluationId'] === ids.published,
    );
    expect(entries.map((entry) => [entry.action, entry.from_status, entry.to_status])).toEqual([
      ['result_application.record', null, follow.decision],
      ['result_application.update', follow.decision, 'other'],
    ]);
    const after = await getResultApplicationYear(ctx, actors.finance_reviewer, { fiscalYear: YEAR });
    expect(after.rows.filter((candidate) => candidate.decision !== null)).toHaveLength(1);
  });

  it('refuses drafts and evaluations under review', async () => {
    const { ctx, actors } = fixture;
    for (const evaluationId of [ids.draft, ids.underReview]) {
      await expect(
        recordResultApplication(ctx, actors.finance_reviewer, { evaluationId, decision: 'keep' }),
      ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    }
  });

  it('refuses 主管部门, units and the admin to act, and 主管部门 and units to look', async () => {
    const { ctx, actors } = fixture;
    for (const actor of [actors.department_reviewer, actors.unit_filler, actors.unit_approver, actors.admin]) {
      await expect(
        recordResultApplication(ctx, actor, { evaluationId: ids.approved, decision: 'keep' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        setResultApplicationPolicy(ctx, actor, {
          fiscalYear: YEAR,
          ...DEFAULT_RESULT_APPLICATION_POLICY,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    for (const actor of [actors.department_reviewer, actors.unit_filler, actors.otherFiller]) {
      await expect(getResultApplicationYear(ctx, actor, { fiscalYear: YEAR })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });

  it('shows on the dashboard how the year was applied, for the bureau only', async () => {
    const { ctx, actors } = fixture;
    const summary = await summarizeDashboard(ctx, actors.finance_reviewer, { fiscalYear: YEAR });
    expect(summary.resultApplication).toMatchObject({ fiscalYear: YEAR, evaluated: 2, decided: 1, pending: 1 });
    expect(summary.resultApplication?.byDecision.find((item) => item.decision === 'other')?.count).toBe(1);
    expect(summary.resultApplication?.departures).toBe(1);
    expect(
      (await summarizeDashboard(ctx, actors.department_reviewer, { fiscalYear: YEAR })).resultApplication,
    ).toBeNull();
  });
});
