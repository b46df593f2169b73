import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declarationForm, seedDeclaration } from '../../testing/budget-year-seeds.ts';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import type { ServiceContext } from '../context.ts';
import { createMonitoringReport } from './create-monitoring-report.ts';
import { createMonitoringRound } from './create-monitoring-round.ts';
import { importMonitoringFile } from './import-monitoring-file.ts';
import { submitMonitoringReport } from './submit-monitoring-report.ts';

/** A real export of one central project from an 一体化 budget system (WPS, Excel 97–2003, 11 sheets). */
const WORKBOOK = fileURLToPath(new URL('../../../../fixtures/xls/central-2019-project-workbook.xls', import.meta.url));
const PROJECT = '2019年210青少年校园足球扶持资金';

describe.each(testDatabaseKinds())('importing a monitoring file on %s', (kind) => {
  let fixture: ServiceFixture;
  let ctx: ServiceContext;
  let reportId: string;
  let bytes: Uint8Array;

  beforeAll(async () => {
    fixture = await createServiceFixture(kind);
    ctx = { ...fixture.ctx, now: () => new Date('2019-08-05T02:00:00Z') };
    bytes = new Uint8Array(await readFile(WORKBOOK));
    const { actors } = fixture;
    const declarationId = await seedDeclaration(ctx.db, {
      organizationId: fixture.organizations.unit,
      createdBy: actors.unit_filler.userId,
      form: declarationForm(PROJECT, 2019),
    });
    const round = await createMonitoringRound(ctx, actors.finance_reviewer, {
      fiscalYear: 2019,
      asOf: '2019-07-31',
      dueDate: '2019-08-20',
    });
    reportId = (await createMonitoringReport(ctx, actors.unit_filler, { roundId: round.id, declarationId })).id;
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('refuses another unit and a reviewer before reading the file', async () => {
    const input = { reportId, fileName: 'workbook.xls', bytes };
    await expect(importMonitoringFile(ctx, fixture.actors.otherFiller, input)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(importMonitoringFile(ctx, fixture.actors.department_reviewer, input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      importMonitoringFile(ctx, fixture.actors.unit_filler, { ...input, bytes: new Uint8Array() }),
    ).rejects.toMatchObject({ code: 'EMPTY_FILE' });
  });

  it('fills the draft from the workbook’s 执行监控 sheet with its real values, and it submits as behind', async () => {
    const view = await importMonitoringFile(ctx, fixture.actors.unit_filler, {
      reportId,
      fileName: 'central-2019-project-workbook.xls',
      bytes,
      version: 1,
    });
    expect(view.version).toBe(2);
    expect(view.report).toMatchObject({
      asOf: '2019-07-31',
      fiscalYear: 2019,
      projectName: PROJECT,
      implementingUnit: '北京大学',
      funds: { total: { budget: '190.00', executed: '0.00' } },
    });
    expect(view.report.indicators.length).toBeGreaterThan(5);
    expect(view.report.indicators[0]).toMatchObject({ name: '成本节约率', target: '≥0', likelihood: 'certain' });
    expect(view).toMatchObject({ executionRate: '0.00', timeShare: '58.08', behindSchedule: true });
    expect(Array.isArray(view.warnings)).toBe(true);

    const entry = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_id', '=', reportId)
      .where('action', '=', 'monitoring.import')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ fileName: 'central-2019-project-workbook.xls', version: 2 });

    const submitted = await submitMonitoringReport(ctx, fixture.actors.unit_filler, { reportId });
    expect(submitted).toMatchObject({ status: 'submitted', behindSchedule: true, executionRate: '0.00' });
    await expect(
      importMonitoringFile(ctx, fixture.actors.unit_filler, { reportId, fileName: 'again.xls', bytes }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('refuses a file with no monitoring sheet', async () => {
    const { actors } = fixture;
    const declarationId = await seedDeclaration(ctx.db, {
      organizationId: fixture.organizations.unit,
      createdBy: actors.unit_filler.userId,
      form: declarationForm('另一个项目', 2019),
    });
    const [round] = await ctx.db.selectFrom('monitoring_rounds').select('id').execute();
    const other = await createMonitoringReport(ctx, actors.unit_filler, { roundId: round?.id ?? '', declarationId });
    await expect(
      importMonitoringFile(ctx, actors.unit_filler, {
        reportId: other.id,
        fileName: 'note.txt',
        bytes: new TextEncoder().encode('这不是监控表'),
      }),
    ).rejects.toMatchObject({ status: expect.any(Number) });
  });
});
