import {
  DEFAULT_RESULT_APPLICATION_POLICY,
  policySummaryLines,
  type ResultApplicationRow,
  type ResultApplicationYear,
  suggestion,
} from '@jixiao/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  RESULT_APPLICATION_COLUMNS,
  RESULT_APPLICATION_HEADER_ROW,
  renderResultApplicationXlsx,
} from '../src/result-application/render-result-application-xlsx.ts';

const rules = DEFAULT_RESULT_APPLICATION_POLICY.rules;

const row = (overrides: Partial<ResultApplicationRow>): ResultApplicationRow => ({
  evaluationId: 'e',
  organizationId: 'o',
  organizationName: '开福区城市房屋征收和补偿管理办公室',
  projectName: '征收工作经费',
  status: 'published',
  totalScore: 92.5,
  grade: 'excellent',
  gradeLabel: '优',
  suggestion: suggestion('excellent', rules),
  decision: null,
  ...overrides,
});

const decision = (
  value: NonNullable<ResultApplicationRow['decision']>['decision'],
  adjustmentPercent: number | null,
  reason = '',
): ResultApplicationRow['decision'] => ({
  decision: value,
  decisionLabel: '',
  adjustmentPercent,
  suggestionText: '',
  reason,
  departures: [],
  decidedBy: 'u',
  decidedByName: '财政局',
  decidedAt: '2024-03-01T00:00:00.000Z',
});

const year: ResultApplicationYear = {
  fiscalYear: 2022,
  years: [2022],
  canEdit: true,
  policy: {
    fiscalYear: 2022,
    rules,
    appealPeriodDays: 15,
    isDefault: false,
    summary: policySummaryLines(rules),
    updatedBy: 'u',
    updatedAt: '2024-01-01T00:00:00.000Z',
  },
  rows: [
    row({ decision: decision('increase', 10) }),
    row({
      projectName: '老旧小区改造',
      totalScore: 65,
      grade: 'poor',
      gradeLabel: '差',
      suggestion: suggestion('poor', rules),
      decision: decision('cancel', null, '项目已完成，不再安排'),
    }),
    row({
      projectName: '学校维修',
      organizationName: '开福区教育事务中心',
      totalScore: 78,
      grade: 'fair',
      gradeLabel: '中',
      suggestion: suggestion('fair', rules),
    }),
  ],
};

const read = async (bytes: Uint8Array): Promise<ExcelJS.Worksheet> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('结果应用表');
  if (!sheet) throw new Error('sheet missing');
  return sheet;
};

describe('结果应用表 (xlsx)', () => {
  it('reads back: title, policy, header, one row per project with its values', async () => {
    const sheet = await read(await renderResultApplicationXlsx(year));
    expect(sheet.getCell('A1').value).toBe('2022 年度项目支出绩效评价结果应用表');
    expect(String(sheet.getCell('A2').value)).toContain('优：保持或增加不超过 10%（优先保障）');
    expect(String(sheet.getCell('A3').value)).toContain('申诉期限：15 天');
    expect(String(sheet.getCell('A3').value)).toContain('已决定 2 个，待决定 1 个');
    const header = sheet.getRow(RESULT_APPLICATION_HEADER_ROW).values as unknown[];
    expect(header.slice(1)).toEqual([...RESULT_APPLICATION_COLUMNS]);
    const values = (offset: number) =>
      (sheet.getRow(RESULT_APPLICATION_HEADER_ROW + offset).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      1,
      '开福区城市房屋征收和补偿管理办公室',
      '征收工作经费',
      92.5,
      '优',
      '保持或增加不超过 10%（优先保障）',
      '增加',
      0.1,
    ]);
    expect(values(2)).toEqual([
      2,
      '开福区城市房屋征收和补偿管理办公室',
      '老旧小区改造',
      65,
      '差',
      '压减不少于 30%或取消',
      '取消',
      -1,
      '项目已完成，不再安排',
    ]);
    expect(values(3)).toEqual([3, '开福区教育事务中心', '学校维修', 78, '中', '压减不超过 20%', '待决定']);
    expect(sheet.rowCount).toBe(RESULT_APPLICATION_HEADER_ROW + 3);
  });

  it('is set up for print and reading: frozen header, widths, landscape fitted to width, Chinese font', async () => {
    const sheet = await read(await renderResultApplicationXlsx(year));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: RESULT_APPLICATION_HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(30);
    expect(sheet.getCell('B5').font?.name).toBe('仿宋');
    expect(sheet.getCell('H5').numFmt).toBe('+0%;-0%;0%');
  });

  it('says so when the default policy applies, and holds a year without results', async () => {
    const sheet = await read(
      await renderResultApplicationXlsx({ ...year, rows: [], policy: { ...year.policy, isDefault: true } }),
    );
    expect(String(sheet.getCell('A2').value)).toContain('按默认政策');
    expect(sheet.rowCount).toBe(RESULT_APPLICATION_HEADER_ROW);
  });
});
