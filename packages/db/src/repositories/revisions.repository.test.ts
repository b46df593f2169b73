import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSampleRows } from '../../testing/sample-rows.ts';
import { createTestDatabase, testDatabaseKinds } from '../../testing/test-database.ts';
import type { DatabaseHandle } from '../connect.ts';
import { findEvaluationById } from './evaluations.repository.ts';
import { listFundBlocks, listIndicatorResults } from './revision-facts.repository.ts';
import { findRevision, insertCurrentRevision, insertNextRevision, listRevisions } from './revisions.repository.ts';

describe.each(testDatabaseKinds())('a revision inserted with its facts on %s', (kind) => {
  let handle: DatabaseHandle;
  let sample: Awaited<ReturnType<typeof insertSampleRows>>;
  const now = new Date('2026-03-01T08:00:00.000Z');

  const revisionValues = (id: string) => ({
    id,
    organization_id: sample.unit.id,
    evaluation_id: sample.evaluation.id,
    kind: 'draft' as const,
    form: JSON.stringify({ projectName: '征收工作经费' }),
    result: JSON.stringify({ totalScore: 88 }),
    rule_set: 'national-2020@1.0.0',
    total_score: '88.00',
    grade: 'good' as const,
    created_by: sample.user.id,
    created_at: now,
  });
  const fundBlock = (revisionId: string, source: 'total' | 'other', executed: number) => ({
    id: randomUUID(),
    organization_id: sample.unit.id,
    revision_id: revisionId,
    source,
    initial_budget_fen: 100_000,
    adjusted_budget_fen: 120_000,
    executed_fen: executed,
  });
  const indicator = (revisionId: string, rowIndex: number, name: string) => ({
    id: randomUUID(),
    organization_id: sample.unit.id,
    evaluation_id: sample.evaluation.id,
    revision_id: revisionId,
    row_index: rowIndex,
    name,
    target: '≥95%',
    actual: '98%',
    weight: '10.00',
    stated_score: '10.00',
    points: '10.00',
    basis: 'computed' as const,
    rule: 'QUANT-POS-1',
  });

  beforeAll(async () => {
    handle = await createTestDatabase(kind);
    sample = await insertSampleRows(handle.db);
  });

  afterAll(async () => {
    await handle?.close();
  });

  it('stores the revision, numbered after the last, with its fund and indicator rows', async () => {
    const id = randomUUID();
    const revision = await insertNextRevision(handle.db, revisionValues(id), {
      fundBlocks: [fundBlock(id, 'total', 90_000), fundBlock(id, 'other', 5_000)],
      indicatorResults: [indicator(id, 0, '入户调查'), indicator(id, 1, '群众满意度')],
    });
    expect(revision).toMatchObject({ id, revision_no: 2, total_score: '88.00', grade: 'good' });
    expect((await listFundBlocks(handle.db, id)).map((row) => [row.source, row.executed_fen])).toEqual([
      ['other', 5_000],
      ['total', 90_000],
    ]);
    expect((await listIndicatorResults(handle.db, id)).map((row) => [row.row_index, row.name])).toEqual([
      [0, '入户调查'],
      [1, '群众满意度'],
    ]);
  });

  it('stores a revision that has no fund or indicator rows', async () => {
    const id = randomUUID();
    const revision = await insertNextRevision(handle.db, revisionValues(id), { fundBlocks: [], indicatorResults: [] });
    expect(revision.revision_no).toBe(3);
    expect(await listFundBlocks(handle.db, id)).toEqual([]);
    expect(await listIndicatorResults(handle.db, id)).toEqual([]);
  });

  it('stores nothing when one fact row is refused', async () => {
    const id = randomUUID();
    const before = await listRevisions(handle.db, sample.evaluation.id);
    const first = indicator(id, 0, '甲');
    // The second indicator row reuses the first one's id: the primary key refuses it.
    await expect(
      insertNextRevision(handle.db, revisionValues(id), {
        fundBlocks: [fundBlock(id, 'total', 1)],
        indicatorResults: [first, { ...indicator(id, 1, '乙'), id: first.id }],
      }),
    ).rejects.toThrow();
    expect(await findRevision(handle.db, id)).toBeUndefined();
    expect(await listFundBlocks(handle.db, id)).toEqual([]);
    expect(await listRevisions(handle.db, sample.evaluation.id)).toEqual(before);
  });

  it('makes a new revision the current one with the changes, at the expected version only', async () => {
    const before = await findEvaluationById(handle.db, sample.evaluation.id);
    if (!before) throw new Error('the sample evaluation is missing');
    const id = randomUUID();
    const updated = await insertCurrentRevision(
      handle.db,
      revisionValues(id),
      { fundBlocks: [fundBlock(id, 'total', 7)], indicatorResults: [indicator(id, 0, '入户调查')] },
      before.version,
      { project_name: '征收工作经费（改）', total_score: '88.00', grade: 'good' },
    );
    expect(updated).toMatchObject({
      id: sample.evaluation.id,
      current_revision_id: id,
      version: before.version + 1,
      project_name: '征收工作经费（改）',
      total_score: '88.00',
    });
    expect((await listFundBlocks(handle.db, id)).map((row) => row.executed_fen)).toEqual([7]);

    // At a version that has moved on, nothing is pointed at; in the caller's transaction, which rolls back on
    // that answer, nothing is stored either.
    const stale = randomUUID();
    const refused = handle.db.transaction().execute(async (trx) => {
      const answer = await insertCurrentRevision(
        trx,
        revisionValues(stale),
        { fundBlocks: [], indicatorResults: [] },
        before.version,
        {},
      );
      expect(answer).toBeUndefined();
      throw new Error('conflict');
    });
    await expect(refused).rejects.toThrow('conflict');
    expect(await findRevision(handle.db, stale)).toBeUndefined();
    expect((await findEvaluationById(handle.db, sample.evaluation.id))?.current_revision_id).toBe(id);
  });
});
