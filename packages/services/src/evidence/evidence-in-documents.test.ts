import { generateForm } from '@jixiao/core/testing';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { renderEvaluationDocument } from '../documents/render-evaluation-document.ts';
import { createDraft } from '../evaluations/create-draft.ts';
import { attachIndicatorEvidence } from './attach-indicator-evidence.ts';
import { deleteIndicatorEvidence } from './delete-indicator-evidence.ts';
import { listIndicatorEvidence } from './list-indicator-evidence.ts';

describe.each(testDatabaseKinds())('佐证材料 per indicator on %s', (kind) => {
  let fixture: ServiceFixture;
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('attaches to a row of the form only, is listed to reviewers, refused to other units, and named in the Word report', async () => {
    const { ctx, actors, organizations } = fixture;
    const form = { ...generateForm(8), fiscalYear: 2024, projectName: '佐证材料文档' };
    const draft = await createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form });
    const indicatorName = form.indicators[1]?.name ?? '';
    const bytes = new TextEncoder().encode('验收记录：已完成\n');
    const input = { evaluationId: draft.id, indicatorName, fileName: '验收记录.txt', bytes };
    await expect(
      attachIndicatorEvidence(ctx, actors.unit_filler, { ...input, indicatorName: '不存在的指标' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(attachIndicatorEvidence(ctx, actors.otherFiller, input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(attachIndicatorEvidence(ctx, actors.department_reviewer, input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const file = await attachIndicatorEvidence(ctx, actors.unit_filler, input);
    const spare = await attachIndicatorEvidence(ctx, actors.unit_approver, { ...input, fileName: '备用.txt' });
    expect(await listIndicatorEvidence(ctx, actors.department_reviewer, draft.id)).toMatchObject([
      { id: file.id, indicatorName, fileName: '验收记录.txt', sizeBytes: bytes.byteLength },
      { id: spare.id },
    ]);
    await expect(listIndicatorEvidence(ctx, actors.otherFiller, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await deleteIndicatorEvidence(ctx, actors.unit_filler, { evaluationId: draft.id, attachmentId: spare.id });

    const document = await renderEvaluationDocument(ctx, actors.finance_reviewer, draft.id, 'report.docx');
    const xml = strFromU8(unzipSync(document.bytes)['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('附件：佐证材料清单');
    expect(xml).toContain('验收记录.txt');
    expect(xml).toContain(file.sha256.slice(0, 12));
    expect(xml).not.toContain('备用.txt');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', draft.id)
      .where('action', 'like', 'evidence.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['evidence.attach', 'evidence.attach', 'evidence.delete']);
  });
});
