import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { declarationFormSchema, evaluate, monitoringReportSchema } from '@jixiao/core';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readReport } from '../read-report.ts';
import { readDeclarationFile, readMonitoringFile } from './read-budget-year.ts';

const WORKBOOK = fileURLToPath(new URL('../../../../fixtures/xls/central-2019-project-workbook.xls', import.meta.url));
const workbook = () => readFile(WORKBOOK).then((buffer) => new Uint8Array(buffer));

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const paragraph = (text: string) => `<w:p><w:r><w:t>${escapeXml(text)}</w:t></w:r></w:p>`;
const table = (rows: string[][]) =>
  `<w:tbl>${rows
    .map((cells) => `<w:tr>${cells.map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`)
    .join('')}</w:tbl>`;
const docx = (body: string) =>
  zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });

describe('the central 2019 project workbook (.xls, 11 sheets)', () => {
  it('finds the monitoring sheet by its content and reads its real values, ticks included', async () => {
    const result = await readMonitoringFile(await workbook(), 'central-2019-project-workbook.xls');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sheetName).toBe('项目支出绩效目标执行监控');
    const report = result.value;
    expect(monitoringReportSchema.safeParse(report).success).toBe(true);
    expect(report).toMatchObject({
      fiscalYear: 2019,
      asOf: '2019-07-31',
      projectName: '2019年210青少年校园足球扶持资金',
      department: '教育部',
      implementingUnit: '北京大学',
      annualGoal: '完成校园足球运动技术动画20集的设计制作与播出',
    });
    expect(report.funds.unit).toBe('万元');
    expect(report.funds.total).toEqual({ budget: '190.00', executed: '0.00', expectedAnnual: '0.00' });
    expect(report.funds.currentAppropriation.budget).toBe('190.00');
    expect(report.funds.priorYearCarryover.budget).toBe('0.00');
    expect(report.indicators).toHaveLength(14);
    expect(report.indicators.map((row) => [row.level1Label, row.level2Label, row.name, row.target])).toEqual([
      ['产出指标', '成本指标', '成本节约率', '≥0'],
      ['产出指标', '成本指标', '成本控制率', '1'],
      ['产出指标', '时效指标', '项目完成及时率', '≥90%'],
      ['产出指标', '数量指标', '媒体播出', '5次'],
      ['产出指标', '数量指标', '完成出版物出版', '10套'],
      ['产出指标', '数量指标', '完成动画短剧的制作', '20集'],
      ['产出指标', '质量指标', '媒体播出标准', '优秀'],
      ['产出指标', '质量指标', '音像出版标准', '优秀'],
      ['效益指标', '可持续影响指标', '在校园普及足球运动技术', '作用明显'],
      ['效益指标', '可持续影响指标', '中国足球运动打好基础', '作用明显'],
      ['效益指标', '社会效益指标', '提高校园青少年足球水平', '显著提高'],
      ['效益指标', '社会效益指标', '在校园推广足球运动', '推广面广'],
      ['满意度指标', '校园用户满意度', '媒体播出满意度', '很满意'],
      ['满意度指标', '校园用户满意度', '校园用户满意度', '很满意'],
    ]);
    const cartoon = report.indicators[5];
    expect(cartoon).toEqual({
      level1Label: '产出指标',
      level2Label: '数量指标',
      name: '完成动画短剧的制作',
      target: '20集',
      progress: '一般',
      expectedAnnual: '100%',
      deviationCauses: [],
      deviationReason: '现在已经制作5集样片，下半年会集中出版',
      likelihood: 'certain',
      measures: '前半年设计后半年开发审核出版。',
    });
    expect(report.indicators.every((row) => row.likelihood === 'certain')).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('reads the declaration sheet as it is: facts, the 年度 half of the funds, and says its indicator rows are empty', async () => {
    const result = await readDeclarationFile(await workbook(), 'central-2019-project-workbook.xls');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sheetName).toBe('项目支出绩效目标申报表');
    const form = result.value;
    expect(declarationFormSchema.safeParse(form).success).toBe(true);
    expect(form).toMatchObject({
      fiscalYear: 2020,
      projectName: '2019年210青少年校园足球扶持资金',
      department: '教育部',
      implementingUnit: '北京大学',
      projectCategory: '',
      projectPeriod: '1年',
      midTermGoal: '',
      annualGoal: '',
      indicators: [],
    });
    expect(form.funds).toEqual({
      unit: '万元',
      total: '0.00',
      currentAppropriation: '0.0',
      priorYearCarryover: '0.00',
      other: '0.00',
    });
    const messages = result.warnings.map((warning) => warning.message);
    expect(result.warnings.map((warning) => warning.code)).toContain('NO_INDICATOR_ROWS');
    expect(messages).toContain(
      '工作表“项目支出绩效目标申报表”第14行：绩效指标表头以下没有填写任何指标行，申报表的指标为空，请补充',
    );
    expect(messages.some((message) => message.includes('项目属性'))).toBe(true);
    expect(messages.some((message) => message.includes('年度目标为空'))).toBe(true);
  });

  it('its barely filled 自评表 sheet, read as a self-evaluation, gives findings rather than a crash', async () => {
    const read = await readReport({ bytes: await workbook(), fileName: 'central-2019-project-workbook.xls' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.report.form.formKind).toBe('self-evaluation');
    expect(read.report.form.indicators.map((row) => row.name)).toEqual([
      '成本节约率',
      '在校园普及足球运动技术',
      '媒体播出满意度',
    ]);
    expect(read.report.warnings.filter((warning) => warning.code === 'ERROR_CELL')).toHaveLength(2);
    const codes = evaluate(read.report.form).findings.map((finding) => finding.code);
    expect(codes).toContain('ACTUAL_MISSING');
    expect(codes).toContain('WEIGHTS_NOT_100');
  });
});

describe('refusals and hostile input', () => {
  it('a workbook without the table asked for is refused, naming what each sheet is', async () => {
    const declarationOnly = docx(
      paragraph('2021年度项目支出绩效目标申报表') +
        table([
          ['项目名称', '校园安全'],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '巡查次数', '≥12次'],
        ]),
    );
    const result = await readMonitoringFile(declarationOnly, 'targets.docx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('NOT_A_MONITORING_REPORT');
    expect(result.error.message).toContain('targets.docx');
    expect(result.error.message).toContain('“第1个表格”（绩效目标申报表）');
  });

  it('the workbook offered as a declaration of something else: a self-evaluation-only file is NOT_A_DECLARATION', async () => {
    const selfEvaluation = docx(
      paragraph('项目支出绩效自评表') +
        table([
          ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
          ['产出指标', '数量指标', '巡查次数', '12次', '12次', '10', '10'],
        ]),
    );
    const result = await readDeclarationFile(selfEvaluation, 'evaluation.docx');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NOT_A_DECLARATION');
      expect(result.error.message).toContain('（绩效自评表）');
    }
  });

  it('a truncated copy of the workbook, random bytes, text and an empty file give coded errors, never a throw', async () => {
    const bytes = await workbook();
    const inputs: [Uint8Array, string][] = [
      [bytes.subarray(0, Math.floor(bytes.length / 3)), 'truncated.xls'],
      [bytes.subarray(0, 600), 'header-only.xls'],
      [Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256), 'random.xlsx'],
      [strToU8('项目名称\t测试\n'), 'pasted.txt'],
      [new Uint8Array(), 'empty.xlsx'],
      [zipSync({ 'readme.txt': strToU8('hello') }), 'not-office.xlsx'],
    ];
    for (const [input, name] of inputs) {
      for (const read of [readDeclarationFile, readMonitoringFile]) {
        const result = await read(input, name);
        expect(result.ok, name).toBe(false);
        if (!result.ok) {
          expect(result.error.message).toContain(name);
          expect([
            'HOSTILE_FILE',
            'UNSUPPORTED_FORMAT',
            'EMPTY_FILE',
            'NOT_A_DECLARATION',
            'NOT_A_MONITORING_REPORT',
          ]).toContain(result.error.code);
        }
      }
    }
  });
});

describe('a .docx holding the tables', () => {
  it('reads a monitoring table from Word, ticks as people type them, and says what it could not judge', async () => {
    const header = ['一级指标', '二级指标', '三级指标', '年度指标值', '1-6月执行情况', '全年预计完成情况'];
    const causes = ['偏差原因分析', '偏差原因分析', '偏差原因分析', '偏差原因分析', '偏差原因分析', '偏差原因分析'];
    const file = docx(
      paragraph('项目支出绩效目标执行监控表') +
        paragraph('（2024年度）') +
        table([
          ['项目名称', '项目名称', '老旧小区改造'],
          ['主管部门及代码', '[301]住房和城乡建设局', '实施单位', '城建中心'],
          ['项目资金（万元）', '', '年初预算数', '1-6月执行数', '1-6月执行率', '全年预计执行数'],
          ['', '年度资金总额', '500', '120', '24%', '480'],
          ['', '其中：财政拨款', '500', '120', '24%', '480'],
          ['年度总体目标', '改造小区12个'],
          [...header, ...causes, '完成目标可能性', '完成目标可能性', '完成目标可能性', '备注'],
          [
            ...header.map(() => ''),
            '经费保障',
            '制度保障',
            '人员保障',
            '硬件条件保障',
            '其他',
            '原因说明',
            '确定能',
            '有可能',
            '完全不可能',
            '',
          ],
          [
            '产出指标',
            '数量指标',
            '改造小区数',
            '12个',
            '3个',
            '10个',
            '√',
            '',
            '',
            '',
            '',
            '资金拨付滞后',
            '',
            '',
            '√',
            '加快拨付',
          ],
          ['', '', '改造面积', '≥5万平方米', '1万平方米', '5万平方米', '', '', '', '', '', '', '☑', '', '', ''],
          ['', '时效指标', '完工及时率', '100%', '20%', '90%', '', '', '', '?', '', '', '√', '√', '', ''],
          ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
        ]),
    );
    const result = await readMonitoringFile(file, 'monitoring.docx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = result.value;
    expect(report).toMatchObject({
      fiscalYear: 2024,
      asOf: '2024-06-30',
      projectName: '老旧小区改造',
      department: '住房和城乡建设局',
      implementingUnit: '城建中心',
      annualGoal: '改造小区12个',
    });
    expect(report.funds.total).toEqual({ budget: '500', executed: '120', expectedAnnual: '480' });
    expect(
      report.indicators.map((row) => [row.level1Label, row.level2Label, row.name, row.deviationCauses, row.likelihood]),
    ).toEqual([
      ['产出指标', '数量指标', '改造小区数', ['funding'], 'impossible'],
      ['产出指标', '数量指标', '改造面积', [], 'certain'],
      ['产出指标', '时效指标', '完工及时率', [], null],
    ]);
    expect(report.indicators[0]).toMatchObject({
      progress: '3个',
      expectedAnnual: '10个',
      deviationReason: '资金拨付滞后',
      measures: '加快拨付',
    });
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      '文档中第1个表格第11行：指标“完工及时率”的“硬件条件保障”栏填写了“?”，无法判断是否勾选，按未勾选处理',
      '文档中第1个表格第11行：指标“完工及时率”同时勾选了确定能、有可能，完成目标可能性未读取',
    ]);
  });

  it('reads a declaration from Word with a 分值 column and keeps a row with no target, saying so', async () => {
    const file = docx(
      paragraph('2025年度项目支出绩效目标申报表') +
        table([
          ['项目名称', '社区养老服务补贴'],
          ['主管部门', '民政局', '实施单位', '各街道办事处'],
          ['项目属性', '延续项目', '项目周期', '1年'],
          ['项目资金（万元）', '年度资金总额', '900'],
          ['', '其中：财政拨款', '860'],
          ['', '上年结转资金', '40'],
          ['', '其他资金', ''],
          ['年度目标', '为3200名老人发放补贴'],
          ['一级指标', '二级指标', '三级指标', '指标值', '分值'],
          ['产出指标', '数量指标', '补贴发放人数', '≥3200人', '20'],
          ['', '成本指标', '人均补贴标准', '', '10'],
          ['满意度指标', '服务对象满意度指标', '老人满意度', '≥90%', '10'],
        ]),
    );
    const result = await readDeclarationFile(file, 'declaration.docx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      fiscalYear: 2025,
      projectName: '社区养老服务补贴',
      department: '民政局',
      implementingUnit: '各街道办事处',
      projectCategory: '延续项目',
      annualGoal: '为3200名老人发放补贴',
      funds: { unit: '万元', total: '900', currentAppropriation: '860', priorYearCarryover: '40', other: '' },
    });
    expect(result.value.indicators.map((row) => [row.level1, row.level2, row.name, row.target, row.weight])).toEqual([
      ['output', 'quantity', '补贴发放人数', '≥3200人', '20'],
      ['output', 'cost', '人均补贴标准', '', '10'],
      ['satisfaction', 'serviceSatisfaction', '老人满意度', '≥90%', '10'],
    ]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      '文档中第1个表格第7行：“其他资金”没有填写金额',
      '文档中第1个表格第11行：指标“人均补贴标准”没有填写指标值',
    ]);
  });
});
