import {
  type EvaluationForm,
  emptyForm,
  emptyIndicator,
  type IndicatorRow,
  type Level1,
  type Level2,
} from '../src/index.ts';

/**
 * The seed report (shared/seed, 开福区城市房屋征收和补偿管理办公室 2022) transcribed cell by cell, so that core's
 * tests do not depend on the text importer. The importer's own tests check it reads the file into this same form.
 */
const row = (
  level1: Level1,
  level1Label: string,
  level2: Level2,
  level2Label: string,
  name: string,
  target: string,
  actual: string,
  weight: string,
  statedScore: string,
  deviationNote = '',
): IndicatorRow =>
  emptyIndicator({
    level1,
    level1Label,
    level2,
    level2Label,
    name,
    target,
    actual,
    weight,
    statedScore,
    deviationNote,
  });

const out = (level2: Level2, label: string, ...rest: [string, string, string, string, string, string?]) =>
  row('output', '产出指标', level2, label, ...rest);
const outcome = (level2: Level2, label: string, ...rest: [string, string, string, string, string, string?]) =>
  row('outcome', '效益指标', level2, label, ...rest);

export const seedForm = (): EvaluationForm => ({
  ...emptyForm(),
  fiscalYear: 2022,
  projectName: '征收工作经费',
  department: '开福区城市房屋征收和补偿管理办公室',
  implementingUnit: '',
  funds: {
    unit: '万元',
    total: { initialBudget: '38', adjustedBudget: '', executed: '27.75' },
    currentAppropriation: { initialBudget: '38', adjustedBudget: '', executed: '' },
    priorYearCarryover: { initialBudget: '', adjustedBudget: '', executed: '' },
    other: { initialBudget: '', adjustedBudget: '', executed: '' },
    executionWeight: '10',
    statedExecutionRate: '73.03%',
    statedExecutionScore: '7.3',
  },
  annualGoal: {
    expected:
      '全面参与项目前期准备工作，年内拟完成项目前期私房摸底调查1434户，单位产摸底调查15个，确保全区征收项目稳步推进。',
    actual: '参与项目前期准备工作，年内完成项目前期私房摸底调查1434户，单位产摸底调查15个。',
  },
  declaredLevel1Weights: { output: '50', outcome: '30', satisfaction: '10' },
  indicators: [
    out('quantity', '数量指标', '项目前期私房摸底调查数量（户）', '1434', '1434', '5', '5'),
    out('quantity', '数量指标', '项目前期单位产摸底调查数量（个）', '15', '15', '5', '5'),
    out('quantity', '数量指标', '组织征收工作人员业务培训（场次/人数）', '1/160', '1/178', '5', '5'),
    out(
      'quantity',
      '数量指标',
      '提供法律意见/相关文书及合同审查修改/诉讼案件办理（次/次/件）',
      '无',
      '80/92/8',
      '5',
      '5',
    ),
    out('quality', '质量指标', '征收项目前期调查摸底工作完成合格率', '95%', '100%', '5', '5'),
    out('quality', '质量指标', '征收业务培训考核合格率', '95%', '100%', '5', '5'),
    out('quality', '质量指标', '法顾顾问工作完成合格率', '95%', '100%', '5', '5'),
    out('timeliness', '时效指标', '征收项目前期调查摸底工作完成及时率', '95%', '100%', '5', '5'),
    out('timeliness', '时效指标', '征收业务培训完成及时率', '95%', '100%', '3', '3'),
    out('timeliness', '时效指标', '法律顾问工作完成及时率', '95%', '100%', '2', '2'),
    out('cost', '成本指标', '征收工作经费（万元）', '38', '27.75', '5', '5', '另有10万元2022年年末已申请支付但未支付'),
    out('cost', '成本指标', '……', '', '', '', ''),
    outcome('economic', '经济效益指标', '', '', '', '', ''),
    outcome('economic', '经济效益指标', '……', '', '', '', ''),
    outcome('social', '社会效益指标', '确保征收项目稳步推进，征收工作正常开展', '有效保障', '有效保障', '30', '30'),
    outcome('social', '社会效益指标', '……', '', '', '', ''),
    outcome('ecological', '生态效益指标', '', '', '', '', ''),
    outcome('ecological', '生态效益指标', '……', '', '', '', ''),
    outcome('sustainability', '可持续影响指标', '', '', '', '', ''),
    outcome('sustainability', '可持续影响指标', '……', '', '', '', ''),
    row(
      'satisfaction',
      '满意度指标',
      'serviceSatisfaction',
      '服务对象满意度指标',
      '被摸底调查对象满意度',
      '90%',
      '95%',
      '10',
      '10',
    ),
    row('satisfaction', '满意度指标', 'serviceSatisfaction', '服务对象满意度指标', '……', '', '', '', ''),
  ],
  statedTotal: { weight: '100', score: '100' },
  narrative: {
    title: '2022年度开福区城市房屋征收和补偿管理办公室重点项目绩效自评报告',
    sections: [
      {
        number: 1,
        heading: '单位基本情况',
        body: '1、在职人员情况：本部门编制数10人，在职人数11人，其中：领导职数4名（主任1名，副主任2名，改非领导1名），一般干部7名；编外长期聘用人员6人。\n2、机构设置：本部门内设四个科室，分别为：综合科、征收科、财务科、信访科。',
      },
      {
        number: 2,
        heading: '项目支出基本情况',
        body: '（一）项目支出资金概况\n2022年我单位项目支出预算共 38 万元，包含项目 1 个，实际支出 27.75 万元（业务工作经费 27.75 万元、专项经费   万元、政府专项经费 0 万元），预算执行率为73.03%，涵盖项目1个。具体情况如下：\n金额单位：万元\n\t项目名称\n\t征收项目前期工作经费、征收工作经费\n\t征收项目前期调查摸底工作经费、法律顾问费、业务培训等\n\t38\n\t38\n\t27.75\n\t27.75\n\n\t\n合计\n\t38\n\t38\n\t27.75\n\t27.75\n（二）项目绩效目标情况\n为提升城市品位，改善老城区居民生活环境。',
      },
      { number: 3, heading: '政府性基础预算支出情况', body: '无。' },
      { number: 4, heading: '国有资本经营预算支出情况', body: '无。' },
      { number: 5, heading: '社会保险基金预算支出情况', body: '无。' },
      {
        number: 6,
        heading: '项目支出主要绩效',
        body: '2022年度完成了辖区内拟启动征收的15个项目，涉及1434户的前期调查摸底工作，为后续征收补偿工作顺利开展做好了相关准备。',
      },
      {
        number: 7,
        heading: '存在的问题及原因分析',
        body: '今年我区征收工作虽取得了较好成效，但仍面临生地出让土地使用权收回和部分单位征收推进难度大等问题，影响了项目扫尾及结算工作。',
      },
      { number: 8, heading: '下一步改进措施', body: '对于明年计划新启动项目，及时对接各业主单位加快前期手续办理。' },
      { number: 9, heading: '绩效自评结果拟应用和公开情况', body: '拟将绩效自评报告在开福区政府网站上进行公示。' },
    ],
  },
});
