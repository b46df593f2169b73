/**
 * The self-evaluation form as filled in (项目支出绩效自评表 + 自评报告).
 *
 * Every cell is kept as the text the unit wrote, so that nothing is lost on import and the engine can
 * explain how it read each value. The engine parses these cells; it never trusts a pre-parsed number.
 */

export const LEVEL1_KEYS = ['output', 'outcome', 'satisfaction'] as const;
export type Level1 = (typeof LEVEL1_KEYS)[number];

export const LEVEL2_KEYS = [
  'quantity',
  'quality',
  'timeliness',
  'cost',
  'economic',
  'social',
  'ecological',
  'sustainability',
  'serviceSatisfaction',
] as const;
export type Level2 = (typeof LEVEL2_KEYS)[number];

/** One row of the fund block: the three money columns, as written (in `Funds.unit`). */
export type FundCells = {
  initialBudget: string;
  adjustedBudget: string;
  executed: string;
};

export type MoneyUnit = '万元' | '元';

export type Funds = {
  unit: MoneyUnit;
  /** 年度资金总额 */
  total: FundCells;
  /** 其中：当年财政拨款 */
  currentAppropriation: FundCells;
  /** 上年结转资金 */
  priorYearCarryover: FundCells;
  /** 其他资金 */
  other: FundCells;
  /** 分值 on the fund row */
  executionWeight: string;
  /** 执行率 as written */
  statedExecutionRate: string;
  /** 得分 on the fund row */
  statedExecutionScore: string;
};

export type IndicatorRow = {
  /** Canonical level-1 key, or null when the label could not be classified. */
  level1: Level1 | null;
  /** Level-1 label as written, e.g. "产出指标". */
  level1Label: string;
  level2: Level2 | null;
  level2Label: string;
  /** 三级指标 */
  name: string;
  /** 年度指标值 */
  target: string;
  /** 实际完成值 */
  actual: string;
  /** 分值 */
  weight: string;
  /** 得分 as written */
  statedScore: string;
  /** 偏差原因分析及改进措施 */
  deviationNote: string;
  /** 指标性质 column (正向 / 反向 / ≥ …) when the template has one; empty otherwise. */
  comparator: string;
  /** 计量单位 column when the template has one; empty otherwise. */
  measureUnit: string;
};

/** A numbered section of the narrative report (一 … 九). */
export type NarrativeSection = {
  /** 1-based section number as printed (一 → 1). */
  number: number;
  heading: string;
  body: string;
};

export type Narrative = {
  title: string;
  sections: NarrativeSection[];
};

/** Facts stated by the unit outside the table; extracted from the narrative when not given. */
export type UnitFacts = {
  authorizedStaff: number | null;
  activeStaff: number | null;
};

/**
 * What kind of form a document turned out to be. Only a self-evaluation is scored as one; the others are
 * recognised so that a reader can say what it found instead of half-reading it.
 */
export const FORM_KINDS = [
  'self-evaluation',
  'unscored',
  'department-overall',
  'target-declaration',
  'funds-only',
] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export type EvaluationForm = {
  formVersion: 1;
  formType: 'project';
  /** The kind of form read (a form filled in the app is a self-evaluation). */
  formKind: FormKind;
  /** False when the source stops before the table's end (a page cut mid-table): checks of what is unseen are off. */
  complete: boolean;
  fiscalYear: number | null;
  projectName: string;
  projectCode: string;
  /** 主管部门 */
  department: string;
  /** 实施单位 */
  implementingUnit: string;
  funds: Funds;
  annualGoal: { expected: string; actual: string };
  /** Weights declared on the level-1 headers, e.g. "产出指标(50分)" → output: "50"; "" when not declared. */
  declaredLevel1Weights: Record<Level1, string>;
  indicators: IndicatorRow[];
  /** 总分 row: 分值 and 得分 as written. */
  statedTotal: { weight: string; score: string };
  /** 等级 / 评价等级 as written, if the form has one. */
  statedGrade: string;
  narrative: Narrative;
  unitFacts: UnitFacts;
};

export const emptyFundCells = (): FundCells => ({ initialBudget: '', adjustedBudget: '', executed: '' });

export const emptyIndicator = (overrides: Partial<IndicatorRow> = {}): IndicatorRow => ({
  level1: null,
  level1Label: '',
  level2: null,
  level2Label: '',
  name: '',
  target: '',
  actual: '',
  weight: '',
  statedScore: '',
  deviationNote: '',
  comparator: '',
  measureUnit: '',
  ...overrides,
});

export const emptyForm = (): EvaluationForm => ({
  formVersion: 1,
  formType: 'project',
  formKind: 'self-evaluation',
  complete: true,
  fiscalYear: null,
  projectName: '',
  projectCode: '',
  department: '',
  implementingUnit: '',
  funds: {
    unit: '万元',
    total: emptyFundCells(),
    currentAppropriation: emptyFundCells(),
    priorYearCarryover: emptyFundCells(),
    other: emptyFundCells(),
    executionWeight: '',
    statedExecutionRate: '',
    statedExecutionScore: '',
  },
  annualGoal: { expected: '', actual: '' },
  declaredLevel1Weights: { output: '', outcome: '', satisfaction: '' },
  indicators: [],
  statedTotal: { weight: '', score: '' },
  statedGrade: '',
  narrative: { title: '', sections: [] },
  unitFacts: { authorizedStaff: null, activeStaff: null },
});
