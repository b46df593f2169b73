import { type BulkRow, type BulkSummary, duplicateLabel, SEVERITY_LABELS } from '@jixiao/core';
import { escapeHtml } from '../html/escape-html.ts';
import { countLabels, findingTitle, formLabel, ROW_COLUMNS, rowCells } from './bulk-labels.ts';

const cell = (value: string | number | null): string =>
  value === null
    ? '<td data-v="">—</td>'
    : typeof value === 'number'
      ? `<td class="n" data-v="${value}">${value}</td>`
      : `<td>${escapeHtml(value)}</td>`;

const anchorOf = (index: number) => `r${index + 1}`;

const reportRow = (row: BulkRow, index: number): string => {
  const cells = rowCells(row);
  const [file, ...rest] = cells;
  const severity = row.findings.some((finding) => finding.severity === 'error') ? ' class="has-error"' : '';
  return `<tr${severity}><td><a href="#${anchorOf(index)}">${escapeHtml(String(file))}</a></td>${rest.map(cell).join('')}</tr>`;
};

const details = (row: BulkRow, index: number): string => `
<section id="${anchorOf(index)}" class="detail">
<h3>${escapeHtml(row.projectName || row.file)} <small>${escapeHtml(formLabel(row.file, row.formIndex))}</small></h3>
${row.duplicateOf ? `<p class="dup">重复：${escapeHtml(duplicateLabel(row.duplicateOf))}</p>` : ''}
<p>单位：${escapeHtml(row.unit || '—')}；执行率：${row.executionRate ?? '—'}%；填报总分：${row.statedTotal ?? '—'}；复核总分：${row.totalScore}（${escapeHtml(row.grade)}${row.provisional ? '，暂定' : ''}）</p>
${
  row.findings.length === 0
    ? '<p>未发现问题。</p>'
    : `<ol>${row.findings
        .map(
          (finding) =>
            `<li class="sev-${finding.severity}"><b>${SEVERITY_LABELS[finding.severity]}</b> ${escapeHtml(findingTitle(finding.code))}${finding.place ? `（${escapeHtml(finding.place)}）` : ''}：${escapeHtml(finding.message)}</li>`,
        )
        .join('')}</ol>`
}
<p><a href="#top">返回列表</a></p>
</section>`;

/** Sorting and filtering for the saved page: it is opened from disk, so it carries its own few lines. */
const SCRIPT = `
const table = document.getElementById('reports');
const rows = () => Array.from(table.tBodies[0].rows);
table.tHead.addEventListener('click', (event) => {
  const th = event.target.closest('th'); if (!th) return;
  const index = th.cellIndex; const ascending = th.dataset.dir !== 'asc';
  for (const other of table.tHead.rows[0].cells) delete other.dataset.dir;
  th.dataset.dir = ascending ? 'asc' : 'desc';
  const key = (row) => { const c = row.cells[index]; return c.dataset.v !== undefined && c.dataset.v !== '' ? Number(c.dataset.v) : c.textContent; };
  const sorted = rows().sort((a, b) => { const x = key(a), y = key(b); const r = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN'); return ascending ? r : -r; });
  for (const row of sorted) table.tBodies[0].appendChild(row);
});
document.getElementById('filter').addEventListener('input', (event) => {
  const words = event.target.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
  for (const row of rows()) { const text = row.textContent.toLowerCase(); row.hidden = !words.every((word) => text.includes(word)); }
});`;

/** The bulk audit as one self-contained HTML page: counts, codes, a sortable and filterable table, details. */
export const renderBulkSummaryHtml = (summary: BulkSummary, title = '自评报告批量审核结果'): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #1f2329; font-size: 14px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; } h3 small { color: #646a73; font-weight: 400; font-size: 13px; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d0d3d6; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f8; cursor: pointer; user-select: none; white-space: nowrap; } th[data-dir="asc"]::after { content: " ▲"; } th[data-dir="desc"]::after { content: " ▼"; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } tr.has-error td:nth-child(11) { color: #c00000; font-weight: 700; }
.counts { display: flex; gap: 24px; flex-wrap: wrap; } .counts div { background: #f5f6f7; padding: 8px 14px; border-radius: 6px; } .counts b { display: block; font-size: 20px; }
#filter { padding: 6px 8px; width: 320px; max-width: 100%; margin: 8px 0; } .sev-error b { color: #c00000; } .sev-warning b { color: #b35900; } .sev-info b { color: #1f4e9e; }
.detail { border-top: 1px solid #e5e6eb; margin-top: 12px; } .dup { color: #b35900; }
</style></head><body id="top">
<h1>${escapeHtml(title)}</h1>
<div class="counts">
${countLabels(summary)
  .map(([label, count]) => `<div><b>${count}</b>${label}</div>`)
  .join('')}
${Object.entries(summary.byGrade)
  .map(([grade, count]) => `<div><b>${count}</b>${escapeHtml(grade)}</div>`)
  .join('')}
</div>
<h2>按审核发现统计</h2>
<table><thead><tr><th>问题</th><th>级别</th><th>涉及表数</th><th>发现数</th><th>代码</th></tr></thead><tbody>
${summary.byCode
  .map(
    (count) =>
      `<tr><td>${escapeHtml(findingTitle(count.code))}</td><td>${SEVERITY_LABELS[count.severity]}</td><td class="n">${count.files}</td><td class="n">${count.findings}</td><td>${count.code}</td></tr>`,
  )
  .join('\n')}
</tbody></table>
<h2>逐张自评表（点击表头排序）</h2>
<label>筛选：<input id="filter" type="search" placeholder="输入项目、单位、等级或代码"></label>
<table id="reports"><thead><tr>${ROW_COLUMNS.map((column) => `<th>${column}</th>`).join('')}</tr></thead><tbody>
${summary.rows.map(reportRow).join('\n')}
</tbody></table>
${summary.failures.length > 0 ? `<h2>已跳过的文件和不是自评表的表（${summary.failures.length}）</h2><table><thead><tr><th>文件</th><th>原因</th><th>代码</th></tr></thead><tbody>${summary.failures.map((failure) => `<tr><td>${escapeHtml(formLabel(failure.file, failure.formIndex))}</td><td>${escapeHtml(failure.reason)}</td><td>${escapeHtml(failure.code)}</td></tr>`).join('')}</tbody></table>` : ''}
<h2>审核发现明细</h2>
${summary.rows.map(details).join('\n')}
<script>${SCRIPT}</script>
</body></html>`;
