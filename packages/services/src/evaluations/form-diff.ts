import type { EvaluationForm, FormChange, IndicatorRow, Level1, NarrativeSection, TextRun } from '@jixiao/core';
import { LEVEL1_KEYS, LEVEL1_LABELS, sectionLabel } from '@jixiao/core';
import { level1Text, level2Text, matchIndicatorRows, movedPairs } from './match-indicator-rows.ts';
import { diffText } from './text-diff.ts';

export type { FormChange } from '@jixiao/core';
export { matchIndicatorRows } from './match-indicator-rows.ts';

const EMPTY = '（空）';

/** A value longer than this (or holding a line break) is shown as character runs, not as before → after. */
const LONG_TEXT = 30;

const isLong = (before: string, after: string): boolean =>
  before.length > LONG_TEXT || after.length > LONG_TEXT || /\n/u.test(before + after);

const clip = (text: string, length = 40): string => {
  const chars = [...text.replace(/\s+/gu, ' ').trim()];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : chars.join('');
};

/** "删去“…”；“…”改为“…”；增加“…”": the changed runs of a long text in a sentence. */
const describeRuns = (runs: readonly TextRun[]): string => {
  const parts: string[] = [];
  for (let index = 0; index < runs.length; index += 1) {
    const run = runs[index] as TextRun;
    const next = runs[index + 1];
    if (run.op === 'delete' && next?.op === 'insert') {
      parts.push(`“${clip(run.text)}”改为“${clip(next.text)}”`);
      index += 1;
    } else if (run.op === 'delete') parts.push(`删去“${clip(run.text)}”`);
    else if (run.op === 'insert') parts.push(`增加“${clip(run.text)}”`);
  }
  return parts.join('；');
};

/** One field's change, or none when the texts are equal; prose (narrative, notes) as character runs. */
const fieldChange = (
  path: string,
  place: string,
  field: string,
  before: string,
  after: string,
  prose = false,
): FormChange[] => {
  if (before === after) return [];
  const label = field ? `${place}：${field}` : place;
  if ((prose && before !== '' && after !== '') || isLong(before, after)) {
    const runs = diffText(before, after);
    return [{ kind: 'changed', path, place, field, before, after, runs, text: `${label} ${describeRuns(runs)}` }];
  }
  return [
    {
      kind: 'changed',
      path,
      place,
      field,
      before,
      after,
      runs: null,
      text: `${label} ${before || EMPTY} → ${after || EMPTY}`,
    },
  ];
};

// ---------------------------------------------------------------------------------------------------------------
// Indicator rows

/** The columns of an indicator row a reviewer sees, in the form's order, with the form's words. */
const ROW_FIELDS: readonly { key: keyof IndicatorRow; field: string; text: (row: IndicatorRow) => string }[] = [
  { key: 'level1Label', field: '一级指标', text: level1Text },
  { key: 'level2Label', field: '二级指标', text: level2Text },
  { key: 'name', field: '三级指标名称', text: (row) => row.name },
  { key: 'comparator', field: '指标性质', text: (row) => row.comparator },
  { key: 'measureUnit', field: '计量单位', text: (row) => row.measureUnit },
  { key: 'target', field: '年度指标值', text: (row) => row.target },
  { key: 'actual', field: '实际完成值', text: (row) => row.actual },
  { key: 'weight', field: '分值', text: (row) => row.weight },
  { key: 'statedScore', field: '得分', text: (row) => row.statedScore },
  { key: 'deviationNote', field: '偏差原因分析及改进措施', text: (row) => row.deviationNote },
];

const rowPlace = (row: IndicatorRow, index: number): string =>
  row.name.trim() ? `三级指标“${row.name.trim()}”` : `第 ${index + 1} 行指标`;

/** An added or removed row in words: its levels and its filled cells. */
const rowInWords = (row: IndicatorRow): string => {
  const levels = [level1Text(row), level2Text(row)].filter(Boolean).join(' · ');
  const cells = ROW_FIELDS.slice(3)
    .map(({ field, text }) => [field, text(row).trim()] as const)
    .filter(([, value]) => value !== '')
    .map(([field, value]) => `${field} ${clip(value)}`);
  return [levels, ...cells].filter(Boolean).join('；');
};

const indicatorChanges = (before: readonly IndicatorRow[], after: readonly IndicatorRow[]): FormChange[] => {
  const pairs = matchIndicatorRows(before, after);
  const moved = movedPairs(pairs);
  const matchedFrom = new Set(pairs.map((pair) => pair.from));
  const matchedTo = new Set(pairs.map((pair) => pair.to));
  const changes: { order: number; change: FormChange }[] = [];

  for (const pair of pairs) {
    const a = before[pair.from] as IndicatorRow;
    const b = after[pair.to] as IndicatorRow;
    const place = rowPlace(b, pair.to);
    if (moved.has(pair)) {
      changes.push({
        order: pair.to,
        change: {
          kind: 'moved',
          path: `indicators[${pair.to}]`,
          place,
          field: '',
          before: `第 ${pair.from + 1} 行`,
          after: `第 ${pair.to + 1} 行`,
          runs: null,
          text: `${place}：由第 ${pair.from + 1} 行移至第 ${pair.to + 1} 行`,
        },
      });
    }
    for (const { key, field, text } of ROW_FIELDS) {
      const rename = key === 'name';
      for (const change of fieldChange(
        `indicators[${pair.to}].${key}`,
        rename ? rowPlace(a, pair.from) : place,
        field,
        text(a),
        text(b),
        key === 'deviationNote',
      )) {
        changes.push({ order: pair.to, change });
      }
    }
  }
  before.forEach((row, from) => {
    if (matchedFrom.has(from)) return;
    const place = rowPlace(row, from);
    const words = rowInWords(row);
    // A removed row is listed where it stood: after the rows that preceded it.
    const order = pairs.filter((pair) => pair.from < from).reduce((last, pair) => Math.max(last, pair.to), -1) + 0.5;
    changes.push({
      order,
      change: {
        kind: 'removed',
        path: `indicators[${from}]`,
        place,
        field: '',
        before: words,
        after: '',
        runs: null,
        text: `删除${place}${words ? `（${words}）` : ''}`,
      },
    });
  });
  after.forEach((row, to) => {
    if (matchedTo.has(to)) return;
    const place = rowPlace(row, to);
    const words = rowInWords(row);
    changes.push({
      order: to,
      change: {
        kind: 'added',
        path: `indicators[${to}]`,
        place,
        field: '',
        before: '',
        after: words,
        runs: null,
        text: `新增${place}${words ? `（${words}）` : ''}`,
      },
    });
  });
  return changes.sort((x, y) => x.order - y.order).map((item) => item.change);
};

// ---------------------------------------------------------------------------------------------------------------
// The narrative report

const narrativeChanges = (before: EvaluationForm['narrative'], after: EvaluationForm['narrative']): FormChange[] => {
  const changes = fieldChange('narrative.title', '自评报告', '标题', before.title, after.title);
  const numbers = [...new Set([...before.sections, ...after.sections].map((section) => section.number))].sort(
    (x, y) => x - y,
  );
  const indexOf = (sections: readonly NarrativeSection[], number: number) =>
    sections.findIndex((section) => section.number === number);
  for (const number of numbers) {
    const from = indexOf(before.sections, number);
    const to = indexOf(after.sections, number);
    const a = before.sections[from];
    const b = after.sections[to];
    if (a && b) {
      const place = `自评报告 · ${sectionLabel(b)}`;
      changes.push(
        ...fieldChange(
          `narrative.sections[${to}].heading`,
          `自评报告 · ${sectionLabel(a)}`,
          '标题',
          a.heading,
          b.heading,
        ),
        ...fieldChange(`narrative.sections[${to}].body`, place, '正文', a.body, b.body, true),
      );
    } else if (b) {
      const place = `自评报告 · ${sectionLabel(b)}`;
      changes.push({
        kind: 'added',
        path: `narrative.sections[${to}]`,
        place,
        field: '',
        before: '',
        after: b.body,
        runs: null,
        text: `新增${place}`,
      });
    } else if (a) {
      const place = `自评报告 · ${sectionLabel(a)}`;
      changes.push({
        kind: 'removed',
        path: `narrative.sections[${from}]`,
        place,
        field: '',
        before: a.body,
        after: '',
        runs: null,
        text: `删除${place}`,
      });
    }
  }
  return changes;
};

// ---------------------------------------------------------------------------------------------------------------
// The whole form

const FUND_ROWS = [
  ['total', '年度资金总额'],
  ['currentAppropriation', '当年财政拨款'],
  ['priorYearCarryover', '上年结转'],
  ['other', '其他资金'],
] as const;

const FUND_COLUMNS = [
  ['initialBudget', '年初预算数'],
  ['adjustedBudget', '全年预算数'],
  ['executed', '全年执行数'],
] as const;

const numberText = (value: number | null): string => (value === null ? '' : String(value));

/**
 * What changed between two revisions of a form, in the form's own words and in the form's order: the header,
 * the funds, the annual goal, the indicator rows (matched by identity: added, removed, moved, edited), the
 * totals and the narrative report (long text as character runs).
 */
export const diffForms = (before: EvaluationForm, after: EvaluationForm): FormChange[] => {
  const funds = FUND_ROWS.flatMap(([row, rowLabel]) =>
    FUND_COLUMNS.flatMap(([column, columnLabel]) =>
      fieldChange(
        `funds.${row}.${column}`,
        `资金 · ${rowLabel}`,
        `${columnLabel}（${after.funds.unit}）`,
        before.funds[row][column],
        after.funds[row][column],
      ),
    ),
  );
  return [
    ...fieldChange('projectName', '项目', '项目名称', before.projectName, after.projectName),
    ...fieldChange('projectCode', '项目', '项目编码', before.projectCode, after.projectCode),
    ...fieldChange('fiscalYear', '项目', '年度', numberText(before.fiscalYear), numberText(after.fiscalYear)),
    ...fieldChange('department', '项目', '主管部门', before.department, after.department),
    ...fieldChange('implementingUnit', '项目', '实施单位', before.implementingUnit, after.implementingUnit),
    ...fieldChange('funds.unit', '资金', '金额单位', before.funds.unit, after.funds.unit),
    ...funds,
    ...fieldChange(
      'funds.executionWeight',
      '资金 · 预算执行率',
      '分值',
      before.funds.executionWeight,
      after.funds.executionWeight,
    ),
    ...fieldChange(
      'funds.statedExecutionRate',
      '资金 · 预算执行率',
      '执行率',
      before.funds.statedExecutionRate,
      after.funds.statedExecutionRate,
    ),
    ...fieldChange(
      'funds.statedExecutionScore',
      '资金 · 预算执行率',
      '得分',
      before.funds.statedExecutionScore,
      after.funds.statedExecutionScore,
    ),
    ...fieldChange(
      'annualGoal.expected',
      '年度总体目标',
      '预期目标',
      before.annualGoal.expected,
      after.annualGoal.expected,
      true,
    ),
    ...fieldChange(
      'annualGoal.actual',
      '年度总体目标',
      '实际完成情况',
      before.annualGoal.actual,
      after.annualGoal.actual,
      true,
    ),
    ...LEVEL1_KEYS.flatMap((key: Level1) =>
      fieldChange(
        `declaredLevel1Weights.${key}`,
        LEVEL1_LABELS[key],
        '分值',
        before.declaredLevel1Weights[key],
        after.declaredLevel1Weights[key],
      ),
    ),
    ...indicatorChanges(before.indicators, after.indicators),
    ...fieldChange('statedTotal.weight', '总分', '分值', before.statedTotal.weight, after.statedTotal.weight),
    ...fieldChange('statedTotal.score', '总分', '得分', before.statedTotal.score, after.statedTotal.score),
    ...fieldChange('statedGrade', '总分', '等级', before.statedGrade, after.statedGrade),
    ...fieldChange(
      'unitFacts.authorizedStaff',
      '单位情况',
      '编制人数',
      numberText(before.unitFacts.authorizedStaff),
      numberText(after.unitFacts.authorizedStaff),
    ),
    ...fieldChange(
      'unitFacts.activeStaff',
      '单位情况',
      '实有人数',
      numberText(before.unitFacts.activeStaff),
      numberText(after.unitFacts.activeStaff),
    ),
    ...narrativeChanges(before.narrative, after.narrative),
  ];
};
