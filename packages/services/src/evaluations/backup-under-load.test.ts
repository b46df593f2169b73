import { generateForm } from '@jixiao/core/testing';
import { backupDatabase, restoreDatabase, verifyAuditChain } from '@jixiao/db';
import { createTestDatabase, testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import { createDraft } from './create-draft.ts';
import { submitEvaluation } from './submit-evaluation.ts';

/** Issue 8: a backup taken while evaluations are being written restores completely into an empty database. */
describe.each(testDatabaseKinds())('backup under write load on %s', (kind) => {
  let fixture: ServiceFixture;
  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('is a consistent snapshot: it restores whole and its audit chain verifies', async () => {
    const { ctx, actors, organizations } = fixture;
    let stop = false;
    let written = 0;
    const writer = async (offset: number) => {
      for (let i = offset; !stop && i < offset + 400; i++) {
        const draft = await createDraft(ctx, actors.unit_filler, {
          organizationId: organizations.unit,
          form: { ...generateForm(i), fiscalYear: 2023, projectName: `负载下备份${i}` },
        });
        if (i % 3 === 0) await submitEvaluation(ctx, actors.unit_filler, { evaluationId: draft.id });
        written++;
      }
    };
    const writers = [writer(0), writer(1000)];
    while (written < 10) await new Promise((resolve) => setTimeout(resolve, 5));
    const lines: string[] = [];
    for await (const line of backupDatabase(fixture.handle.db)) {
      lines.push(line);
      // A slow reader: the writers keep going while the backup is being read.
      if (lines.length % 200 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    stop = true;
    await Promise.all(writers);
    expect(written).toBeGreaterThan(10);

    const target = await createTestDatabase(kind);
    try {
      const restored = await restoreDatabase(target.db, lines);
      expect(restored).toBe(lines.length - 1);
      expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
      const evaluations = lines.filter((line) => line.startsWith('{"table":"evaluations"')).length;
      const revisions = new Set(
        lines
          .filter((line) => line.startsWith('{"table":"evaluation_revisions"'))
          .map((line) => JSON.parse(line).row.evaluation_id),
      );
      expect(revisions.size).toBe(evaluations);
    } finally {
      await target.close();
    }
  });
});
