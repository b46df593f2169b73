import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EvaluationForm, evaluate, narrativeBlocks } from '@jixiao/core';
import { generateForm } from '@jixiao/core/testing';
import { readReport } from '@jixiao/ingest';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { contentDisposition, documentFileName, PdfRenderer, renderDocx, renderHtml, renderXlsx } from '../src/index.ts';

const seedPath = fileURLToPath(new URL('../../../fixtures/seed/kaifu-2022.txt', import.meta.url));

const readSeed = async (): Promise<EvaluationForm> => {
  const result = await readReport({ bytes: readFileSync(seedPath), fileName: 'kaifu-2022.txt' });
  if (!result.ok) throw new Error(result.error.message);
  return result.report.form;
};

const readBack = async (bytes: Uint8Array, fileName: string): Promise<EvaluationForm> => {
  const result = await readReport({ bytes, fileName });
  if (!result.ok) throw new Error(result.error.message);
  return result.report.form;
};

const tableOf = (form: EvaluationForm) => ({
  projectName: form.projectName,
  department: form.department,
  implementingUnit: form.implementingUnit,
  total: form.funds.total,
  currentAppropriation: form.funds.currentAppropriation,
  executionWeight: form.funds.executionWeight,
  annualGoal: form.annualGoal,
  declaredLevel1Weights: form.declaredLevel1Weights,
  indicators: form.indicators.map((row) => [
    row.level1,
    row.level2,
    row.name,
    row.target,
    row.actual,
    row.weight,
    row.statedScore,
    row.deviationNote,
  ]),
  statedTotalWeight: form.statedTotal.weight,
});

/** A narrative body's table rows, each with adjacent repeats collapsed (a spanned cell read back once per column). */
const narrativeRows = (body: string): string[][] =>
  narrativeBlocks(body).flatMap((block) =>
    block.kind === 'table'
      ? block.rows.map((row) =>
          row.cells.map((cell) => cell.text).filter((text, index, texts) => index === 0 || texts[index - 1] !== text),
        )
      : [],
  );

describe('documents of the seed evaluation', async () => {
  const form = await readSeed();
  const result = evaluate(form);

  it('names files as users do, with a correct Content-Disposition', () => {
    // Led by the unit, so two units' 征收工作经费 downloads do not overwrite each other.
    expect(documentFileName(form, 'report', 'docx')).toBe(
      '开福区城市房屋征收和补偿管理办公室_2022年度征收工作经费项目支出绩效自评报告.docx',
    );
    expect(documentFileName(form, 'table', 'xlsx', '岳麓区征收事务中心')).toBe(
      '岳麓区征收事务中心_2022年度征收工作经费项目支出绩效自评表.xlsx',
    );
    expect(documentFileName({ ...form, implementingUnit: '', department: '' }, 'table', 'xlsx')).toBe(
      '2022年度征收工作经费项目支出绩效自评表.xlsx',
    );
    expect(contentDisposition('2022年度征收工作经费项目支出绩效自评报告.pdf')).toBe(
      `attachment; filename="2022.pdf"; filename*=UTF-8''${encodeURIComponent('2022年度征收工作经费项目支出绩效自评报告.pdf')}`,
    );
    expect(contentDisposition('报告.pdf')).toContain('filename="report.pdf"');
  });

  it('writes a .docx whose text and table cells read back as the same form', async () => {
    const bytes = await renderDocx(form, result);
    const back = await readBack(bytes, 'report.docx');
    expect(tableOf(back)).toEqual(tableOf(form));
    expect(back.funds.statedExecutionRate).toBe('73.03%');
    expect(back.narrative.sections.map((section) => section.heading)).toEqual(
      form.narrative.sections.map((section) => section.heading),
    );
    expect(back.narrative.title).toBe(form.narrative.title);
    // The funds table inside section 二 is written as a Word table (short rows spanning to its width) and read back
    // row by row; the reader repeats a spanned cell's text in each grid column, as it does for the 自评表.
    expect(narrativeRows(back.narrative.sections[1]?.body ?? '')).toEqual(
      narrativeRows(form.narrative.sections[1]?.body ?? ''),
    );
    expect(narrativeRows(form.narrative.sections[1]?.body ?? '')).toContainEqual(['合计', '38', '27.75']);
    const documentXml = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
    expect(documentXml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(documentXml).toContain('w:eastAsia="方正小标宋简体"');
    expect(documentXml).toContain('w:vMerge');
    expect(documentXml).toContain('w:gridSpan');
    expect(documentXml).toMatch(/w:pgMar w:top="2098"/u);
  });

  it('writes an .xlsx in the official layout: merges, borders, number formats, formulas, print setup', async () => {
    const bytes = await renderXlsx(form, result);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('项目支出绩效自评表');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const find = (text: string) => {
      let found: ExcelJS.Cell | undefined;
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (!found && cell.value === text) found = cell;
        }),
      );
      if (!found) throw new Error(`no cell ${text}`);
      return found;
    };
    const totalRow = find('年度资金总额').row;
    const initial = sheet.getCell(Number(totalRow), 4);
    expect(initial.value).toBe(38);
    expect(initial.numFmt).toBe('0.00');
    const rate = sheet.getCell(Number(totalRow), 8);
    expect(rate.numFmt).toBe('0.00%');
    expect(rate.formula).toMatch(/F\d+\/E\d+/u);
    const total = sheet.getCell(Number(find('总分').row), 8);
    expect(total.formula).toMatch(/^I\d+\+SUM\(H\d+:H\d+\)$/u);
    expect(sheet.model.merges.length).toBeGreaterThan(15);
    expect(initial.border.top?.style).toBe('thin');
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    expect(sheet.pageSetup.printArea).toMatch(/^A1:I\d+$/u);
    expect(workbook.getWorksheet('复核结果')?.getCell('D2').value).toBe(7.3);
    const back = await readBack(bytes, 'table.xlsx');
    expect(tableOf(back)).toEqual(tableOf(form));
  });

  it('renders a PDF whose Chinese is real, selectable text', async () => {
    const renderer = new PdfRenderer();
    try {
      const pdf = await renderer.render(renderHtml(form, result));
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
      writeFileSync(join(dir, 'report.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-']).toString();
      for (const words of [
        '单位基本情况',
        '存在的问题及原因分析',
        '项目支出绩效自评表',
        '征收工作经费',
        '开福区城市房屋征收和补偿管理办公室',
        '73.03%',
      ]) {
        expect(text.replace(/ +/gu, ' ')).toContain(words);
      }
      expect(text).toMatch(/—\s*1\s*—/u);
    } finally {
      await renderer.close();
    }
  });
});

describe('round trip over generated forms', () => {
  it('export to .docx then import gives back the same form', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        const form = generateForm(seed);
        const back = await readBack(await renderDocx(form, evaluate(form)), 'generated.docx');
        expect(tableOf(back)).toEqual(tableOf(form));
      }),
      { numRuns: 25 },
    );
  });

  it('export to .xlsx then import gives back the same form', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        const form = generateForm(seed);
        const back = await readBack(await renderXlsx(form, evaluate(form)), 'generated.xlsx');
        expect(tableOf(back)).toEqual(tableOf(form));
      }),
      { numRuns: 25 },
    );
  });
});
