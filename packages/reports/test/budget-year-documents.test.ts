import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DeclarationForm,
  emptyDeclaration,
  emptyDeclaredIndicator,
  emptyMonitoringReport,
  type MonitoringReport,
} from '@jixiao/core';
import { readDeclarationFile, readMonitoringFile } from '@jixiao/ingest';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  declarationFileName,
  findChromium,
  monitoringFileName,
  PdfRenderer,
  renderDeclarationHtml,
  renderDeclarationXlsx,
  renderMonitoringHtml,
  renderMonitoringXlsx,
} from '../src/index.ts';

const declaration: DeclarationForm = {
  ...emptyDeclaration(),
  fiscalYear: 2026,
  projectName: '校园足球<扶持>资金 & "动画"',
  department: '教育局',
  implementingUnit: '第一中学',
  projectCategory: '延续项目',
  projectPeriod: '1年',
  funds: { unit: '万元', total: '190.00', currentAppropriation: '150', priorYearCarryover: '27.75', other: '12.25' },
  midTermGoal: '三年内覆盖全区中小学',
  annualGoal: '完成校园足球运动技术动画20集的设计制作与播出\n并在全区推广',
  indicators: [
    emptyDeclaredIndicator({
      level1: 'output',
      level1Label: '产出指标',
      level2: 'quantity',
      level2Label: '数量指标',
      name: '完成动画短剧的制作',
      comparator: '≥',
      target: '20',
      measureUnit: '集',
      weight: '20',
    }),
    emptyDeclaredIndicator({
      level1: 'output',
      level1Label: '产出指标',
      level2: 'quantity',
      level2Label: '数量指标',
      name: '媒体播出',
      target: '5次',
      weight: '10',
    }),
    emptyDeclaredIndicator({
      level1: 'output',
      level1Label: '产出指标',
      level2: 'cost',
      level2Label: '成本指标',
      name: '每集制作成本',
      comparator: '≤',
      target: '7.5',
      measureUnit: '万元',
      weight: '10',
    }),
    emptyDeclaredIndicator({
      level1: 'outcome',
      level1Label: '效益指标',
      level2: 'social',
      level2Label: '社会效益指标',
      name: '在校园推广足球运动',
      target: '推广面广',
      weight: '30',
    }),
    emptyDeclaredIndicator({
      level1: 'satisfaction',
      level1Label: '满意度指标',
      level2: 'serviceSatisfaction',
      level2Label: '服务对象满意度指标',
      name: '学生满意度',
      comparator: '≥',
      target: '90',
      measureUnit: '%',
      weight: '10',
    }),
  ],
};

const declarationInput = { form: declaration, organizationName: '第一中学', statusLabel: '已批准', revisionNo: 2 };

const monitoring: MonitoringReport = {
  ...emptyMonitoringReport(),
  fiscalYear: 2026,
  asOf: '2026-07-31',
  projectName: '校园足球扶持资金',
  department: '教育局',
  implementingUnit: '第一中学',
  funds: {
    unit: '万元',
    total: { budget: '190.00', executed: '47.5', expectedAnnual: '180' },
    currentAppropriation: { budget: '190.00', executed: '47.5', expectedAnnual: '180' },
    priorYearCarryover: { budget: '0', executed: '0', expectedAnnual: '0' },
    other: { budget: '', executed: '', expectedAnnual: '' },
  },
  annualGoal: '完成校园足球运动技术动画20集',
  goalProgress: '已制作5集样片',
  indicators: [
    {
      level1Label: '产出指标',
      level2Label: '数量指标',
      name: '完成动画短剧的制作',
      target: '20集',
      progress: '5集',
      expectedAnnual: '20集',
      deviationCauses: [],
      deviationReason: '',
      likelihood: 'certain',
      measures: '下半年集中出版',
    },
    {
      level1Label: '产出指标',
      level2Label: '数量指标',
      name: '媒体播出',
      target: '5次',
      progress: '0次',
      expectedAnnual: '2次',
      deviationCauses: ['funding', 'other'],
      deviationReason: '播出档期未定 <待协调>',
      likelihood: 'impossible',
      measures: '争取档期',
    },
    {
      level1Label: '产出指标',
      level2Label: '时效指标',
      name: '项目完成及时率',
      target: '≥90%',
      progress: '40%',
      expectedAnnual: '90%',
      deviationCauses: ['staffing'],
      deviationReason: '人员不足',
      likelihood: 'possible',
      measures: '',
    },
    {
      level1Label: '满意度指标',
      level2Label: '服务对象满意度指标',
      name: '学生满意度',
      target: '≥90%',
      progress: '',
      expectedAnnual: '',
      deviationCauses: [],
      deviationReason: '',
      likelihood: null,
      measures: '',
    },
  ],
  measures: '加快拨付进度，每月通报',
};

const monitoringInput = { report: monitoring, organizationName: '第一中学' };

describe('绩效目标申报表 documents', () => {
  it('renders the official layout in Excel and reads back to the same form', async () => {
    const bytes = await renderDeclarationXlsx(declarationInput);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('项目支出绩效目标申报表');
    expect(sheet?.getCell('A1').value).toBe('2026年度项目支出绩效目标申报表');
    expect(sheet?.getCell('A1').font?.name).toBe('方正小标宋简体');
    expect(sheet?.getCell('A4').font?.name).toBe('宋体');
    expect(sheet?.getCell('A4').border?.top?.style).toBe('thin');
    expect(sheet?.pageSetup.orientation).toBe('landscape');
    expect(sheet?.pageSetup.paperSize).toBe(9);
    expect(sheet?.model.merges.length).toBeGreaterThan(15);
    const read = await readDeclarationFile(bytes, 'declaration.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheetName).toBe('项目支出绩效目标申报表');
    expect(read.value).toEqual(declaration);
    expect(read.warnings).toEqual([]);
  });

  it('an empty declaration renders and reads back with the empty table said, not invented', async () => {
    const form = { ...emptyDeclaration(), fiscalYear: 2026, projectName: '空白项目' };
    const read = await readDeclarationFile(
      await renderDeclarationXlsx({ form, organizationName: '某单位', statusLabel: '草稿', revisionNo: 1 }),
      'empty.xlsx',
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.indicators).toEqual([]);
    expect(read.value.projectName).toBe('空白项目');
    expect(read.warnings.map((warning) => warning.code)).toContain('NO_INDICATOR_ROWS');
  });

  it('renders a self-contained HTML page with every value escaped', () => {
    const html = renderDeclarationHtml(declarationInput);
    expect(html).toContain('<title>2026年度项目支出绩效目标申报表</title>');
    expect(html).toContain('校园足球&lt;扶持&gt;资金 &amp; &quot;动画&quot;');
    expect(html).not.toContain('<扶持>');
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toContain('完成校园足球运动技术动画20集的设计制作与播出<br>并在全区推广');
    expect(html).toContain('填报单位：第一中学　　状态：已批准　　第2版');
    expect(html).toContain('<th class="label run-first">产出指标</th>');
    expect(html).toContain('<th class="label run-last"></th>');
    expect(html).not.toMatch(/<script|src=|href=/u);
  });

  it('names the file after the unit first', () => {
    expect(declarationFileName(declarationInput)).toBe(
      '第一中学_2026年度校园足球扶持资金 & 动画项目支出绩效目标申报表（第2版）.xlsx',
    );
    expect(monitoringFileName(monitoringInput, 'pdf')).toBe(
      '第一中学_2026年度校园足球扶持资金项目支出绩效目标执行监控表（截至2026-07-31）.pdf',
    );
  });
});

describe('执行监控表 documents', () => {
  it('renders the budget system layout in Excel and reads back the same report, ticks included', async () => {
    const bytes = await renderMonitoringXlsx(monitoringInput);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe('项目支出绩效目标执行监控表');
    expect(sheet?.getCell('A2').value).toBe('（2026年度）');
    expect(sheet?.pageSetup.orientation).toBe('landscape');
    const values =
      sheet
        ?.getSheetValues()
        .flat()
        .filter((value) => typeof value === 'string') ?? [];
    expect(values).toContain('1-7月执行数');
    expect(values).toContain('25.00%');
    const read = await readMonitoringFile(bytes, 'monitoring.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value).toEqual(monitoring);
    // The one row left unjudged is said, not guessed.
    expect(read.warnings.map((warning) => warning.message)).toEqual([
      '工作表“项目支出绩效目标执行监控”第18行：指标“学生满意度”没有勾选完成目标可能性',
    ]);
  });

  it('without a monitoring date the headers drop the period, the funds still read back and the date is said missing', async () => {
    const undated = { ...monitoring, asOf: '' };
    const read = await readMonitoringFile(
      await renderMonitoringXlsx({ report: undated, organizationName: '第一中学' }),
      'undated.xlsx',
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value).toEqual(undated);
    expect(read.warnings.map((warning) => warning.code)).toEqual(['LIKELIHOOD_MISSING', 'AS_OF_MISSING']);
  });

  it('renders an HTML page with ticks and escaped text', () => {
    const html = renderMonitoringHtml(monitoringInput);
    expect(html).toContain('播出档期未定 &lt;待协调&gt;');
    expect(html).toContain('<td class="tick">✔</td>');
    expect(html).toContain('1-7月执行情况');
    expect(html).toContain('监控日期：2026-07-31');
  });
});

describe('an official-layout workbook built by hand', () => {
  it('reads the central layout (中期 and 年度 side by side, #REF! in a cell, other sheets first) from the 年度 half', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('项目基本信息').addRow(['项目名称', '无关内容']);
    const sheet = workbook.addWorksheet('Sheet2');
    const rows: (string | null)[][] = [
      ['2025年度项目支出绩效目标申报表', ...Array(8).fill(null)],
      ['（2025年度）'],
      ['项目名称', '项目名称', '项目名称', '城乡居民医保补助'],
      [
        '主管部门及代码',
        '主管部门及代码',
        '主管部门及代码',
        '[408]卫生健康委',
        null,
        '实施单位',
        '实施单位',
        '区医保中心',
      ],
      ['项目属性', null, null, '经常性项目', null, '项目周期', null, '1年'],
      ['项目资金（万元）', null, null, '中期资金总额：', '3000', '年度资金总额：', null, null],
      [null, null, null, '其中：财政拨款', '3000', '其中：财政拨款', null, '1000'],
      [null, null, null, '上年结转资金', '0', '上年结转资金', null, '0'],
      [null, null, null, '其他资金', '0', '其他资金', null, '0'],
      ['总体目标', '中期目标', null, null, null, '年度目标', null, null, null],
      [null, '三年参保率保持95%以上', null, null, null, '参保率不低于95%', null, null, null],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', null, '指标值'],
      [null, '产出指标', '数量指标', '三年参保人数', '≥30万人', '数量指标', '参保人数', null, '≥10万人'],
      [null, null, '成本指标', '三年人均补助', '≤600元', '成本指标', '人均补助标准', null, '≤610元'],
      [null, '满意度指标', '服务对象满意度', '三年满意度', '≥90%', '服务对象满意度', '参保群众满意度', null, '≥92%'],
      [null, null, null, null, null, null, null, null, null],
    ];
    for (const cells of rows) sheet.addRow(cells);
    sheet.mergeCells('A1:I1');
    sheet.mergeCells('A3:C3');
    sheet.mergeCells('D3:I3');
    sheet.mergeCells('A6:C9');
    sheet.mergeCells('F6:G6');
    sheet.mergeCells('H6:I6');
    sheet.mergeCells('B10:E10');
    sheet.mergeCells('F10:I10');
    sheet.mergeCells('B11:E11');
    sheet.mergeCells('F11:I11');
    sheet.mergeCells('A12:A16');
    sheet.mergeCells('G12:H12');
    sheet.mergeCells('B13:B14');
    sheet.getCell('H6').value = { error: '#REF!' };
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readDeclarationFile(bytes, 'central.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.sheetName).toBe('Sheet2');
    expect(read.value).toMatchObject({
      fiscalYear: 2025,
      projectName: '城乡居民医保补助',
      department: '卫生健康委',
      implementingUnit: '区医保中心',
      projectCategory: '经常性项目',
      midTermGoal: '三年参保率保持95%以上',
      annualGoal: '参保率不低于95%',
      funds: { unit: '万元', total: '', currentAppropriation: '1000', priorYearCarryover: '0', other: '0' },
    });
    expect(read.value.indicators.map((row) => [row.level1, row.level2, row.name, row.target])).toEqual([
      ['output', 'quantity', '参保人数', '≥10万人'],
      ['output', 'cost', '人均补助标准', '≤610元'],
      ['satisfaction', 'serviceSatisfaction', '参保群众满意度', '≥92%'],
    ]);
    expect(read.warnings.map((warning) => warning.message)).toEqual([
      '工作表“Sheet2”的 H6 单元格是错误值 #REF!，已按空白处理',
      '工作表“Sheet2”第6行：“年度资金总额”没有填写金额',
    ]);
  });
});

describe.skipIf(!findChromium())('PDF', () => {
  it('prints the monitoring table on A4 landscape with real Chinese text', async () => {
    const renderer = new PdfRenderer();
    try {
      const pdf = await renderer.render(renderMonitoringHtml(monitoringInput));
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-monitoring-pdf-'));
      writeFileSync(join(dir, 'monitoring.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'monitoring.pdf'), '-']).toString();
      for (const words of ['项目支出绩效目标执行监控表', '完成动画短剧的制作', '争取档期', '加快拨付进度', '190.00']) {
        expect(text.replace(/ +/gu, ' ')).toContain(words);
      }
      const info = execFileSync('pdfinfo', [join(dir, 'monitoring.pdf')]).toString();
      expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+/u);
    } finally {
      await renderer.close();
    }
  });
});
