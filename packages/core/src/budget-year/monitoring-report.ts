import type { MoneyUnit } from '../model/form.ts';

/**
 * 项目支出绩效目标执行监控表 (mid-year monitoring, 双监控): money spent so far and progress on each declared
 * indicator at the bureau's monitoring date (usually 31 July), with the causes of any deviation, the chance of
 * still meeting the target and what the unit will do about it.
 */

/** 完成目标可能性 */
export const LIKELIHOODS = ['certain', 'possible', 'impossible'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export const LIKELIHOOD_LABELS: Record<Likelihood, string> = {
  certain: '确定能',
  possible: '有可能',
  impossible: '完全不可能',
};

/** 偏差原因分析: the template's tick columns. */
export const DEVIATION_CAUSES = ['funding', 'institutional', 'staffing', 'hardware', 'other'] as const;
export type DeviationCause = (typeof DEVIATION_CAUSES)[number];

export const DEVIATION_CAUSE_LABELS: Record<DeviationCause, string> = {
  funding: '经费保障',
  institutional: '制度保障',
  staffing: '人员保障',
  hardware: '硬件条件保障',
  other: '其他',
};

/** One fund row at the monitoring date, as written in `MonitoringReport.funds.unit`. */
export type MonitoredFundCells = {
  /** 年初预算数 (or the adjusted budget when the template shows it) */
  budget: string;
  /** 1–N月执行数 */
  executed: string;
  /** 全年预计执行数 */
  expectedAnnual: string;
};

export type MonitoredIndicator = {
  level1Label: string;
  level2Label: string;
  /** 三级指标, as declared: the row is matched to the declaration by this name. */
  name: string;
  /** 年度指标值, as declared */
  target: string;
  /** 1–N月执行情况 */
  progress: string;
  /** 全年预计完成情况 */
  expectedAnnual: string;
  deviationCauses: DeviationCause[];
  /** 原因说明 */
  deviationReason: string;
  /** Null when not judged (a blank tick row). */
  likelihood: Likelihood | null;
  /** 纠偏措施 / 备注 */
  measures: string;
};

export type MonitoringReport = {
  monitoringVersion: 1;
  fiscalYear: number | null;
  /** The monitoring date, YYYY-MM-DD (China calendar day). */
  asOf: string;
  projectName: string;
  department: string;
  implementingUnit: string;
  funds: {
    unit: MoneyUnit;
    total: MonitoredFundCells;
    currentAppropriation: MonitoredFundCells;
    priorYearCarryover: MonitoredFundCells;
    other: MonitoredFundCells;
  };
  annualGoal: string;
  /** 总体目标完成情况 so far */
  goalProgress: string;
  indicators: MonitoredIndicator[];
  /** 纠偏措施 for the project as a whole */
  measures: string;
};

export const emptyMonitoredFundCells = (): MonitoredFundCells => ({ budget: '', executed: '', expectedAnnual: '' });

export const emptyMonitoringReport = (): MonitoringReport => ({
  monitoringVersion: 1,
  fiscalYear: null,
  asOf: '',
  projectName: '',
  department: '',
  implementingUnit: '',
  funds: {
    unit: '万元',
    total: emptyMonitoredFundCells(),
    currentAppropriation: emptyMonitoredFundCells(),
    priorYearCarryover: emptyMonitoredFundCells(),
    other: emptyMonitoredFundCells(),
  },
  annualGoal: '',
  goalProgress: '',
  indicators: [],
  measures: '',
});
