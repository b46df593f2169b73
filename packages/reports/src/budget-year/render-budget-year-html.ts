import { escapeHtml } from '../html/escape-html.ts';
import type { BudgetCell, BudgetLayout } from './budget-year-layout.ts';
import { type DeclarationDocumentInput, declarationLayout } from './declaration-layout.ts';
import { type MonitoringDocumentInput, monitoringLayout } from './monitoring-layout.ts';

/** Cell text with its line breaks kept. */
const cellHtml = (text: string): string => escapeHtml(text).replace(/\r?\n/gu, '<br>');

/**
 * A long vertical merge (an 一级指标 over many rows) printed as one cell per row, borders between them left out:
 * Chromium cannot break a page inside a rowspan, and would push the whole block to the next page.
 */
type PrintedCell = BudgetCell & { continues: 'first' | 'middle' | 'last' | null };

const splitRuns = (cells: readonly BudgetCell[]): PrintedCell[] =>
  cells.flatMap((cell): PrintedCell[] => {
    if (cell.rowSpan <= 2) return [{ ...cell, continues: null }];
    return Array.from({ length: cell.rowSpan }, (_, index) => ({
      ...cell,
      row: cell.row + index,
      rowSpan: 1,
      text: index === 0 ? cell.text : '',
      continues: index === 0 ? 'first' : index === cell.rowSpan - 1 ? 'last' : 'middle',
    }));
  });

/** The layout's grid as one table: merged cells as rowspan / colspan, columns sized by the Excel widths. */
const tableHtml = (layout: BudgetLayout): string => {
  const total = layout.widths.reduce((sum, width) => sum + width, 0);
  const colgroup = layout.widths.map((width) => `<col style="width:${((width / total) * 100).toFixed(2)}%">`).join('');
  const cells = splitRuns(layout.cells);
  const rows = Array.from({ length: layout.rows }, (_, row) =>
    cells
      .filter((cell) => cell.row === row)
      .sort((a, b) => a.col - b.col)
      .map((cell) => {
        const tag = cell.role === 'label' || cell.role === 'header' ? 'th' : 'td';
        const classes = cell.continues ? `${cell.role} run-${cell.continues}` : cell.role;
        const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
        return `<${tag} class="${classes}"${spans}>${cellHtml(cell.text)}</${tag}>`;
      })
      .join(''),
  );
  return `<table><colgroup>${colgroup}</colgroup><tbody>\n${rows.map((row) => `<tr>${row}</tr>`).join('\n')}\n</tbody></table>`;
};

/**
 * A self-contained page (no scripts, no external resources) printing the form on A4 landscape, for the browser and
 * for the PdfRenderer: 方正小标宋 / 宋体 / 仿宋 where installed, Noto CJK otherwise.
 */
const pageHtml = (layout: BudgetLayout): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(layout.title)}</title>
<style>
@page { size: A4 landscape; margin: 15mm 12mm 18mm 12mm; }
body { font-family: "FangSong_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 10.5pt; line-height: 14pt; color: #000; margin: 0; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", serif; font-weight: 700; font-size: 18pt; line-height: 26pt; text-align: center; margin: 0; }
p.year { text-align: center; margin: 2pt 0; font-size: 11pt; }
p.note { text-align: right; margin: 0 0 4pt; font-size: 10pt; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.5pt solid #000; padding: 2pt 2pt; font-size: 9pt; line-height: 12pt; vertical-align: middle; word-break: break-all; }
th { font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-weight: 700; text-align: center; }
td.amount, td.tick { text-align: center; }
td.tick { font-family: "Noto Sans CJK SC", "DejaVu Sans", sans-serif; }
tr { break-inside: avoid; page-break-inside: avoid; }
.run-first, .run-middle { border-bottom: none; }
.run-middle, .run-last { border-top: none; }
</style></head><body>
<h1>${escapeHtml(layout.title)}</h1>
${layout.subtitle ? `<p class="year">${escapeHtml(layout.subtitle)}</p>` : ''}
<p class="note">${escapeHtml(layout.note)}</p>
${tableHtml(layout)}
</body></html>`;

/** The 项目支出绩效目标申报表 as a printable HTML page (the PdfRenderer's input). */
export const renderDeclarationHtml = (input: DeclarationDocumentInput): string => pageHtml(declarationLayout(input));

/** The 项目支出绩效目标执行监控表 as a printable HTML page. */
export const renderMonitoringHtml = (input: MonitoringDocumentInput): string => pageHtml(monitoringLayout(input));
