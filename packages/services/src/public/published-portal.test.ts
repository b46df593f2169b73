import type { EvaluationForm } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { sql } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { updateOrganizationSettings } from '../accounts/update-organization.ts';
import { approveEvaluation } from '../evaluations/approve-evaluation.ts';
import { createDraft } from '../evaluations/create-draft.ts';
import { getEvaluation } from '../evaluations/get-evaluation.ts';
import { publishEvaluation } from '../evaluations/publish-evaluation.ts';
import { submitEvaluation } from '../evaluations/submit-evaluation.ts';
import { getPublishedEvaluation } from './get-published-evaluation.ts';
import { listPublishedEvaluations } from './list-published-evaluations.ts';

const UNIT = '开福区城市房屋征收和补偿管理办公室';
const DEPARTMENT = '开福区住房和城乡建设局';
const INTERNAL_CODE = /[A-Z]+(?:-[A-Z]+)*-\d|@\d/u;

/** 主管部门 and 得分 as filed, with the rest of a generated form. */
const formFor = (seed: number, projectName: string, department: string): EvaluationForm => ({
  ...generateForm(seed),
  fiscalYear: 2022,
  projectName,
  department,
});

describe.each(testDatabaseKinds())('the portal’s list search and report page on %s', (kind) => {
  let fixture: ServiceFixture;
  const ids = { seed: '', latin: '', plain: '' };

  const publish = async (form: EvaluationForm): Promise<string> => {
    const { ctx, actors, organizations } = fixture;
    const { id } = await createDraft(ctx, actors.unit_filler, { organizationId: organizations.unit, form });
    await submitEvaluation(ctx, actors.unit_filler, { evaluationId: id });
    await approveEvaluation(ctx, actors.unit_approver, { evaluationId: id });
    await approveEvaluation(ctx, actors.department_reviewer, { evaluationId: id });
    await approveEvaluation(ctx, actors.finance_reviewer, { evaluationId: id });
    await publishEvaluation(ctx, actors.finance_reviewer, { evaluationId: id });
    return id;
  };

  const search = async (q: string, year?: number) =>
    listPublishedEvaluations(fixture.ctx, { q, year, page: 1, pageSize: 20 });
  const found = async (q: string, year?: number): Promise<string[]> =>
    (await search(q, year)).items.map((item) => item.projectName).sort();

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    // The seed's way: the unit itself named in the 主管部门 cell.
    ids.seed = await publish(formFor(1, '征收工作经费', UNIT));
    ids.latin = await publish(formFor(2, 'Smart社区100%_达标项目', ` ${DEPARTMENT}。`));
    ids.plain = await publish(formFor(3, '老旧小区改造100分项目', ''));
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('finds reports by part of the project or the unit name, in any letter case', async () => {
    expect(await found('征收')).toEqual(['Smart社区100%_达标项目', '征收工作经费', '老旧小区改造100分项目']);
    expect(await found('工作经费')).toEqual(['征收工作经费']);
    expect(await found('sMART')).toEqual(['Smart社区100%_达标项目']);
    expect(await found('补偿管理办公室')).toHaveLength(3);
    expect(await search('zzzz')).toMatchObject({ items: [], total: 0 });
    expect(await search('征收', 2021)).toMatchObject({ items: [], total: 0 });
    expect((await search('工作经费', 2022)).total).toBe(1);
  });

  it('takes % and _ in a search as the characters they are', async () => {
    expect(await found('100%')).toEqual(['Smart社区100%_达标项目']);
    expect(await found('%_')).toEqual(['Smart社区100%_达标项目']);
    expect(await found('0_')).toEqual([]);
    expect(await found('\\')).toEqual([]);
  });

  it('shows the registered 主管部门 on the report page, the form’s only where it says something else', async () => {
    const listed = await listPublishedEvaluations(fixture.ctx, { page: 1, pageSize: 20 });
    expect(new Set(listed.items.map((item) => item.department))).toEqual(new Set([DEPARTMENT]));
    expect(await getPublishedEvaluation(fixture.ctx, ids.seed)).toMatchObject({
      unit: UNIT,
      department: DEPARTMENT,
      statedDepartment: UNIT,
      departmentDiffers: true,
    });
    expect(await getPublishedEvaluation(fixture.ctx, ids.latin)).toMatchObject({
      department: DEPARTMENT,
      statedDepartment: `${DEPARTMENT}。`,
      departmentDiffers: false,
    });
    expect(await getPublishedEvaluation(fixture.ctx, ids.plain)).toMatchObject({
      department: DEPARTMENT,
      statedDepartment: '',
      departmentDiffers: false,
    });
  });

  it('names the rules and the rule set in words beside their ids', async () => {
    const page = await getPublishedEvaluation(fixture.ctx, ids.seed);
    expect(page.ruleSet).toBe('national-2020@1.0.0');
    expect(page.ruleSetName).toBe('财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）1.0.0 版');
    expect(page.indicators.length).toBeGreaterThan(0);
    for (const indicator of page.indicators) {
      expect(indicator.rule).toMatch(INTERNAL_CODE);
      expect(indicator.ruleName).not.toMatch(INTERNAL_CODE);
      expect(indicator.ruleName).not.toBe('评分规则');
    }
  });

  it('raises DEPARTMENT_MISMATCH when the evaluation is read, never storing it with the revision', async () => {
    const { ctx, actors } = fixture;
    const { db } = fixture.handle;
    const seed = await getEvaluation(ctx, actors.finance_reviewer, ids.seed);
    const mismatch = seed.result?.findings.filter((finding) => finding.code === 'DEPARTMENT_MISMATCH') ?? [];
    expect(mismatch).toEqual([
      expect.objectContaining({ severity: 'info', where: 'department', message: expect.stringContaining(UNIT) }),
    ]);
    expect(mismatch[0]?.message).toContain(seed.departmentName ?? '—');
    for (const id of [ids.latin, ids.plain]) {
      const detail = await getEvaluation(ctx, actors.finance_reviewer, id);
      expect(detail.result?.findings.map((finding) => finding.code)).not.toContain('DEPARTMENT_MISMATCH');
    }
    const stored = await db
      .selectFrom('evaluation_revisions')
      .select('result')
      .where('id', '=', seed.currentRevisionId ?? '')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.result)).not.toContain('DEPARTMENT_MISMATCH');
  });

  // Last: it renames the department the other cases compare with.
  it('follows a renamed department, and brings a page stored before these fields up to date', async () => {
    const { ctx, actors, organizations } = fixture;
    const { db } = fixture.handle;
    const id = ids.seed;
    const current = await getPublishedEvaluation(ctx, id);
    // As publishing wrote a page before: the form's cell as the 主管部门, the rules by id only.
    const { statedDepartment: _stated, departmentDiffers: _differs, ruleSetName: _name, ...older } = current;
    const olderPage = {
      ...older,
      department: UNIT,
      indicators: current.indicators.map(({ ruleName: _ruleName, ...indicator }) => indicator),
    };
    await sql`UPDATE publications SET public_view = ${JSON.stringify(olderPage)} WHERE evaluation_id = ${id}`.execute(
      db,
    );
    await updateOrganizationSettings(ctx, actors.admin, {
      organizationId: organizations.department,
      change: 'rename',
      name: '开福区住房和城乡建设局（人民防空办公室）',
    });
    const renamed = await getPublishedEvaluation(ctx, id);
    expect(renamed).toEqual({
      ...current,
      department: '开福区住房和城乡建设局（人民防空办公室）',
    });
    const listed = await search('征收工作经费');
    expect(listed.items.map((item) => item.department)).toEqual([renamed.department]);
  });
});
