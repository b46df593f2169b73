import { generateForm } from '@jixiao/core/testing';
import { appendAuditEntry } from '@jixiao/db';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { createDraft } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.ts';

type Page = { entries: { seq: number; action: string }[]; nextAfter: number | null };

/** Past 1,000 entries the trail once answered 500; now it is read in keyset pages of at most 500. */
describe.each(testDatabaseKinds())('GET /api/evaluations/:id/audit with a long trail on %s', (kind) => {
  let testApp: TestApp;
  let filler: Session;
  let evaluationId: string;
  const EXTRA = 1_100;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    filler = await testApp.login('filler');
    const { ctx, actors, organizations, handle } = testApp.fixture;
    const draft = await createDraft(ctx, actors.unit_filler, {
      organizationId: organizations.unit,
      form: { ...generateForm(7), fiscalYear: 2023, projectName: '审计分页项目' },
    });
    evaluationId = draft.id;
    // Real entries in the real chain, interleaved with another entity's, as a long-lived evaluation would have.
    await handle.db.transaction().execute(async (trx) => {
      for (let index = 0; index < EXTRA; index += 1) {
        await appendAuditEntry(trx, {
          organizationId: organizations.unit,
          actorId: actors.unit_filler.userId,
          action: index % 4 === 3 ? 'other.entity' : 'evaluation.edit',
          entityType: 'evaluation',
          entityId: index % 4 === 3 ? 'another-entity' : evaluationId,
          details: { index },
        });
      }
    });
  });
  afterAll(async () => {
    await testApp.close();
  });

  const page = (query: string) =>
    testApp.request(filler, { method: 'GET', url: `/api/evaluations/${evaluationId}/audit${query}` });

  it('answers the first 100 by default with the cursor of the next page', async () => {
    const response = await page('');
    expect(response.statusCode).toBe(200);
    const first = response.json<Page>();
    expect(first.entries).toHaveLength(100);
    expect(first.entries[0]?.action).toBe('evaluation.create');
    expect(first.nextAfter).toBe(first.entries.at(-1)?.seq);
  });

  it('walks the whole trail in pages of 500, every entry once and in order', async () => {
    const seqs: number[] = [];
    let after: number | null = null;
    let pages = 0;
    do {
      const response = await page(`?limit=500${after === null ? '' : `&after=${after}`}`);
      expect(response.statusCode).toBe(200);
      const body = response.json<Page>();
      expect(body.entries.length).toBeLessThanOrEqual(500);
      seqs.push(...body.entries.map((entry) => entry.seq));
      after = body.nextAfter;
      pages += 1;
    } while (after !== null);
    const ownEntries = 1 + Array.from({ length: EXTRA }, (_, index) => index).filter((index) => index % 4 !== 3).length;
    expect(seqs).toHaveLength(ownEntries);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(pages).toBe(Math.ceil(ownEntries / 500));
  });

  it('refuses a page larger than the documented maximum and a malformed cursor', async () => {
    expect((await page('?limit=501')).statusCode).toBe(400);
    expect((await page('?limit=0')).statusCode).toBe(400);
    expect((await page('?after=abc')).statusCode).toBe(400);
    expect((await page('?cursor=1')).statusCode).toBe(400);
  });

  it('verifies the chain of more than a thousand entries', async () => {
    const response = await testApp.request(await testApp.login('finance'), {
      method: 'GET',
      url: '/api/audit-log/verify',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ ok: boolean; checked: number }>().ok).toBe(true);
    expect(response.json<{ checked: number }>().checked).toBeGreaterThan(EXTRA);
  });
});
