import { type EvaluationForm, emptyForm, emptyIndicator, type IndicatorRow, type Level2 } from '../model/form.ts';

/**
 * Deterministic generator of realistic self-evaluation forms for benchmarks, load tests and round-trip
 * properties. Not used by the engine itself. A seed gives the same form every time.
 */

/** mulberry32: small, fast, good enough to vary test data; not for anything secret. */
export const createRandom = (seed: number) => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
};

type Random = ReturnType<typeof createRandom>;

const UNITS = [
  '开福区城市房屋征收和补偿管理办公室',
  '开福区教育局',
  '开福区卫生健康局',
  '开福区民政局',
  '开福区住房和城乡建设局',
  '开福区城市管理和综合执法局',
];
const PROJECTS = [
  '征收工作经费',
  '义务教育学校运转经费',
  '社区卫生服务补助',
  '城乡低保资金',
  '老旧小区改造项目',
  '环卫保洁经费',
  '公共文化服务经费',
];

const QUANTITY_NAMES: readonly [string, string][] = [
  ['完成入户调查数量', '户'],
  ['开展业务培训', '场次'],
  ['受益人数', '人次'],
  ['改造小区数量', '个'],
  ['发放补助资金', '万元'],
];
const RATE_NAMES = ['工作完成合格率', '资金拨付及时率', '验收合格率', '档案归档完整率'];

const quantityRow = (random: Random, weight: number, level2: Level2, label: string): IndicatorRow => {
  const [name, unit] = random.pick(QUANTITY_NAMES);
  const target = random.int(10, 2000);
  const actual = Math.max(0, target + random.int(-target * 0.3, target * 0.4));
  const score = actual >= target ? weight : Math.round((weight * actual * 100) / target) / 100;
  return emptyIndicator({
    level1: 'output',
    level1Label: '产出指标',
    level2,
    level2Label: label,
    name: `${name}（${unit}）`,
    target: random.next() < 0.3 ? `≥${target}` : String(target),
    actual: String(actual),
    weight: String(weight),
    statedScore: String(random.next() < 0.9 ? score : weight),
    deviationNote: actual < target && random.next() < 0.6 ? '受项目进度影响，部分工作顺延至下年度完成。' : '',
  });
};

const rateRow = (random: Random, weight: number, level2: Level2, label: string): IndicatorRow => {
  const target = random.pick([80, 85, 90, 95, 100]);
  const actual = Math.min(100, target + random.int(-10, 10));
  return emptyIndicator({
    level1: 'output',
    level1Label: '产出指标',
    level2,
    level2Label: label,
    name: random.pick(RATE_NAMES),
    target: `${random.pick(['≥', '', '不低于'])}${target}%`,
    actual: `${actual}%`,
    weight: String(weight),
    statedScore: String(weight),
  });
};

/** A complete form: funds, 8–16 indicators summing to 100 with execution, a narrative of ~1,500 characters. */
export const generateForm = (seed: number): EvaluationForm => {
  const random = createRandom(seed);
  const budget = random.int(10, 5000);
  const executed = Math.round(budget * (0.5 + random.next() * 0.55) * 100) / 100;
  const rate = Math.round((executed / budget) * 10000) / 100;
  const outputRows: IndicatorRow[] = [
    quantityRow(random, 10, 'quantity', '数量指标'),
    quantityRow(random, 10, 'quantity', '数量指标'),
    rateRow(random, 10, 'quality', '质量指标'),
    rateRow(random, 10, 'timeliness', '时效指标'),
    emptyIndicator({
      level1: 'output',
      level1Label: '产出指标',
      level2: 'cost',
      level2Label: '成本指标',
      name: '项目成本控制（万元）',
      target: `≤${budget}`,
      actual: String(executed),
      weight: '10',
      statedScore: '10',
    }),
  ];
  const outcomeRows: IndicatorRow[] = [
    emptyIndicator({
      level1: 'outcome',
      level1Label: '效益指标',
      level2: 'social',
      level2Label: '社会效益指标',
      name: '群众生活条件改善',
      target: random.pick(['有效改善', '明显提升', '有效保障']),
      actual: random.pick(['有效改善', '明显提升', '基本完成', '有效保障']),
      weight: '20',
      statedScore: '20',
    }),
    emptyIndicator({
      level1: 'outcome',
      level1Label: '效益指标',
      level2: 'sustainability',
      level2Label: '可持续影响指标',
      name: '长效管理机制建立',
      target: '1/2',
      actual: `${random.int(0, 2)}/${random.int(1, 3)}`,
      weight: '10',
      statedScore: '10',
    }),
  ];
  const satisfaction = emptyIndicator({
    level1: 'satisfaction',
    level1Label: '满意度指标',
    level2: 'serviceSatisfaction',
    level2Label: '服务对象满意度指标',
    name: '服务对象满意度',
    target: '≥90%',
    actual: `${random.int(85, 99)}%`,
    weight: '10',
    statedScore: '10',
  });
  const department = random.pick(UNITS);
  const projectName = random.pick(PROJECTS);
  const year = random.int(2020, 2025);
  const problems = random.next() < 0.5 ? '部分项目资金拨付进度滞后，执行率偏低。' : '项目推进中遇到协调难度大等问题。';
  return {
    ...emptyForm(),
    fiscalYear: year,
    projectName,
    department,
    implementingUnit: random.next() < 0.7 ? department : '',
    funds: {
      ...emptyForm().funds,
      total: {
        initialBudget: String(budget),
        adjustedBudget: random.next() < 0.6 ? String(budget) : '',
        executed: String(executed),
      },
      currentAppropriation: { initialBudget: String(budget), adjustedBudget: '', executed: '' },
      executionWeight: '10',
      statedExecutionRate: `${rate.toFixed(2)}%`,
      statedExecutionScore: String(Math.min(10, Math.round(rate * 10) / 100)),
    },
    annualGoal: {
      expected: `按计划完成${projectName}年度任务，保障工作正常开展。`,
      actual: `已完成${projectName}年度主要任务。`,
    },
    declaredLevel1Weights: { output: '50', outcome: '30', satisfaction: '10' },
    indicators: [...outputRows, ...outcomeRows, satisfaction],
    statedTotal: { weight: '100', score: String(random.int(85, 100)) },
    narrative: {
      title: `${year}年度${department}${projectName}绩效自评报告`,
      sections: [
        {
          number: 1,
          heading: '单位基本情况',
          body: `本单位编制数${random.int(5, 40)}人，在职人数${random.int(5, 40)}人。主要职能为${projectName}相关工作的组织实施。`.repeat(
            3,
          ),
        },
        {
          number: 2,
          heading: '项目支出基本情况',
          body: `${year}年项目预算共 ${budget} 万元，实际支出 ${executed} 万元，预算执行率为${rate.toFixed(2)}%。`.repeat(
            2,
          ),
        },
        {
          number: 3,
          heading: '项目支出主要绩效',
          body: '通过项目实施，较好地完成了年度绩效目标，群众满意度较高。'.repeat(8),
        },
        { number: 4, heading: '存在的问题及原因分析', body: problems.repeat(4) },
        { number: 5, heading: '下一步改进措施', body: '加强预算执行管理，科学设置绩效目标，强化绩效监控。'.repeat(6) },
      ],
    },
  };
};
