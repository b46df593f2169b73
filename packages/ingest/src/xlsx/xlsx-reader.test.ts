import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readReport } from '../read-report.ts';

const fixture = (path: string) => fileURLToPath(new URL(`../../../../fixtures/${path}`, import.meta.url));

const readFixture = async (path: string) => readReport({ bytes: await readFile(fixture(path)), fileName: path });

describe('reading .xlsx', () => {
  it('finds the 自评表 among the sheets of a budget-system export and reads merged cells once', async () => {
    const result = await readFixture('xlsx/budget-system-export.xlsx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { form, format } = result.report;
    expect(format).toBe('xlsx');
    expect(form.projectName).toBe('社区居家养老服务补贴');
    expect(form.department).toBe('长沙市雨花区民政局');
    expect(form.implementingUnit).toBe('雨花区各街道办事处');
    expect(form.funds.total).toEqual({ initialBudget: '860', adjustedBudget: '900', executed: '846' });
    expect(form.funds.statedExecutionRate).toBe('94%');
    expect(form.funds.statedExecutionScore).toBe('9.4');
    expect(form.annualGoal.expected).toContain('不少于3200名');
    expect(form.annualGoal.actual).toContain('3315名');
    expect(form.indicators.map((row) => [row.level1, row.level2, row.name, row.target, row.actual])).toEqual([
      ['output', 'quantity', '补贴发放人数（人）', '≥3200', '3315'],
      ['output', 'quality', '补贴对象认定准确率', '100%', '100%'],
      ['output', 'timeliness', '补贴按季度发放及时率', '95%', '100%'],
      ['output', 'cost', '人均年补贴标准（元）', '≤2700', '2552'],
      ['outcome', 'social', '老年人居家生活质量', '明显提升', '明显提升'],
      ['satisfaction', 'serviceSatisfaction', '服务对象满意度', '90%', '96%'],
    ]);
    expect(form.declaredLevel1Weights).toEqual({ output: '50', outcome: '30', satisfaction: '10' });
    expect(form.statedTotal).toEqual({ weight: '100', score: '99.4' });
  });

  it('reports a #REF! cell as a warning and keeps reading; a template row stays for the audit', async () => {
    const result = await readFixture('xlsx/ref-error-template.xlsx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.warnings).toEqual([expect.objectContaining({ code: 'ERROR_CELL', where: '自评表!E6' })]);
    expect(result.report.warnings[0]?.message).toContain('#REF!');
    expect(result.report.form.indicators.map((row) => row.name)).toContain('指标1');
  });

  it('says what a workbook without the form holds', async () => {
    const workbook = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="收支表" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>收入</t></is></c></row></sheetData></worksheet>',
      ),
    });
    const result = await readReport({ bytes: workbook, fileName: 'book.xlsx' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('UNKNOWN_LAYOUT');
      expect(result.error.message).toContain('“收支表”');
    }
  });

  it('refuses a zip bomb and an entity declaration in a sheet', async () => {
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    const bombed = await readReport({ bytes: bomb, fileName: 'bomb.xlsx' });
    expect(bombed.ok || bombed.error.code).toBe('HOSTILE_FILE');
    const xxe = zipSync({
      'xl/workbook.xml': strToU8('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook>&e;</workbook>'),
    });
    const entity = await readReport({ bytes: xxe, fileName: 'xxe.xlsx' });
    expect(entity.ok || entity.error.message).toContain('DTD');
  });

  it('reads a .docx named .xlsx as the Word document it is', async () => {
    const result = await readReport({
      bytes: await readFile(fixture('docx/kaifu-2022.docx')),
      fileName: 'renamed.xlsx',
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.report.format).toBe('docx');
      expect(result.report.form.projectName).toBe('征收工作经费');
    }
  });
});

describe('reading legacy .xls (BIFF8)', () => {
  it('reads the same export saved as Excel 97–2003 into the same form as the .xlsx', async () => {
    const xls = await readFixture('xls/budget-system-export.xls');
    const xlsx = await readFixture('xlsx/budget-system-export.xlsx');
    expect(xls.ok && xlsx.ok).toBe(true);
    if (!xls.ok || !xlsx.ok) return;
    expect(xls.report.format).toBe('xls');
    const { form } = xls.report;
    expect(form.projectName).toBe('社区居家养老服务补贴');
    expect(form.funds).toEqual(xlsx.report.form.funds);
    expect(form.indicators).toEqual(xlsx.report.form.indicators);
    expect(form.statedTotal).toEqual(xlsx.report.form.statedTotal);
    expect(form.annualGoal).toEqual(xlsx.report.form.annualGoal);
  });

  it('refuses a damaged OLE file named .xls with a clear error', async () => {
    const broken = new Uint8Array(2048);
    broken.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const result = await readReport({ bytes: broken, fileName: 'broken.xls' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['HOSTILE_FILE', 'UNSUPPORTED_FORMAT']).toContain(result.error.code);
  });
});
