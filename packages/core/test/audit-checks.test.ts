import { describe, expect, it } from 'vitest';
import { type EvaluationForm, evaluate, FINDING_CODES, type FindingCode } from '../src/index.ts';
import { seedForm } from './seed-form.ts';

type Edit = (form: EvaluationForm) => void;

const withEdit = (edit: Edit): EvaluationForm => {
  const form = structuredClone(seedForm());
  edit(form);
  return form;
};

const row = (form: EvaluationForm, name: string) => {
  const found = form.indicators.find((indicator) => indicator.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};

const section = (form: EvaluationForm, number: number) => {
  const found = form.narrative.sections.find((item) => item.number === number);
  if (!found) throw new Error(`no section ${number}`);
  return found;
};

/** Each finding code of findings.md, raised by one realistic mistake made on the seed. */
const CASES: [FindingCode, Edit, string][] = [
  [
    'EXEC_RATE_MISMATCH',
    (f) => {
      f.funds.statedExecutionRate = '75.03%';
    },
    '73.03%',
  ],
  [
    'EXEC_SCORE_MISMATCH',
    (f) => {
      f.funds.statedExecutionScore = '10';
    },
    '7.30',
  ],
  [
    'WEIGHTS_NOT_100',
    (f) => {
      row(f, '征收业务培训完成及时率').weight = '5';
    },
    '102.00',
  ],
  [
    'LEVEL_WEIGHT_MISMATCH',
    (f) => {
      f.declaredLevel1Weights.output = '40';
    },
    '产出指标标注 40 分',
  ],
  [
    'SCORE_ABOVE_WEIGHT',
    (f) => {
      row(f, '征收业务培训完成及时率').statedScore = '4';
    },
    '得分 4.00 超过分值 3.00',
  ],
  [
    'SHORTFALL_WITHOUT_NOTE',
    (f) => Object.assign(row(f, '项目前期单位产摸底调查数量（个）'), { actual: '12', statedScore: '4' }),
    '偏差原因',
  ],
  [
    'MET_TARGET_SCORED_BELOW_WEIGHT',
    (f) => {
      row(f, '征收业务培训考核合格率').statedScore = '4';
    },
    '应得满分 5.00',
  ],
  [
    'ACTUAL_MISSING',
    (f) => {
      row(f, '征收业务培训考核合格率').actual = '—';
    },
    '未填写实际完成值',
  ],
  [
    'UNPARSEABLE_VALUE',
    (f) => {
      row(f, '征收业务培训考核合格率').actual = '95%%';
    },
    '百分号重复',
  ],
  [
    'OVER_ACHIEVEMENT',
    (f) => {
      row(f, '项目前期私房摸底调查数量（户）').actual = '2000';
    },
    '39.47%',
  ],
  [
    'LOW_EXECUTION_UNEXPLAINED',
    (f) => {
      row(f, '征收工作经费（万元）').deviationNote = '';
    },
    '未提及',
  ],
  [
    'NARRATIVE_TABLE_MISMATCH',
    (f) => {
      section(f, 2).body = '2022年项目支出预算共 40 万元，实际支出 27.75 万元。';
    },
    '预算 40 万元',
  ],
  [
    'GRADE_MISMATCH',
    (f) => {
      f.statedGrade = '良';
    },
    '应为“优”',
  ],
  [
    'BUDGET_MISSING',
    (f) => {
      f.funds.total.initialBudget = '';
      f.funds.currentAppropriation.initialBudget = '';
    },
    '无法计算预算执行率',
  ],
  [
    'OVERSPEND',
    (f) => {
      f.funds.total.executed = '40';
    },
    '105.26%',
  ],
  [
    'FUND_SPLIT_MISMATCH',
    (f) => {
      f.funds.currentAppropriation.initialBudget = '30';
    },
    '30万元',
  ],
  [
    'UNIT_MISMATCH',
    (f) => {
      row(f, '征收工作经费（万元）').actual = '27.75户';
    },
    '不一致',
  ],
  [
    'COMPOUND_PARTS_MISMATCH',
    (f) => {
      row(f, '组织征收工作人员业务培训（场次/人数）').actual = '1/178/3';
    },
    '2项',
  ],
  [
    'NONDEFAULT_WEIGHTS',
    (f) => {
      f.funds.executionWeight = '20';
    },
    '默认 10 分',
  ],
  [
    'PROJECT_FIELD_BLANK',
    (f) => {
      f.projectName = '　';
    },
    '项目名称未填写',
  ],
  [
    'INCOMPLETE_FORM',
    (f) => {
      f.complete = false;
    },
    '需要完整表格的核对未进行',
  ],
  [
    'NOT_A_SELF_EVALUATION',
    (f) => {
      f.formKind = 'target-declaration';
    },
    '绩效目标申报表（只有年度指标值，没有实际完成值）',
  ],
  [
    'COST_INDICATOR_MISSING',
    (f) => {
      f.indicators = f.indicators.filter((r) => r.level2 !== 'cost');
    },
    '成本指标',
  ],
  [
    'PROBLEMS_WITHOUT_MEASURES',
    (f) => {
      section(f, 8).body = '继续加强管理。';
    },
    '继续加强管理',
  ],
];

describe('every finding code can be raised, with a message naming the numbers', () => {
  it('covers the table of findings.md', () => {
    const seedCodes = new Set(evaluate(seedForm()).findings.map((finding) => finding.code));
    const covered = new Set([
      ...CASES.map(([code]) => code),
      ...seedCodes,
      'EXECUTION_CAP_APPLIED',
      'TOTAL_MISMATCH',
      'SCORE_NOT_PER_RULE',
      // Raised from the same project's earlier rectification items, not from the form (rectification-findings.test.ts).
      'RECTIFICATION_OPEN',
      'RECTIFICATION_OVERDUE',
      // Raised against the approved declaration and the monitoring reports, or on a declaration itself
      // (core/src/budget-year/*.test.ts), not from the self-evaluation form alone.
      'TARGET_CHANGED_AFTER_APPROVAL',
      'WEIGHT_CHANGED_AFTER_APPROVAL',
      'INDICATOR_SET_CHANGED',
      'EXECUTION_BEHIND_SCHEDULE',
      'MONITORING_WARNING_UNADDRESSED',
      'TARGET_NOT_MEASURABLE',
      'DECLARED_WEIGHTS_OFF_BLOCKS',
      'TARGET_BELOW_LAST_ACTUAL',
      // Raised against the organisation tree when the evaluation is read (validate/department-mismatch.test.ts).
      'DEPARTMENT_MISMATCH',
    ]);
    expect(Object.keys(FINDING_CODES).filter((code) => !covered.has(code as FindingCode))).toEqual([]);
  });

  it.each(CASES)('%s', (code, edit, words) => {
    const findings = evaluate(withEdit(edit)).findings.filter((finding) => finding.code === code);
    expect(findings.length, `expected ${code}`).toBeGreaterThan(0);
    expect(findings.map((finding) => finding.message).join('\n')).toContain(words);
    for (const finding of findings) expect(finding.severity).toBe(FINDING_CODES[code].severity);
  });

  it('raises SCORE_NOT_PER_RULE as a warning when the unit scored itself higher, info when lower', () => {
    const higher = evaluate(
      withEdit((f) =>
        Object.assign(row(f, '项目前期单位产摸底调查数量（个）'), { actual: '12', deviationNote: '拆迁户减少' }),
      ),
    );
    expect(higher.findings.find((finding) => finding.code === 'SCORE_NOT_PER_RULE')).toMatchObject({
      severity: 'warning',
    });
    const lower = evaluate(
      withEdit((f) =>
        Object.assign(row(f, '项目前期单位产摸底调查数量（个）'), { statedScore: '4.5', deviationNote: '酌情扣分' }),
      ),
    );
    expect(lower.findings.find((finding) => finding.code === 'SCORE_NOT_PER_RULE')).toMatchObject({ severity: 'info' });
  });
});
