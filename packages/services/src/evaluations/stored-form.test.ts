import type { EvaluationForm } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { overwriteStoredForm, testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { analyzeRisks } from '../analysis/analyze-risks.ts';
import { createDraft } from './create-draft.ts';
import { getEvaluation } from './get-evaluation.ts';
import { submitEvaluation } from './submit-evaluation.ts';

describe.each(testDatabaseKinds())('stored forms read back through the schema on %s', (kind) => {
  let fixture: ServiceFixture;
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
  });
  afterAll(async () => {
    await fixture.close();
  });

  const draftOf = async (seed: number): Promise<{ id: string; revisionId: string; form: EvaluationForm }> => {
    const form = { ...generateForm(seed), fiscalYear: 2023, projectName: `存储格式${seed}` };
    const { ctx, actors, organizations } = fixture;
    const draft = await createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form });
    return { id: draft.id, revisionId: draft.currentRevisionId ?? '', form };
  };

  it('upgrades a form stored before formKind and complete existed, and submits it in the current format', async () => {
    const { ctx, actors, handle } = fixture;
    const { id, revisionId, form } = await draftOf(1);
    const { formKind: _kind, complete: _complete, ...older } = form;
    await overwriteStoredForm(handle.db, revisionId, older);

    const detail = await getEvaluation(ctx, actors.unit_filler, id);
    expect(detail.form).toEqual({ ...form, formKind: 'self-evaluation', complete: true });
    const submitted = await submitEvaluation(ctx, actors.unit_filler, { evaluationId: id });
    const stored = await handle.db
      .selectFrom('evaluation_revisions')
      .select('form')
      .where('id', '=', submitted.currentRevisionId ?? '')
      .executeTakeFirstOrThrow();
    expect(stored.form).toMatchObject({ formVersion: 1, formKind: 'self-evaluation', complete: true });
  });

  it.each<[string, (form: EvaluationForm) => unknown]>([
    ['a newer format version', (form) => ({ ...form, formVersion: 9 })],
    ['a damaged indicator', (form) => ({ ...form, indicators: [{ name: 42 }] })],
    ['no form at all', () => 'not a form'],
  ])('answers STORED_FORM_INVALID, not a crash, for %s', async (damaged, damage) => {
    const { ctx, actors, handle } = fixture;
    const { id, revisionId, form } = await draftOf(10 + damaged.length);
    await overwriteStoredForm(handle.db, revisionId, damage(form));
    await expect(getEvaluation(ctx, actors.unit_filler, id)).rejects.toMatchObject({ code: 'STORED_FORM_INVALID' });
    await expect(submitEvaluation(ctx, actors.unit_filler, { evaluationId: id })).rejects.toMatchObject({
      code: 'STORED_FORM_INVALID',
    });
  });

  it('does not hand a damaged form to the risk analysis', async () => {
    const { ctx, actors, handle } = fixture;
    const { id, revisionId, form } = await draftOf(99);
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: id });
    const submitted = await getEvaluation(ctx, actors.unit_filler, id);
    await overwriteStoredForm(handle.db, submitted.currentRevisionId ?? revisionId, { ...form, indicators: 'x' });
    await expect(analyzeRisks(ctx, actors.finance_reviewer, {})).rejects.toMatchObject({
      code: 'STORED_FORM_INVALID',
    });
  });
});
