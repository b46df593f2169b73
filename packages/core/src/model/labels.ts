import type { Level1, Level2 } from './form.ts';

export const LEVEL1_LABELS: Record<Level1, string> = {
  output: '产出指标',
  outcome: '效益指标',
  satisfaction: '满意度指标',
};

export const LEVEL2_LABELS: Record<Level2, string> = {
  quantity: '数量指标',
  quality: '质量指标',
  timeliness: '时效指标',
  cost: '成本指标',
  economic: '经济效益指标',
  social: '社会效益指标',
  ecological: '生态效益指标',
  sustainability: '可持续影响指标',
  serviceSatisfaction: '服务对象满意度指标',
};
