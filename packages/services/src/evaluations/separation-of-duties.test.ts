import type { EvaluationForm, Role } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture, TEST_PASSWORD } from '../../testing/service-fixtures.ts';
import { createUser } from '../accounts/create-user.ts';
import type { Actor } from '../context.ts';
import { approveEvaluation } from './approve-evaluation.ts';
import { createDraft } from './create-draft.ts';
import { getEvaluation } from './get-evaluation.ts';
import { publishEvaluation } from './publish-evaluation.ts';
import { returnEvaluation } from './return-evaluation.ts';
import { submitEvaluation } from './submit-evaluation.ts';
import { unpublishEvaluation } from './unpublish-evaluation.ts';
import { updateDraft } from './update-draft.ts';

const formFor = (seed: number): EvaluationForm => ({
  ...generateForm(seed),
  fiscalYear: 2023,
  projectName: `职责分离项目${seed}`,
});

const refusal = { code: 'SEPARATION_OF_DUTIES', status: 403 };

describe.each(testDatabaseKinds())('separation of duties on %s', (kind) => {
  let fixture: ServiceFixture;
  /** Both 单位填报 and 单位审核 on the unit: an admin may grant that (small units), the decision is checked instead. */
  let both: Actor;
  /** A 财政局 reviewer who also fills the unit's forms. */
  let fillingFinance: Actor;

  const userWith = async (username: string, grants: [Role, string][]): Promise<Actor> => {
    const user = await createUser(fixture.ctx, null, {
      username,
      displayName: username,
      password: TEST_PASSWORD,
      roles: grants.map(([role, organizationId]) => ({ organizationId, role })),
    });
    return { userId: user.id, username: user.username, displayName: user.displayName, roles: user.roles };
  };

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    const { organizations } = fixture;
    both = await userWith('both.roles', [
      ['unit_filler', organizations.unit],
      ['unit_approver', organizations.unit],
    ]);
    fillingFinance = await userWith('finance.filler', [
      ['finance_reviewer', organizations.bureau],
      ['unit_filler', organizations.unit],
    ]);
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('refuses the submitter approving their own submission, but lets them return it and another approver approve', async () => {
    const { ctx, organizations, actors } = fixture;
    const draft = await createDraft(ctx, both, { organizationId: organizations.unit, form: formFor(1) });
    await submitEvaluation(ctx, both, { evaluationId: draft.id });

    await expect(approveEvaluation(ctx, both, { evaluationId: draft.id })).rejects.toMatchObject(refusal);
    await expect(approveEvaluation(ctx, both, { evaluationId: draft.id })).rejects.toThrow(/不能对本人提交/);
    const seen = await getEvaluation(ctx, both, draft.id);
    expect(seen.status).toBe('submitted');
    // As its filler they may still take it back (撤回送审) or return it; approving it is another person's.
    expect(seen.availableActions).toEqual(['withdraw', 'return']);
    expect((await getEvaluation(ctx, actors.unit_approver, draft.id)).availableActions).toEqual(['approve', 'return']);

    // Taking back one's own submission moves it away from publication, with the reason on record.
    await expect(
      returnEvaluation(ctx, both, { evaluationId: draft.id, reason: '送审有误，撤回修改' }),
    ).resolves.toMatchObject({ status: 'returned' });
    await submitEvaluation(ctx, both, { evaluationId: draft.id });
    await expect(approveEvaluation(ctx, actors.unit_approver, { evaluationId: draft.id })).resolves.toMatchObject({
      status: 'department_review',
    });
  });

  it('refuses the last editor approving what someone else submitted', async () => {
    const { ctx, organizations, actors } = fixture;
    const draft = await createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form: formFor(2) });
    const edited = await updateDraft(ctx, both, {
      evaluationId: draft.id,
      expectedVersion: draft.version,
      form: { ...formFor(2), statedGrade: '优' },
    });
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: draft.id, expectedVersion: edited.version });

    await expect(approveEvaluation(ctx, both, { evaluationId: draft.id })).rejects.toMatchObject(refusal);
    await expect(approveEvaluation(ctx, actors.unit_approver, { evaluationId: draft.id })).resolves.toMatchObject({
      status: 'department_review',
    });
  });

  it('still knows the last editor after a return and a resubmission without edits', async () => {
    const { ctx, organizations, actors } = fixture;
    const draft = await createDraft(ctx, both, { organizationId: organizations.unit, form: formFor(3) });
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: draft.id });
    await returnEvaluation(ctx, actors.unit_approver, { evaluationId: draft.id, reason: '请补充说明' });
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: draft.id });
    await expect(approveEvaluation(ctx, both, { evaluationId: draft.id })).rejects.toMatchObject(refusal);
  });

  it('applies at every stage: a 财政局 reviewer who submitted may neither approve nor publish it', async () => {
    const { ctx, organizations, actors } = fixture;
    const draft = await createDraft(ctx, fillingFinance, { organizationId: organizations.unit, form: formFor(4) });
    const id = draft.id;
    await submitEvaluation(ctx, fillingFinance, { evaluationId: id });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId: id });
    await approveEvaluation(ctx, actors.department_reviewer, { evaluationId: id });

    await expect(approveEvaluation(ctx, fillingFinance, { evaluationId: id })).rejects.toMatchObject(refusal);
    expect((await getEvaluation(ctx, fillingFinance, id)).availableActions).toEqual(['return']);
    await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId: id });
    await expect(publishEvaluation(ctx, fillingFinance, { evaluationId: id })).rejects.toMatchObject(refusal);
    await expect(publishEvaluation(ctx, actors.finance_reviewer, { evaluationId: id })).resolves.toMatchObject({
      status: 'published',
    });
    // Withdrawing a publication moves away from the public, with a reason: not a judgement on one's own work.
    await expect(
      unpublishEvaluation(ctx, fillingFinance, { evaluationId: id, reason: '发现数据有误' }),
    ).resolves.toMatchObject({ status: 'approved' });
    await expect(publishEvaluation(ctx, fillingFinance, { evaluationId: id })).rejects.toMatchObject(refusal);
  });
});
