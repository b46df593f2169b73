import { evaluate, findRuleSet } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { testDatabaseKinds } from '@jixiao/db/testing';
import { renderDocx } from '@jixiao/reports';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceFixture, type ServiceFixture } from '../../testing/service-fixtures.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { type BulkAuditRunner, createBulkAuditRunner } from './bulk-audit-runner.ts';
import type { BulkAuditDetail } from './bulk-audit-view.ts';
import { getBulkAudit } from './get-bulk-audit.ts';
import { renderBulkAuditSummary } from './render-bulk-audit-summary.ts';
import { startBulkAudit } from './start-bulk-audit.ts';

const ruleSet = findRuleSet('national-2020');
if (!ruleSet) throw new Error('national-2020 missing');

/**
 * One report sent three times (as JSON, the same JSON again under another name, and as Word), another report, a
 * photo and random bytes named .docx.
 */
const makeZip = async (): Promise<Uint8Array> => {
  const form = generateForm(11);
  const other = { ...generateForm(12), projectName: '另一个项目' };
  const json = strToU8(JSON.stringify(form));
  return zipSync({
    '甲单位/征收经费.json': json,
    '甲单位/征收经费（再次报送）.json': json,
    '乙单位/征收经费.docx': await renderDocx(form, evaluate(form, ruleSet)),
    '乙单位/另一个项目.json': strToU8(JSON.stringify(other)),
    '照片.png': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    '损坏.docx': Uint8Array.from({ length: 2048 }, (_, index) => (index * 7919) % 256),
  });
};

const settled = async (ctx: ServiceContext, actor: Actor, id: string): Promise<BulkAuditDetail> => {
  for (const started = Date.now(); Date.now() - started < 120_000; ) {
    const job = await getBulkAudit(ctx, actor, id);
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not end`);
};

describe.each(testDatabaseKinds())(
  'a bulk audit of a zip with duplicates and a file that is not a report on %s',
  (kind) => {
    let fixture: ServiceFixture;
    let runner: BulkAuditRunner;
    let reviewer: Actor;
    let finished: BulkAuditDetail;

    beforeAll(async () => {
      fixture = await createServiceFixture(kind);
      runner = createBulkAuditRunner(fixture.ctx, { jobs: 1 });
      reviewer = fixture.actors.finance_reviewer;
      const queued = await startBulkAudit(fixture.ctx, runner, reviewer, {
        fileName: '重复报送.zip',
        bytes: await makeZip(),
      });
      // The photo is not a report: it is not audited, so it is not among the files to go through.
      expect(queued).toMatchObject({ status: 'queued', total: 5 });
      finished = await settled(fixture.ctx, reviewer, queued.id);
    });

    afterAll(async () => {
      await runner.close();
      await fixture.close();
    });

    it('marks each later copy with the report it repeats, by its bytes or by its unit, project and year', () => {
      const summary = finished.summary;
      if (!summary) throw new Error('no summary');
      expect(summary.rows.map(({ file, duplicateOf }) => [file, duplicateOf])).toEqual([
        ['乙单位/另一个项目.json', null],
        ['乙单位/征收经费.docx', null],
        ['甲单位/征收经费.json', { file: '乙单位/征收经费.docx', formIndex: 1, reason: 'same-report' }],
        ['甲单位/征收经费（再次报送）.json', { file: '甲单位/征收经费.json', formIndex: 1, reason: 'same-bytes' }],
      ]);
      expect(summary.duplicates).toBe(2);
    });

    it('lists the file that is not a report and the unreadable one as skipped, with the reasons in Chinese', () => {
      const summary = finished.summary;
      if (!summary) throw new Error('no summary');
      expect(summary).toMatchObject({ files: 6, forms: 4, read: 4, failed: 2 });
      expect(summary.failures).toEqual([
        {
          file: '损坏.docx',
          formIndex: null,
          code: expect.any(String),
          reason: expect.stringMatching(/^损坏\.docx：\p{Script=Han}/u),
        },
        {
          file: '照片.png',
          formIndex: null,
          code: 'UNSUPPORTED_FORMAT',
          reason: expect.stringMatching(/^照片\.png：\.png 文件不是可审核的自评报告格式，已跳过/u),
        },
      ]);
    });

    it('names duplicates and skipped files in the workbook, in Chinese', async () => {
      const workbook = await renderBulkAuditSummary(fixture.ctx, reviewer, finished.id, 'summary.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(workbook.bytes) as unknown as ArrayBuffer);
      const reports = book.getWorksheet('汇总');
      if (!reports) throw new Error('no 汇总');
      const header = (reports.getRow(1).values as unknown[]).map(String);
      const duplicates = (reports.getRows(2, reports.rowCount - 1) ?? []).map(
        (row) => row.getCell(header.indexOf('重复')).text,
      );
      expect(duplicates).toEqual([
        '',
        '',
        '重复：与“乙单位/征收经费.docx”是同一单位、同一项目、同一年度的自评表',
        '重复：与“甲单位/征收经费.json”内容完全相同',
      ]);
      const skipped = book.getWorksheet('已跳过');
      expect((skipped?.getRows(2, 2) ?? []).map((row) => [row.getCell(1).text, row.getCell(3).text])).toEqual([
        ['损坏.docx', expect.stringMatching(/^损坏\.docx：/u)],
        ['照片.png', expect.stringContaining('已跳过')],
      ]);
      const counts = book.getWorksheet('概况');
      const values = Object.fromEntries(
        (counts?.getRows(2, (counts?.rowCount ?? 1) - 1) ?? []).map((row) => [
          row.getCell(1).text,
          row.getCell(2).value,
        ]),
      );
      expect(values).toMatchObject({ '已跳过的文件（个）': 2, '重复的表（张）': 2 });
    });
  },
);
