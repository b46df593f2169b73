import { Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { EvaluationView } from '../api/types.ts';
import { STATUS_COLORS } from '../shell/labels.ts';
import { GradeTag } from './GradeTag.tsx';

// The columns every list of evaluations shows alike (a filler's, the 待办, the review queue), written once.

export const statusColumn = <T extends EvaluationView>(): ColumnType<T> => ({
  title: '状态',
  dataIndex: 'statusLabel',
  width: 130,
  render: (label: string, item) => <Tag color={STATUS_COLORS[item.status]}>{label}</Tag>,
});

export const scoreColumn = <T extends EvaluationView>(): ColumnType<T> => ({
  title: '复核得分',
  dataIndex: 'totalScore',
  width: 90,
  align: 'right',
  render: (score: number | null) => (score === null ? '—' : score.toFixed(2)),
});

export const gradeColumn = <T extends EvaluationView>(): ColumnType<T> => ({
  title: '等级',
  dataIndex: 'grade',
  width: 64,
  render: (grade: string | null) => <GradeTag grade={grade} />,
});

export const updatedColumn = <T extends EvaluationView>(): ColumnType<T> => ({
  title: '更新时间',
  dataIndex: 'updatedAt',
  width: 170,
  render: (value: string) => new Date(value).toLocaleString('zh-CN'),
});
