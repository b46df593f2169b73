import type { Finding } from '../../model/result.ts';
import { sectionLabel, sectionWhere } from '../../narrative/sections.ts';
import {
  isBoilerplateMeasures,
  problemAndMeasureSections,
  splitProblems,
} from '../../rectification/problem-measures.ts';
import { type AuditContext, finding } from '../context.ts';

/**
 * PROBLEMS_WITHOUT_MEASURES: 存在的问题 names problems, or the audit found errors or warnings, but 下一步改进措施
 * is missing, empty or boilerplate ("无", "继续加强管理"). Judged on reports with a narrative only: a table
 * imported alone has no sections to judge. Runs after the other checks, whose findings it weighs.
 */
export const checkProblemsWithoutMeasures = ({ form }: AuditContext, otherFindings: readonly Finding[]): Finding[] => {
  if (form.narrative.sections.length === 0) return [];
  const { problems, measures } = problemAndMeasureSections(form.narrative);
  const problemCount = problems ? splitProblems(problems.body).length : 0;
  const serious = otherFindings.filter((found) => found.severity === 'error' || found.severity === 'warning').length;
  if (problemCount === 0 && serious === 0) return [];
  if (measures && !isBoilerplateMeasures(measures.body)) return [];
  const why =
    problemCount > 0
      ? `报告“${problems ? sectionLabel(problems) : '存在的问题'}”列出了 ${problemCount} 个问题`
      : `审核发现 ${serious} 项错误或警告`;
  const lack = measures
    ? `“${sectionLabel(measures)}”${measures.body.trim() === '' ? '为空' : `只写了“${measures.body.trim()}”`}`
    : '报告没有“下一步改进措施”部分';
  return [
    finding(
      'PROBLEMS_WITHOUT_MEASURES',
      measures ? sectionWhere(measures) : 'narrative',
      `${why}，但${lack}，请针对问题逐条写明改进措施、责任和时限。`,
    ),
  ];
};
