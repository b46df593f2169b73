import { AppError, type EvaluationForm, emptyForm } from '@jixiao/core';
import type { Block } from '../document.ts';
import { compact } from './labels.ts';
import { fiscalYearFrom, narrativeFromBlocks } from './narrative.ts';
import { annualGoalFrom, fundsFrom, indicatorTableFrom, projectFieldsFrom } from './table.ts';

const FORM_LABELS = /^(主管部门|实施单位|年初预算数?|全年预算数?|年度资金总额|预期目标|年度总体目标)$/u;

const isEvaluationTable = (rows: readonly (readonly string[])[]): boolean =>
  rows.some((row) => row.some((cell) => /^(一级指标|二级指标|三级指标)/u.test(compact(cell))));

/**
 * Builds the form from a document: the 自评表 is the table (or the run of tables) holding 一级/二级/三级指标,
 * the narrative is everything before the 附件. Fails with UNKNOWN_LAYOUT naming what was not found, or
 * NO_INDICATORS when the table has no rows.
 */
export const formFromBlocks = (blocks: readonly Block[], source: string): EvaluationForm => {
  const tables = blocks.flatMap((block) => (block.kind === 'table' ? [block.rows] : []));
  const tableIndex = tables.findIndex(isEvaluationTable);
  if (tableIndex < 0) {
    throw new AppError(
      'UNKNOWN_LAYOUT',
      `${source}：未找到“绩效指标”表头（一级指标/二级指标/三级指标），无法识别为项目支出绩效自评表`,
    );
  }
  // The project rows, the fund block and the annual goal may each sit in their own table just before the
  // indicator table; a table in the narrative (预算金额 | 支出金额) has none of these labels and is left out.
  let first = tableIndex;
  while (first > 0 && (tables[first - 1] ?? []).some((row) => row.some((cell) => FORM_LABELS.test(compact(cell)))))
    first--;
  const grid = tables.slice(first, tableIndex + 1).flat();
  const indicatorTable = indicatorTableFrom(grid);
  if (!indicatorTable) {
    throw new AppError('UNKNOWN_LAYOUT', `${source}：绩效指标表缺少“三级指标”或“年度指标值”列`);
  }
  if (indicatorTable.indicators.length === 0) {
    throw new AppError('NO_INDICATORS', `${source}：绩效指标表中没有任何指标行`);
  }
  const narrative = narrativeFromBlocks(blocks);
  const paragraphs = blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
  const form = emptyForm();
  return {
    ...form,
    ...projectFieldsFrom(grid),
    fiscalYear: fiscalYearFrom([...paragraphs.filter((text) => /年度/u.test(text)), narrative.title]),
    funds: fundsFrom(grid) ?? form.funds,
    annualGoal: annualGoalFrom(grid),
    declaredLevel1Weights: indicatorTable.declaredLevel1Weights,
    indicators: indicatorTable.indicators,
    statedTotal: indicatorTable.statedTotal,
    statedGrade: indicatorTable.statedGrade,
    narrative,
    // Left null: the engine reads 编制数 / 在职人数 from the narrative itself, so edits to it stay in step.
    unitFacts: form.unitFacts,
  };
};
