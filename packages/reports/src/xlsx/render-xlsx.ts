import {
  type EvaluationForm,
  type EvaluationResult,
  GRADE_LABELS,
  parseScoreCell,
  SEVERITY_LABELS,
} from '@jixiao/core';
import ExcelJS from 'exceljs';
import { FORM_COLUMNS, type LayoutCell, layoutFormTable } from '../layout/form-table.ts';

const FONT = { name: '仿宋', size: 11 } as const;
const BORDER = { style: 'thin', color: { argb: 'FF000000' } } as const;
const COLUMN_WIDTHS = [9, 12, 13, 30, 12, 12, 8, 8, 24];

const columnLetter = (col: number): string => String.fromCharCode(65 + col);

/** Width of text in Excel's column units: a CJK character takes two. */
const textWidth = (text: string): number =>
  [...text].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/** Lines a wrapped cell needs at a given width; Excel does not grow rows for merged cells, so we set heights. */
const linesNeeded = (text: string, width: number): number =>
  text
    .split('\n')
    .reduce((lines, line) => lines + Math.max(1, Math.ceil((textWidth(line) * 1.1) / Math.max(width - 1, 1))), 0);

/** A cell's value for the sheet: numbers as numbers (amounts, weights, scores; rates as fractions), text as text. */
const sheetValue = (cell: LayoutCell): string | number | null => {
  if (cell.text.trim() === '') return null;
  if (cell.role === 'amount' || cell.role === 'score') {
    const parsed = parseScoreCell(cell.text);
    return parsed.ok && parsed.value !== null ? Number(parsed.value) : cell.text;
  }
  if (cell.role === 'rate') {
    const match = cell.text.trim().match(/^(\d+(?:\.\d+)?)\s*[%％]$/u);
    return match?.[1] ? Number(match[1]) / 100 : cell.text;
  }
  return cell.text;
};

const officialSheet = (workbook: ExcelJS.Workbook, form: EvaluationForm): void => {
  const sheet = workbook.addWorksheet('项目支出绩效自评表', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    },
    views: [{ showGridLines: false }],
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  const title = sheet.addRow(['项目支出绩效自评表']);
  sheet.mergeCells(1, 1, 1, FORM_COLUMNS);
  title.getCell(1).font = { name: '方正小标宋简体', size: 18, bold: true };
  title.getCell(1).alignment = { horizontal: 'center' };
  const year = sheet.addRow([`（${form.fiscalYear ?? '　　'}年度）`]);
  sheet.mergeCells(2, 1, 2, FORM_COLUMNS);
  year.getCell(1).alignment = { horizontal: 'center' };
  const offset = 3; // sheet rows are 1-based and two title rows come first
  const layout = layoutFormTable(form);
  const at = (cell: Pick<LayoutCell, 'row' | 'col'>) => sheet.getCell(cell.row + offset, cell.col + 1);
  const byField = new Map(layout.cells.filter((cell) => cell.field).map((cell) => [cell.field, cell]));
  const address = (field: LayoutCell['field']) => {
    const cell = byField.get(field);
    return cell ? `${columnLetter(cell.col)}${cell.row + offset}` : null;
  };
  for (const cell of layout.cells) {
    const target = at(cell);
    target.value = sheetValue(cell);
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        sheet.getCell(r + offset, c + 1).border = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
      }
    }
    if (cell.rowSpan > 1 || cell.colSpan > 1) {
      sheet.mergeCells(cell.row + offset, cell.col + 1, cell.row + offset + cell.rowSpan - 1, cell.col + cell.colSpan);
    }
    target.font = cell.role === 'label' || cell.role === 'header' ? { ...FONT, bold: cell.role === 'header' } : FONT;
    target.alignment = {
      vertical: 'middle',
      horizontal: cell.role === 'text' && cell.col >= 3 ? 'left' : 'center',
      wrapText: true,
    };
    if (cell.role === 'amount') target.numFmt = '0.00';
    if (cell.role === 'score') target.numFmt = '0.00';
    if (cell.role === 'rate') target.numFmt = '0.00%';
  }
  // 执行率 and 得分 as formulas of the amounts, so the sheet recomputes when a clerk corrects a figure.
  const [budget, adjusted, executed, weight, rate, score] = [
    address('budgetInitial'),
    address('budgetAdjusted'),
    address('executed'),
    address('executionWeight'),
    address('executionRate'),
    address('executionScore'),
  ];
  const statedRate = byField.get('executionRate');
  if (budget && adjusted && executed && rate && statedRate && typeof sheetValue(statedRate) === 'number') {
    const rateCell = sheet.getCell(rate);
    rateCell.value = {
      formula: `IF(${adjusted}>0,${executed}/${adjusted},${executed}/${budget})`,
      result: sheetValue(statedRate) as number,
    };
  }
  const totalScore = byField.get('totalScore');
  const total = address('totalScore');
  if (score && total && totalScore && typeof sheetValue(totalScore) === 'number') {
    const first = layout.firstIndicatorRow + offset;
    const last = layout.lastIndicatorRow + offset;
    sheet.getCell(total).value = {
      formula: `${score}+SUM(H${first}:H${last})`,
      result: sheetValue(totalScore) as number,
    };
  }
  if (weight) sheet.getCell(weight).numFmt = '0';
  const heights = new Map<number, number>();
  for (const cell of layout.cells) {
    const width = COLUMN_WIDTHS.slice(cell.col, cell.col + cell.colSpan).reduce(
      (sum, columnWidth) => sum + columnWidth,
      0,
    );
    const lines = Math.ceil(linesNeeded(cell.text, width) / cell.rowSpan);
    heights.set(cell.row, Math.max(heights.get(cell.row) ?? 1, lines));
  }
  for (const [row, lines] of heights) sheet.getRow(row + offset).height = Math.max(18, lines * 15);
  sheet.pageSetup.printArea = `A1:I${layout.rows + offset - 1}`;
  sheet.pageSetup.margins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  sheet.headerFooter.oddFooter = '第 &P 页，共 &N 页';
};

/** The engine's reading beside the form as filed: every indicator's points and explanation, and the findings. */
const reviewSheet = (workbook: ExcelJS.Workbook, form: EvaluationForm, result: EvaluationResult): void => {
  const sheet = workbook.addWorksheet('复核结果');
  sheet.columns = [
    { header: '三级指标', width: 34 },
    { header: '分值', width: 8 },
    { header: '填报得分', width: 10 },
    { header: '复核得分', width: 10 },
    { header: '计分依据', width: 18 },
    { header: '说明', width: 80 },
  ];
  sheet.addRow([
    '预算执行率',
    result.execution.weight,
    null,
    result.execution.points,
    result.execution.explanation.rule,
    result.execution.explanation.text,
  ]);
  for (const item of result.indicators.filter((indicator) => !indicator.placeholder)) {
    sheet.addRow([
      form.indicators[item.index]?.name ?? '',
      item.weight,
      item.statedScore,
      item.points,
      item.explanation.rule,
      item.explanation.text,
    ]);
  }
  sheet.addRow([
    '合计',
    null,
    result.statedTotal,
    result.totalScore,
    result.ruleSet,
    `等级：${GRADE_LABELS[result.grade]}${result.provisional ? '（暂定）' : ''}`,
  ]);
  sheet.addRow([]);
  sheet.addRow(['审核发现', '级别', '代码', null, '位置', '说明']);
  for (const finding of result.findings) {
    sheet.addRow([null, SEVERITY_LABELS[finding.severity], finding.code, null, finding.where, finding.message]);
  }
  sheet.getRow(1).font = { bold: true };
  for (const column of [2, 3, 4]) sheet.getColumn(column).numFmt = '0.00';
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
};

/** The 自评表 in the official layout (sheet 1) and the engine's review (sheet 2), as .xlsx bytes. */
export const renderXlsx = async (form: EvaluationForm, result: EvaluationResult): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jixiao 绩效';
  officialSheet(workbook, form);
  reviewSheet(workbook, form, result);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};
