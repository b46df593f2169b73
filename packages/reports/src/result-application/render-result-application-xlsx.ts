import { RESULT_DECISION_LABELS, type ResultApplicationYear, signedAdjustmentPercent } from '@jixiao/core';
import ExcelJS from 'exceljs';

const FONT = { name: '仿宋', size: 11 } as const;
const BORDER = { style: 'thin', color: { argb: 'FF000000' } } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

export const RESULT_APPLICATION_COLUMNS = [
  '序号',
  '单位',
  '项目名称',
  '自评得分',
  '等级',
  '建议应用方式',
  '决定应用方式',
  '调整比例',
  '理由',
] as const;
const COLUMN_WIDTHS = [6, 28, 32, 10, 6, 30, 12, 10, 40];
/** Title, policy, counts, then the column header: the rows that stay in view and print on every page. */
export const RESULT_APPLICATION_HEADER_ROW = 4;

export const resultApplicationTitle = (fiscalYear: number): string => `${fiscalYear} 年度项目支出绩效评价结果应用表`;

export const resultApplicationFileName = (fiscalYear: number): string =>
  `${fiscalYear}年度项目支出绩效评价结果应用表.xlsx`;

const mergedLine = (sheet: ExcelJS.Worksheet, text: string, font: Partial<ExcelJS.Font>, height: number) => {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, RESULT_APPLICATION_COLUMNS.length);
  row.height = height;
  row.getCell(1).font = font;
  row.getCell(1).alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
  return row;
};

/**
 * The 结果应用表 the bureau sends to the budget department: one row per result of the year (unit, project, 复核
 * score, grade, what the policy suggests, what was decided, the signed adjustment, the reason), under a head
 * that states the policy. Frozen header, A4 landscape fitted to one page wide, header rows repeated on print.
 */
export const renderResultApplicationXlsx = async (year: ResultApplicationYear): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效自评系统';
  const sheet = workbook.addWorksheet('结果应用表', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${RESULT_APPLICATION_HEADER_ROW}:${RESULT_APPLICATION_HEADER_ROW}`,
    },
    views: [{ state: 'frozen', ySplit: RESULT_APPLICATION_HEADER_ROW, showGridLines: false }],
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));

  const title = mergedLine(sheet, resultApplicationTitle(year.fiscalYear), { name: '方正小标宋简体', size: 18 }, 32);
  title.getCell(1).alignment = { vertical: 'middle', horizontal: 'center' };
  const source = year.policy.isDefault ? '（财政局尚未设定，按默认政策）' : '';
  mergedLine(sheet, `结果应用政策${source}：${year.policy.summary.join('；')}`, FONT, 36);
  const decided = year.rows.filter((row) => row.decision !== null).length;
  mergedLine(
    sheet,
    `申诉期限：${year.policy.appealPeriodDays} 天　　评价项目 ${year.rows.length} 个，已决定 ${decided} 个，待决定 ${year.rows.length - decided} 个`,
    FONT,
    20,
  );

  const header = sheet.addRow([...RESULT_APPLICATION_COLUMNS]);
  header.height = 24;
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });

  year.rows.forEach((row, index) => {
    const decision = row.decision;
    const signed = decision ? signedAdjustmentPercent(decision.decision, decision.adjustmentPercent) : 0;
    const added = sheet.addRow([
      index + 1,
      row.organizationName,
      row.projectName,
      row.totalScore,
      row.gradeLabel ?? '',
      row.suggestion?.text ?? '',
      decision ? RESULT_DECISION_LABELS[decision.decision] : '待决定',
      signed === 0 ? null : signed / 100,
      decision?.reason || null,
    ]);
    added.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.font = FONT;
      cell.alignment = {
        vertical: 'middle',
        horizontal: [1, 4, 5, 7, 8].includes(column) ? 'center' : 'left',
        wrapText: true,
      };
    });
    added.getCell(4).numFmt = '0.00';
    added.getCell(8).numFmt = '+0%;-0%;0%';
  });

  for (let rowNumber = RESULT_APPLICATION_HEADER_ROW; rowNumber <= sheet.rowCount; rowNumber++) {
    for (let column = 1; column <= RESULT_APPLICATION_COLUMNS.length; column++) {
      sheet.getCell(rowNumber, column).border = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};
