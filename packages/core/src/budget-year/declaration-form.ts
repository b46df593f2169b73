import type { IndicatorRow, MoneyUnit } from '../model/form.ts';

/**
 * 绩效目标申报表 (target declaration), as the unit fills it before the year: the targets a later self-evaluation
 * is judged against. Cells are kept as written, like the self-evaluation form; the engine reads them.
 */

/** One declared indicator: the self-evaluation's row without what only the year's end knows. */
export type DeclaredIndicator = Pick<
  IndicatorRow,
  'level1' | 'level1Label' | 'level2' | 'level2Label' | 'name' | 'comparator' | 'target' | 'measureUnit' | 'weight'
>;

/** Planned funds by source (项目资金), as written in `unit`. */
export type PlannedFunds = {
  unit: MoneyUnit;
  /** 年度资金总额 */
  total: string;
  /** 其中：财政拨款 */
  currentAppropriation: string;
  /** 上年结转资金 */
  priorYearCarryover: string;
  /** 其他资金 */
  other: string;
};

export type DeclarationForm = {
  declarationVersion: 1;
  fiscalYear: number | null;
  projectName: string;
  projectCode: string;
  /** 主管部门 */
  department: string;
  /** 实施单位 */
  implementingUnit: string;
  /** 项目属性 (新增 / 延续 …) */
  projectCategory: string;
  /** 项目周期 (1年 …) */
  projectPeriod: string;
  funds: PlannedFunds;
  /** 中期目标, when the template has one. */
  midTermGoal: string;
  /** 年度总体目标 */
  annualGoal: string;
  indicators: DeclaredIndicator[];
};

export const emptyDeclaredIndicator = (overrides: Partial<DeclaredIndicator> = {}): DeclaredIndicator => ({
  level1: null,
  level1Label: '',
  level2: null,
  level2Label: '',
  name: '',
  comparator: '',
  target: '',
  measureUnit: '',
  weight: '',
  ...overrides,
});

export const emptyDeclaration = (): DeclarationForm => ({
  declarationVersion: 1,
  fiscalYear: null,
  projectName: '',
  projectCode: '',
  department: '',
  implementingUnit: '',
  projectCategory: '',
  projectPeriod: '',
  funds: { unit: '万元', total: '', currentAppropriation: '', priorYearCarryover: '', other: '' },
  midTermGoal: '',
  annualGoal: '',
  indicators: [],
});
