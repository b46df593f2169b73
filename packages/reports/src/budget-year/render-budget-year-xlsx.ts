import ExcelJS from 'exceljs';
import type { BudgetCell, BudgetLayout } from './budget-year-layout.ts';
import { type DeclarationDocumentInput, declarationLayout } from './declaration-layout.ts';
import { type MonitoringDocumentInput, monitoringLayout } from './monitoring-layout.ts';

const BODY_FONT = { name: '仿宋', size: 11 } as const;
const LABEL_FONT = { name: '宋体', size: 11, bold: true } as const;
const TITLE_FONT = { name: '方正小标宋简体', size: 18, bold: true } as const;
const BORDER = { style: 'thin', color: { argb: 'FF000000' } } as const;
const TITLE_ROWS = 3;

/** Width of text in Excel's column units: a CJK character takes two. */
const textWidth = (text: string): number =>
  [...text].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/** Excel does not grow rows for merged or wrapped cells on open, so row heights are set from the text. */
const linesNeeded = (text: string, width: number): number =>
  text
    .split('\n')
    .reduce((lines, line) => lines + Math.max(1, Math.ceil((textWidth(line) * 1.1) / Math.max(width - 1, 1))), 0);

/**
 * Amounts as numbers where the number says exactly what was written ("190", "27.75"); "190.00" or "27.75万" stay
 * text, so that what the unit wrote is what the sheet holds and what an import reads back.
 */
const sheetValue = (cell: BudgetCell): string | number | null => {
  if (cell.text === '') return null;
  const text = cell.text.trim();
  if (cell.role === 'amount' && /^-?\d{1,12}(\.\d{1,6})?$/u.test(text) && String(Number(text)) === text) {
    return Number(text);
  }
  return cell.text;
};

const renderLayout = async (layout: BudgetLayout, sheetName: string): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jixiao';
  const columns = layout.widths.length;
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    views: [{ showGridLines: false }],
  });
  sheet.columns = layout.widths.map((width) => ({ width }));
  const heading = (row: number, text: string, font: Partial<ExcelJS.Font>, horizontal: 'center' | 'right') => {
    sheet.mergeCells(row, 1, row, columns);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal, vertical: 'middle' };
  };
  heading(1, layout.title, TITLE_FONT, 'center');
  sheet.getRow(1).height = 32;
  heading(2, layout.subtitle, { ...BODY_FONT, size: 12 }, 'center');
  heading(3, layout.note, BODY_FONT, 'right');
  const heights = new Map<number, number>();
  for (const cell of layout.cells) {
    const row = cell.row + TITLE_ROWS + 1;
    const col = cell.col + 1;
    for (let r = row; r < row + cell.rowSpan; r++) {
      for (let c = col; c < col + cell.colSpan; c++) {
        sheet.getCell(r, c).border = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
      }
    }
    if (cell.rowSpan > 1 || cell.colSpan > 1)
      sheet.mergeCells(row, col, row + cell.rowSpan - 1, col + cell.colSpan - 1);
    const target = sheet.getCell(row, col);
    target.value = sheetValue(cell);
    target.font = cell.role === 'label' || cell.role === 'header' ? LABEL_FONT : BODY_FONT;
    const left = cell.role === 'text' && textWidth(cell.text) > 16;
    target.alignment = { horizontal: left ? 'left' : 'center', vertical: 'middle', wrapText: true };
    const width = layout.widths.slice(cell.col, cell.col + cell.colSpan).reduce((sum, each) => sum + each, 0);
    const lines = Math.ceil(linesNeeded(cell.text, width) / cell.rowSpan);
    heights.set(row, Math.max(heights.get(row) ?? 1, lines));
  }
  for (const [row, lines] of heights) sheet.getRow(row).height = Math.max(20, lines * 15 + 5);
  sheet.pageSetup.printArea = `A1:${String.fromCharCode(64 + columns)}${layout.rows + TITLE_ROWS}`;
  sheet.pageSetup.printTitlesRow = '1:3';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};

/** The 项目支出绩效目标申报表 as an Excel workbook in the official layout (A4 landscape, 仿宋 / 宋体, borders). */
export const renderDeclarationXlsx = (input: DeclarationDocumentInput): Promise<Uint8Array> =>
  renderLayout(declarationLayout(input), '项目支出绩效目标申报表');

/** The 项目支出绩效目标执行监控表 as an Excel workbook in the budget system's layout. */
export const renderMonitoringXlsx = (input: MonitoringDocumentInput): Promise<Uint8Array> =>
  renderLayout(monitoringLayout(input), '项目支出绩效目标执行监控');
