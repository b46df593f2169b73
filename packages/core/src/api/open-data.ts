/** One published indicator, flat: the open-data record (same fields and order in JSON and CSV). */
export type PublishedIndicatorRecord = {
  evaluationId: string;
  year: number;
  department: string;
  unit: string;
  projectName: string;
  level1: string;
  level2: string;
  indicator: string;
  target: string;
  actual: string;
  weight: number | null;
  statedScore: number | null;
  score: number;
  rule: string;
  explanation: string;
  totalScore: number;
  grade: string;
  ruleSet: string;
  publishedAt: string;
};

export type OpenDataField = keyof PublishedIndicatorRecord;

/**
 * Each open-data field in order, with the Chinese column name a reader sees (the CSV's header row by default) and
 * what it holds; the portal's 开放数据说明 page lists the same table.
 */
export const OPEN_DATA_FIELDS = [
  { field: 'evaluationId', label: '评价编号', description: '自评记录的唯一编号（UUID），同一项目的各项指标相同' },
  { field: 'year', label: '年度', description: '评价的预算年度' },
  { field: 'department', label: '主管部门', description: '预算单位在系统中的主管部门' },
  { field: 'unit', label: '实施单位', description: '填报自评的预算单位' },
  { field: 'projectName', label: '项目名称', description: '项目支出的名称' },
  { field: 'level1', label: '一级指标', description: '产出指标、效益指标或满意度指标，按表中原文' },
  { field: 'level2', label: '二级指标', description: '数量、质量、时效、成本、经济效益、社会效益等，按表中原文' },
  { field: 'indicator', label: '三级指标', description: '指标名称，按表中原文' },
  { field: 'target', label: '年度指标值', description: '年初设定的目标值，按表中原文' },
  { field: 'actual', label: '实际完成值', description: '年末的实际完成值，按表中原文' },
  { field: 'weight', label: '分值', description: '该指标的分值（数字）；表中未填或无法识别时为空' },
  { field: 'statedScore', label: '填报得分', description: '单位自评填报的得分（数字）；未填或无法识别时为空' },
  { field: 'score', label: '复核得分', description: '按评分规则重新计算的得分（数字，保留两位小数）' },
  { field: 'rule', label: '计分规则编号', description: '复核得分所依据的规则编号，如 QUANT-POS-1（见评分规则说明）' },
  { field: 'explanation', label: '计分说明', description: '复核得分的计算过程，中文说明' },
  { field: 'totalScore', label: '复核总分', description: '该项目按规则复核的总分' },
  { field: 'grade', label: '评价等级', description: '优、良、中或差' },
  { field: 'ruleSet', label: '评分规则版本', description: '复核所用的评分规则集及版本，如 national-2020@1.0.0' },
  { field: 'publishedAt', label: '公开时间', description: '公开的时间（ISO 8601，协调世界时）' },
] as const satisfies readonly { field: OpenDataField; label: string; description: string }[];

export const PUBLISHED_INDICATOR_FIELDS: readonly OpenDataField[] = OPEN_DATA_FIELDS.map((entry) => entry.field);

/** Which header rows a CSV download carries: Chinese names for readers, field names for programs, or both. */
export type OpenDataCsvHeader = 'zh' | 'en' | 'both';

export const openDataCsvHeaderRows = (header: OpenDataCsvHeader): string[][] => {
  const chinese = OPEN_DATA_FIELDS.map((entry) => entry.label);
  const names = OPEN_DATA_FIELDS.map((entry) => entry.field);
  switch (header) {
    case 'zh':
      return [chinese];
    case 'en':
      return [names];
    case 'both':
      return [chinese, names];
    default: {
      const unreachable: never = header;
      throw new Error(`unknown header ${String(unreachable)}`);
    }
  }
};
