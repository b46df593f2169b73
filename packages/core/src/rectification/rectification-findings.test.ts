import { describe, expect, it } from 'vitest';
import { type EarlierRectificationItem, rectificationFindings } from './rectification-findings.ts';

const item = (overrides: Partial<EarlierRectificationItem>): EarlierRectificationItem => ({
  id: 'a',
  fiscalYear: 2025,
  description: '结算工作滞后',
  deadline: '2026-06-30',
  status: 'open',
  ...overrides,
});

describe('rectificationFindings', () => {
  it.each<[string, EarlierRectificationItem, string, string[]]>([
    ['open before its deadline', item({}), '2026-03-01', ['RECTIFICATION_OPEN']],
    ['on its deadline day', item({ status: 'in_progress' }), '2026-06-30', ['RECTIFICATION_OPEN']],
    ['past its deadline', item({}), '2026-07-01', ['RECTIFICATION_OVERDUE']],
    ['submitted and past its deadline', item({ status: 'submitted' }), '2026-07-01', ['RECTIFICATION_OVERDUE']],
    ['closed', item({ status: 'closed' }), '2026-07-01', []],
    ['cancelled', item({ status: 'cancelled' }), '2026-07-01', []],
  ])('%s', (_, given, today, codes) => {
    expect(rectificationFindings([given], today).map((finding) => finding.code)).toEqual(codes);
  });

  it('names the item, its year and deadline, in the audit finding shape; warnings first', () => {
    const findings = rectificationFindings(
      [item({ id: 'x' }), item({ id: 'y', description: '满意度调查未开展', deadline: '2026-01-31' })],
      '2026-02-01',
    );
    expect(findings).toEqual([
      {
        code: 'RECTIFICATION_OVERDUE',
        severity: 'warning',
        where: 'rectification.y',
        rule: 'AUDIT-RECTIFICATION_OVERDUE',
        message: '2025年度整改事项“满意度调查未开展”整改期限为 2026-01-31，已逾期，仍未销号（待整改）。',
      },
      {
        code: 'RECTIFICATION_OPEN',
        severity: 'info',
        where: 'rectification.x',
        rule: 'AUDIT-RECTIFICATION_OPEN',
        message: '2025年度整改事项“结算工作滞后”尚未销号（待整改），整改期限为 2026-06-30。',
      },
    ]);
  });
});
