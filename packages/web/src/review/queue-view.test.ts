import { describe, expect, it } from 'vitest';
import type { ReviewQueueItem } from '../api/types.ts';
import { canBatchApprove, filterQueue, queueFilterOptions, queueToCsv } from './queue-view.ts';

const item = (overrides: Partial<ReviewQueueItem>): ReviewQueueItem => ({
  id: 'e1',
  organizationId: 'u1',
  organizationName: '开福区城市房屋征收和补偿管理办公室',
  departmentName: '开福区住房和城乡建设局',
  projectName: '征收工作经费',
  fiscalYear: 2022,
  status: 'finance_review',
  statusLabel: '财政局审核中',
  ruleSet: 'national-2020',
  version: 3,
  totalScore: 97.3,
  grade: '优',
  currentRevisionId: 'r1',
  createdAt: '2023-03-01T00:00:00.000Z',
  updatedAt: '2023-03-02T00:00:00.000Z',
  executionRate: 73.03,
  risk: { score: 31, reasons: ['执行率偏低（73.03%）'] },
  ...overrides,
});

const queue = [
  item({ id: 'a' }),
  item({ id: 'b', fiscalYear: 2023, risk: { score: 3, reasons: ['1 项警告'] } }),
  item({
    id: 'c',
    organizationId: 'u2',
    organizationName: '开福区教育局',
    projectName: '校舍维修',
    risk: { score: 12, reasons: [] },
  }),
  item({ id: 'd', status: 'department_review', statusLabel: '主管部门审核中', risk: { score: 0, reasons: [] } }),
];

describe('filterQueue', () => {
  it.each([
    [{}, ['a', 'b', 'c', 'd']],
    [{ fiscalYear: 2023 }, ['b']],
    [{ organizationId: 'u2' }, ['c']],
    [{ status: 'department_review' as const }, ['d']],
    [{ riskLevel: 'high' as const }, ['a']],
    [{ riskLevel: 'medium' as const }, ['c']],
    [{ riskLevel: 'low' as const }, ['b', 'd']],
    [{ text: '教育' }, ['c']],
    [{ text: ' 校舍 ' }, ['c']],
    [{ fiscalYear: 2022, riskLevel: 'low' as const }, ['d']],
  ])('%o keeps %o', (filter, ids) => {
    expect(filterQueue(queue, filter).map((row) => row.id)).toEqual(ids);
  });
});

describe('queueFilterOptions', () => {
  it('offers only what occurs, years newest first', () => {
    const options = queueFilterOptions(queue);
    expect(options.years.map((option) => option.label)).toEqual(['2023 年度', '2022 年度']);
    expect(options.units.map((option) => option.value)).toEqual(['u1', 'u2']);
    expect(options.statuses.map((option) => option.label)).toEqual(['财政局审核中', '主管部门审核中']);
  });
});

describe('canBatchApprove', () => {
  it('offers only low-risk items', () => {
    expect(queue.filter(canBatchApprove).map((row) => row.id)).toEqual(['b', 'd']);
  });
});

describe('queueToCsv', () => {
  it('writes a BOM, Chinese headers, one CRLF line per item, quoting and formula-safe cells', () => {
    const csv = queueToCsv([
      item({ projectName: '征收,"补偿"经费', risk: { score: 31, reasons: ['a', 'b'] } }),
      item({
        projectName: '=HYPERLINK("x")',
        totalScore: null,
        grade: null,
        executionRate: null,
        departmentName: null,
      }),
    ]);
    expect(csv.startsWith('\uFEFF年度,单位,主管部门,项目名称,状态,执行率（%）,复核得分,等级,风险分,风险说明\r\n')).toBe(
      true,
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      '2022,开福区城市房屋征收和补偿管理办公室,开福区住房和城乡建设局,"征收,""补偿""经费",财政局审核中,73.03,97.30,优,31,a；b',
    );
    expect(lines[2]).toBe(
      `2022,开福区城市房屋征收和补偿管理办公室,,"'=HYPERLINK(""x"")",财政局审核中,,,,31,执行率偏低（73.03%）`,
    );
    expect(lines[3]).toBe('');
  });
});
