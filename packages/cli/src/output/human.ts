import { type FormKind, SEVERITY_LABELS } from '@jixiao/core';
import type { FormSummary } from '../evaluate-file.ts';
import { displayWidth, padEnd, padStart, truncate } from './width.ts';

const score = (value: number | null): string => (value === null ? '—' : value.toFixed(2));

const money = (value: number | null, unit: string): string => (value === null ? '未填' : `${value}${unit}`);

const KIND_LABELS: Record<FormKind, string> = {
  'self-evaluation': '项目支出绩效自评表',
  unscored: '未评分的自评表（没有分值 / 得分，按规则计分，不核对填报得分）',
  'department-overall': '部门整体支出绩效自评表',
  'target-declaration': '绩效目标申报表',
  'funds-only': '只有资金情况的表',
};

/** A readable Chinese report of one scored evaluation: funds, indicators with points and explanations, totals, findings. */
export const formatHuman = (summary: FormSummary, options: { findingsOnly?: boolean } = {}): string => {
  const lines: string[] = [];
  const title = `${summary.year ?? ''}${summary.year ? '年度 ' : ''}${summary.projectName || '（未填写项目名称）'}`;
  lines.push(title, '═'.repeat(Math.min(80, Math.max(20, displayWidth(title)))));
  if (summary.file) {
    lines.push(
      `文件：${summary.file}${summary.formCount > 1 ? `（第 ${summary.formIndex} / ${summary.formCount} 张表）` : ''}`,
    );
  }
  if (summary.formKind !== 'self-evaluation') lines.push(`表单类型：${KIND_LABELS[summary.formKind]}`);
  if (!summary.complete) lines.push('表格不完整：表格在结尾前中断，只按已读到的部分计算，未见部分不作完整性检查');
  lines.push(
    `主管部门：${summary.department || '（未填写）'}    实施单位：${summary.implementingUnit || '（未填写）'}`,
  );
  lines.push(`评分规则：${summary.ruleSet}`);
  const { funds } = summary;
  lines.push(
    `资金：年初预算 ${money(funds.initialBudget, funds.unit)}，全年预算 ${money(funds.adjustedBudget, funds.unit)}，全年执行 ${money(funds.executed, funds.unit)}`,
  );
  lines.push(
    `预算执行率 ${summary.executionRate === null ? '无法计算' : `${summary.executionRate.toFixed(2)}%`}，执行得分 ${score(summary.executionScore)}`,
    `  ${summary.executionExplanation}`,
  );

  if (!options.findingsOnly) {
    lines.push('', '绩效指标');
    const nameWidth = 34;
    lines.push(
      `  ${padEnd('二级指标', 14)} ${padEnd('三级指标', nameWidth)} ${padEnd('指标值', 10)} ${padEnd('完成值', 10)} ${padStart('分值', 6)} ${padStart('填报', 6)} ${padStart('复核', 6)}`,
    );
    for (const item of summary.indicators) {
      lines.push(
        `  ${padEnd(truncate(item.level2, 14), 14)} ${padEnd(truncate(item.name, nameWidth), nameWidth)} ${padEnd(truncate(item.target, 10), 10)} ${padEnd(truncate(item.actual, 10), 10)} ${padStart(score(item.weight), 6)} ${padStart(score(item.statedScore), 6)} ${padStart(score(item.score), 6)}`,
        `      └ [${item.rule}] ${item.explanation}`,
      );
    }
  }

  lines.push('');
  lines.push(
    `填报总分：${score(summary.statedTotal)}    复核合计（执行得分复核 + 指标填报得分）：${score(summary.recomputedTotal)}`,
  );
  lines.push(
    `复核总分：${score(summary.totalScore)}${summary.provisional ? '（暂定：部分指标按填报得分计）' : ''}    等级：${summary.grade}`,
  );
  if (summary.cap) lines.push(`  ${summary.cap}`);

  if (summary.warnings.length > 0) {
    lines.push('', `读取提示（${summary.warnings.length}）`);
    for (const warning of summary.warnings)
      lines.push(`  ${warning.code}  ${warning.where}`, `      ${warning.message}`);
  }

  lines.push('', `审核发现（${summary.findings.length}）`);
  if (summary.findings.length === 0) lines.push('  未发现问题。');
  for (const finding of summary.findings) {
    lines.push(
      `  [${SEVERITY_LABELS[finding.severity]}] ${finding.code}  ${finding.where}`,
      `      ${finding.message}`,
    );
  }
  return lines.join('\n');
};
