import {
  type EvaluationForm,
  type EvaluationResult,
  GRADE_LABELS,
  narrativeBlocks,
  SEVERITY_LABELS,
  sectionLabel,
} from '@jixiao/core';
import { layoutFormTable } from '../layout/form-table.ts';
import { escapeHtml } from './escape-html.ts';

const lines = (text: string): string => escapeHtml(text).replace(/\n/gu, '<br>');

/** Body text: paragraphs with an indented first line, （一） subheadings, and the report's own tables as tables. */
const bodyHtml = (body: string): string =>
  narrativeBlocks(body)
    .map((block) => {
      switch (block.kind) {
        case 'subheading':
          return `<h3>${escapeHtml(block.text)}</h3>`;
        case 'paragraph':
          return `<p>${escapeHtml(block.text)}</p>`;
        case 'table':
          return `<table class="inline">${block.rows
            .map(
              (row) =>
                `<tr>${row.cells.map((cell) => `<td${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}>${lines(cell.text)}</td>`).join('')}</tr>`,
            )
            .join('')}</table>`;
        default:
          return block satisfies never;
      }
    })
    .join('\n');

const formTableHtml = (form: EvaluationForm): string => {
  const layout = layoutFormTable(form);
  const rows: string[] = Array.from({ length: layout.rows }, () => '');
  for (const cell of layout.cells) {
    const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
    const tag = cell.role === 'header' || cell.role === 'label' ? 'th' : 'td';
    rows[cell.row] += `<${tag}${spans} class="${cell.role}">${lines(cell.text)}</${tag}>`;
  }
  return `<table class="form"><colgroup><col style="width:9%"><col style="width:9%"><col style="width:10%"><col style="width:22%"><col style="width:10%"><col style="width:10%"><col style="width:6%"><col style="width:9%"><col style="width:15%"></colgroup>${rows.map((row) => `<tr>${row}</tr>`).join('')}</table>`;
};

const reviewHtml = (form: EvaluationForm, result: EvaluationResult): string => {
  const rows = result.indicators
    .filter((item) => !item.placeholder)
    .map((item) => {
      const row = form.indicators[item.index];
      return `<tr><td>${escapeHtml(row?.name ?? '')}</td><td class="n">${item.weight ?? '—'}</td><td class="n">${item.statedScore ?? '—'}</td><td class="n">${item.points.toFixed(2)}</td><td>${escapeHtml(item.explanation.text)}</td></tr>`;
    })
    .join('');
  const findings = result.findings
    .map(
      (finding) =>
        `<li><b>[${SEVERITY_LABELS[finding.severity]}] ${finding.code}</b> ${escapeHtml(finding.message)}</li>`,
    )
    .join('');
  return `<section class="review"><h2>复核结果（${escapeHtml(result.ruleSet)}）</h2>
<p>预算执行率 ${result.execution.rate === null ? '无法计算' : `${result.execution.rate.toFixed(2)}%`}，执行得分 ${result.execution.points.toFixed(2)}；填报总分 ${result.statedTotal ?? '—'}，复核合计 ${result.checkTotal.toFixed(2)}，复核总分 ${result.totalScore.toFixed(2)}（${GRADE_LABELS[result.grade]}）${result.provisional ? '，暂定' : ''}。</p>
<table class="inline"><tr><th>三级指标</th><th>分值</th><th>填报</th><th>复核</th><th>依据</th></tr>${rows}</table>
<h3>审核发现</h3><ul>${findings || '<li>未发现问题。</li>'}</ul></section>`;
};

export type HtmlOptions = { includeReview?: boolean };

/**
 * The 自评报告 and its attachment 自评表 as one print-ready page (A4, 公文 margins and faces, with CJK fallbacks
 * that Chromium finds on a server: Noto Serif CJK / Noto Sans CJK).
 */
export const renderHtml = (form: EvaluationForm, result: EvaluationResult, options: HtmlOptions = {}): string => {
  const sections = form.narrative.sections
    .map((section) => `<h2>${escapeHtml(sectionLabel(section))}</h2>\n${bodyHtml(section.body)}`)
    .join('\n');
  const title = form.narrative.title || `${form.fiscalYear ?? ''}年度${form.projectName}项目支出绩效自评报告`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "FangSong_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 16pt; line-height: 28pt; color: #000; margin: 0; }
h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", serif; font-weight: 700; font-size: 22pt; line-height: 32pt; text-align: center; margin: 0 0 28pt; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: 400; margin: 0; }
h3 { font-family: "KaiTi_GB2312", "KaiTi", "楷体", "Noto Serif CJK SC", serif; font-size: 16pt; font-weight: 400; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
table { border-collapse: collapse; width: 100%; }
table.inline { font-size: 10.5pt; line-height: 14pt; margin: 6pt 0; }
table.inline td, table.inline th { border: 0.5pt solid #000; padding: 2pt 3pt; }
.attachment { page-break-before: always; }
.attachment h1 { font-size: 18pt; margin-bottom: 4pt; }
.attachment .year { text-align: center; font-size: 12pt; margin-bottom: 8pt; text-indent: 0; }
table.form { font-size: 9.5pt; line-height: 12.5pt; table-layout: fixed; }
table.form td, table.form th { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: middle; word-break: break-all; }
table.form th { font-weight: 400; text-align: center; }
table.form tr, table.inline tr, table.form td, table.form th { break-inside: avoid; page-break-inside: avoid; }
table.form td.amount, table.form td.rate, table.form td.score { text-align: center; }
.review { page-break-before: always; font-size: 11pt; line-height: 16pt; }
.review p { text-indent: 0; }
.n { text-align: right; }
</style></head><body>
<h1>${escapeHtml(title)}</h1>
${sections}
<section class="attachment"><p style="text-indent:0">附件：</p><h1>项目支出绩效自评表</h1><p class="year">（${form.fiscalYear ?? '　　'}年度）</p>
${formTableHtml(form)}</section>
${options.includeReview ? reviewHtml(form, result) : ''}
</body></html>`;
};
