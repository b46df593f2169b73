import { describe, expect, it } from 'vitest';
import { requireRuleSet } from '../rules/rule-sets.ts';
import { ruleSetSchema } from '../rules/schema.ts';
import {
  DEFAULT_BEHIND_TOLERANCE,
  monitoringExecutionRate,
  monitoringFindings,
  summariseMonitoring,
  yearTimeShare,
} from './monitoring-checks.ts';
import { emptyMonitoringReport, type MonitoredIndicator, type MonitoringReport } from './monitoring-report.ts';

const report = (budget: string, executed: string, asOf = '2026-07-31', indicators: MonitoredIndicator[] = []) => {
  const base = emptyMonitoringReport();
  return {
    ...base,
    asOf,
    fiscalYear: 2026,
    funds: { ...base.funds, total: { budget, executed, expectedAnnual: '' } },
    indicators,
  } satisfies MonitoringReport;
};

const indicator = (overrides: Partial<MonitoredIndicator>): MonitoredIndicator => ({
  level1Label: '产出指标',
  level2Label: '数量指标',
  name: '培训人次',
  target: '≥500人次',
  progress: '',
  expectedAnnual: '',
  deviationCauses: [],
  deviationReason: '',
  likelihood: 'certain',
  measures: '',
  ...overrides,
});

describe('yearTimeShare', () => {
  it.each([
    ['2026-07-31', '58.08'],
    ['2024-07-31', '58.20'],
    ['2026-01-01', '0.27'],
    ['2026-12-31', '100.00'],
    ['2024-12-31', '100.00'],
    ['2026-06-30', '49.59'],
    ['2026-02-30', '0.00'],
    ['', '0.00'],
  ])('%s → %s', (asOf, share) => {
    expect(yearTimeShare(asOf)).toBe(share);
  });
});

describe('monitoringExecutionRate', () => {
  it.each([
    ['100', '50', '50.00'],
    ['300', '100', '33.33'],
    ['3', '2', '66.67'],
    ['100', '0', '0.00'],
    ['1,000,000元', '500000元', '50.00'],
    ['0', '10', null],
    ['', '10', null],
    ['100', '', null],
    ['一百', '10', null],
  ])('%s / %s → %s', (budget, executed, rate) => {
    expect(monitoringExecutionRate(report(budget, executed))).toBe(rate);
  });
});

describe('summariseMonitoring', () => {
  const ruleSet = requireRuleSet('national-2020');
  it.each<[string, string, string, boolean]>([
    ['just below the tolerance at 31 July', '100', '50.07', true],
    ['at the threshold exactly', '100', '50.08', false],
    ['on schedule', '100', '60', false],
    ['nothing readable', '', '', false],
  ])('%s', (_, budget, executed, behind) => {
    const summary = summariseMonitoring(report(budget, executed), ruleSet);
    expect(summary.behindSchedule).toBe(behind);
    expect(summary.timeShare).toBe('58.08');
    expect(summary.threshold).toBe('50.08');
  });

  it('takes the tolerance from the rule set when it has one', () => {
    const strict = { monitoring: { behindTolerance: 0 } };
    expect(summariseMonitoring(report('100', '58'), strict).behindSchedule).toBe(true);
    expect(summariseMonitoring(report('100', '58'), {}).behindSchedule).toBe(false);
    expect(DEFAULT_BEHIND_TOLERANCE).toBe(0.08);
  });

  it('counts the indicators at risk: 完全不可能, or 有可能 with a deviation', () => {
    const summary = summariseMonitoring(
      report('100', '60', '2026-07-31', [
        indicator({ likelihood: 'impossible' }),
        indicator({ likelihood: 'possible', deviationCauses: ['funding'] }),
        indicator({ likelihood: 'possible', deviationReason: '招标延期' }),
        indicator({ likelihood: 'possible' }),
        indicator({ likelihood: 'certain', deviationReason: '略有延误' }),
        indicator({ likelihood: null }),
      ]),
      ruleSet,
    );
    expect(summary.atRiskIndicators).toBe(3);
  });

  it('existing rule sets stay valid without the optional key, and the key is validated when given', () => {
    expect(ruleSetSchema.safeParse({ ...ruleSet, monitoring: undefined }).success).toBe(true);
    expect(ruleSetSchema.safeParse({ ...ruleSet, monitoring: { behindTolerance: 0.1 } }).success).toBe(true);
    expect(ruleSetSchema.safeParse({ ...ruleSet, monitoring: { behindTolerance: 2 } }).success).toBe(false);
  });
});

describe('monitoringFindings', () => {
  const ruleSet = requireRuleSet('national-2020');
  it('raises EXECUTION_BEHIND_SCHEDULE naming the rate, the time share and the threshold', () => {
    expect(monitoringFindings(report('200', '80'), ruleSet)).toEqual([
      {
        code: 'EXECUTION_BEHIND_SCHEDULE',
        severity: 'warning',
        where: 'funds.total.executed',
        rule: 'AUDIT-EXECUTION_BEHIND_SCHEDULE',
        message:
          '截至 2026-07-31 预算执行率 40.00%，时间进度 58.08%，低于时间进度减容差后的 50.08%，预算执行进度滞后。',
      },
    ]);
  });

  it.each([
    ['on schedule', '200', '120'],
    ['unreadable', '200', '未知'],
  ])('raises nothing when %s', (_, budget, executed) => {
    expect(monitoringFindings(report(budget, executed), ruleSet)).toEqual([]);
  });
});
