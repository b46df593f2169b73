import { randomUUID } from 'node:crypto';
import { evaluate } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { type Db, sql } from '@jixiao/db';
import { publishedViewOf } from '../src/public/published-view.ts';

/**
 * `total` published evaluations in bulk, straight through SQL (benchmarks and paging tests measure reading, so
 * loading skips the use cases), over 5 fiscal years and 100 units. With `projectNames` below `total` the
 * evaluations' names repeat (项目0 … 项目{projectNames - 1}), so paging must tell evaluations of one name
 * apart; their projects keep distinct names, as a unit's projects of one year must.
 */
export const loadPublished = async (
  db: Db,
  total: number,
  { projectNames = total }: { projectNames?: number } = {},
): Promise<string[]> => {
  const now = new Date();
  const bureau = randomUUID();
  const departments = Array.from({ length: 10 }, () => randomUUID());
  const units = Array.from({ length: 100 }, () => randomUUID());
  await db
    .insertInto('organizations')
    .values({ id: bureau, parent_id: null, kind: 'finance_bureau', name: '开福区财政局', created_at: now })
    .execute();
  await db
    .insertInto('organizations')
    .values(
      departments.map((id, index) => ({
        id,
        parent_id: bureau,
        kind: 'department' as const,
        name: `主管部门${index + 1}`,
        created_at: now,
      })),
    )
    .execute();
  await db
    .insertInto('organizations')
    .values(
      units.map((id, index) => ({
        id,
        parent_id: departments[index % departments.length] ?? bureau,
        kind: 'budget_unit' as const,
        name: `预算单位${index + 1}`,
        created_at: now,
      })),
    )
    .execute();
  const user = randomUUID();
  await db
    .insertInto('users')
    .values({
      id: user,
      username: 'bench',
      display_name: 'bench',
      password_hash: '-',
      password_changed_at: now,
      created_at: now,
    })
    .execute();
  const templates = Array.from({ length: 50 }, (_, index) => {
    const form = generateForm(index + 1);
    const result = evaluate(form);
    return {
      // The portal page a publication stores, as publishing would write it (id and unit filled in per row).
      view: publishedViewOf({ id: '' }, { form, result, grade: result.grade }, { unit: '', department: null }, now),
      form: JSON.stringify(form),
      result: JSON.stringify(result),
      total: result.totalScore.toFixed(2),
      grade: result.grade,
      ruleSet: result.ruleSet,
    };
  });
  const ids: string[] = [];
  for (let start = 0; start < total; start += 500) {
    const batch = Array.from({ length: Math.min(500, total - start) }, (_, offset) => {
      const index = start + offset;
      const template = templates[index % templates.length];
      if (!template) throw new Error('no template');
      return {
        index,
        id: randomUUID(),
        project: randomUUID(),
        revision: randomUUID(),
        unit: units[index % units.length] ?? bureau,
        unitName: `预算单位${(index % units.length) + 1}`,
        template,
      };
    });
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('projects')
        .values(
          batch.map((row) => ({
            id: row.project,
            organization_id: row.unit,
            name: `项目${row.index}`,
            fiscal_year: 2020 + (row.index % 5),
            created_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto('evaluations')
        .values(
          batch.map((row) => ({
            id: row.id,
            organization_id: row.unit,
            project_id: row.project,
            fiscal_year: 2020 + (row.index % 5),
            project_name: `项目${row.index % projectNames}`,
            status: 'published' as const,
            rule_set_id: 'national-2020',
            rule_set_version: '1.0.0',
            total_score: row.template.total,
            grade: row.template.grade,
            created_by: user,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto('evaluation_revisions')
        .values(
          batch.map((row) => ({
            id: row.revision,
            organization_id: row.unit,
            evaluation_id: row.id,
            revision_no: 1,
            kind: 'submitted' as const,
            form: row.template.form,
            result: row.template.result,
            rule_set: row.template.ruleSet,
            total_score: row.template.total,
            grade: row.template.grade,
            created_by: user,
            created_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto('publications')
        .values(
          batch.map((row) => ({
            id: randomUUID(),
            organization_id: row.unit,
            evaluation_id: row.id,
            revision_id: row.revision,
            published_by: user,
            published_at: now,
            public_view: JSON.stringify({ ...row.template.view, id: row.id, unit: row.unitName }),
          })),
        )
        .execute();
    });
    ids.push(...batch.map((row) => row.id));
  }
  await sql`UPDATE evaluations e SET current_revision_id = r.id FROM evaluation_revisions r WHERE r.evaluation_id = e.id`.execute(
    db,
  );
  await sql`ANALYZE`.execute(db);
  return ids;
};
