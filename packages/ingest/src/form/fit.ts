import { compact } from './chinese.ts';
import type { FundColumn, IndicatorColumn } from './synonyms.ts';
import { FUND_ROW_LABELS, LEVEL1_LABEL, LEVEL2_LABEL } from './synonyms.ts';

/**
 * How well a cell's text fits a column, for `alignCells`: positive where it is what that column holds, zero
 * for "could be", strongly negative where it cannot be. Only the relative order matters; ties go to the
 * rightmost column (a lone number in a row of 分值 and 得分 is the score).
 */
const NUMBER = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$|^[-+]?\d+(\.\d+)?$/u;
const POINTS = /^\d+(\.\d+)?分?$/u;
const NULL_MARKER = /^(\/|-|—|–|－|\\|无|0)$/u;
/** The template's "……" row: a name, not a value. */
const PLACEHOLDER = /^(\.{3,}|…+|。{3,})$/u;
const VALUE_SHAPE = /^(≥|≤|>|<|=|≧|≦|大于|小于|不低于|不少于|不高于|不超过|不大于|不小于|达到|约)?[-+]?\d/u;
const AMOUNT = /^[-+]?\d[\d,，]*(\.\d+)?(万元|元|万)?$/u;
const COMPARATOR = /^(≥|≤|>|<|=|≧|≦|>=|<=|正向|反向|定性|定量|大于等于|小于等于|等于|大于|小于)$/u;

/** A block label of a template the synonyms don't know (项目预算管理, 资金投入): possible, never preferred. */
const shortLabel = (text: string): boolean => text.length <= 12 && !/\d/u.test(text);

const isPoints = (text: string): boolean => POINTS.test(text) && Number.parseFloat(text) <= 100;

export const fitIndicator = (cell: string, column: IndicatorColumn): number => {
  const text = compact(cell);
  if (text === '') return 0;
  const numeric = NUMBER.test(text);
  switch (column) {
    case 'frame':
      return /^(年度)?绩效(指标|目标)/u.test(text) ? 3 : -6;
    case 'level1':
      if (LEVEL1_LABEL.test(text) && text.length <= 14 && !LEVEL2_LABEL.test(text)) return 3;
      return shortLabel(text) ? 0.3 : -6;
    case 'level2':
      if (LEVEL2_LABEL.test(text)) return 3;
      return shortLabel(text) ? 0.3 : -6;
    case 'name':
      if (PLACEHOLDER.test(text)) return 2;
      if (numeric || NULL_MARKER.test(text) || LEVEL2_LABEL.test(text)) return -3;
      return /^(指标\d|★|\d+[、.．])/u.test(text) ? 2.2 : 1;
    case 'target':
    case 'actual':
      if (numeric) return 1.2;
      if (/指标$/u.test(text)) return 0;
      if (VALUE_SHAPE.test(text) || (/%$/u.test(text) && text.length <= 8)) return 1.6;
      if (NULL_MARKER.test(text) || PLACEHOLDER.test(text)) return 0.5;
      return text.length <= 20 ? 0.8 : 0.1;
    case 'weight':
    case 'statedScore':
      if (isPoints(text)) return 2;
      return NULL_MARKER.test(text) || PLACEHOLDER.test(text) ? 0.3 : -6;
    case 'deviationNote':
      if (numeric) return -2;
      return text.length > 12 ? 1 : 0.4;
    case 'comparator':
      return COMPARATOR.test(text) ? 3 : -6;
    case 'measureUnit':
      return text.length <= 4 && !/\d/u.test(text) && !NULL_MARKER.test(text) ? 1.2 : -6;
    case 'ignored':
      return 0.2;
  }
};

export const fitFund = (cell: string, column: FundColumn): number => {
  const text = compact(cell);
  if (text === '') return 0;
  switch (column) {
    case 'label':
      if (AMOUNT.test(text) || /%$/u.test(text)) return -6;
      return Object.values(FUND_ROW_LABELS).some((pattern) => pattern.test(text)) ? 3 : 1;
    case 'initialBudget':
    case 'adjustedBudget':
    case 'executed':
      if (AMOUNT.test(text)) return 1.5;
      return NULL_MARKER.test(text) ? 0.8 : -6;
    case 'executionWeight':
    case 'statedExecutionScore':
      if (isPoints(text)) return 1.6;
      return NULL_MARKER.test(text) ? 0.5 : -6;
    case 'statedExecutionRate':
      if (/%$/u.test(text)) return 3;
      if (NUMBER.test(text)) return 0.5;
      return NULL_MARKER.test(text) ? 0.5 : -6;
    case 'ignored':
      return 0.1;
  }
};
