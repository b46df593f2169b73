import { readFileSync } from 'node:fs';
import { EVALUATION_STATUSES } from '@jixiao/core';
import { verifyAuditChain } from '@jixiao/db';
import { createTestDatabase, testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../accounts/sessions.ts';
import { createServiceContext, type ServiceContext } from '../context.ts';
import { listEvaluations } from '../evaluations/list-evaluations.ts';
import { listPublishedEvaluations } from '../public/list-published-evaluations.ts';
import { DEMO_LOGINS, loadDemoData } from './load-demo-data.ts';

const seed = {
  bytes: new Uint8Array(readFileSync(new URL('../../../../fixtures/seed/kaifu-2022.txt', import.meta.url))),
  fileName: 'kaifu-2022.txt',
};

describe.each(testDatabaseKinds())('demo data on %s', (kind) => {
  let close: () => Promise<void>;
  let ctx: ServiceContext;
  beforeAll(async () => {
    const handle = await createTestDatabase(kind);
    close = handle.close;
    ctx = createServiceContext(handle.db);
  });
  afterAll(async () => {
    await close();
  });

  it('loads a district with the seed published and an evaluation in every status, once', async () => {
    expect(await loadDemoData(ctx, seed)).toMatchObject({ loaded: true });
    expect(await loadDemoData(ctx, seed)).toEqual({ loaded: false });
    const published = await listPublishedEvaluations(ctx, { page: 1, pageSize: 20, year: 2022 });
    expect(published.items).toEqual([
      expect.objectContaining({ projectName: '征收工作经费', unit: '开福区城市房屋征收和补偿管理办公室', year: 2022 }),
    ]);
    const bureau = await login(ctx, 'caizheng.reviewer', DEMO_LOGINS[0]?.password ?? '', '192.0.2.1');
    const all = await listEvaluations(ctx, bureau.actor, { page: 1, pageSize: 100 });
    expect(new Set(all.items.map((item) => item.status))).toEqual(new Set(EVALUATION_STATUSES));
    // The README's logins work as printed: no forced password change.
    for (const demo of DEMO_LOGINS) {
      const signedIn = await login(ctx, demo.username, demo.password, '192.0.2.1');
      expect(signedIn.actor.roles[0]?.role).toBe(demo.role);
      expect(signedIn.passwordChange).toBeNull();
    }
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });
});
