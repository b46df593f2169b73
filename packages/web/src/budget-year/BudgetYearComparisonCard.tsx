import { LIKELIHOOD_LABELS } from '@jixiao/core';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import type { BudgetYearComparison, BudgetYearRow } from '../api/budget-year-types.ts';
import { api } from '../api/client.ts';
import { useApi } from '../components/useApi.ts';
import { FindingsList } from './FindingsList.tsx';
import { changedCells, changeText, percentText } from './monitoring-ops.ts';
import './budget-year.css';

const cell = (changed: boolean, content: string) => (
  <span className={changed ? 'budget-year-changed' : undefined}>{content || '—'}</span>
);

/**
 * 目标 · 监控 · 自评 对照: per indicator the approved target and weight, the progress and likelihood at the
 * monitoring date, and what the evaluation states; cells that moved since approval are marked.
 */
export const BudgetYearComparisonCard = ({ evaluationId, refresh = 0 }: { evaluationId: string; refresh?: number }) => {
  // `refresh` (the editor's saved version) reloads the comparison after each save.
  const comparison = useApi(
    () => api.get<BudgetYearComparison>(`/api/evaluations/${evaluationId}/budget-year`),
    `${evaluationId}-${refresh}`,
  );
  if (comparison.state === 'loading') return null;
  if (comparison.state === 'error') return <Alert type="error" showIcon title={comparison.message} />;
  const { declaration, monitoring, rows, findings } = comparison.data;
  if (!declaration) return null;
  return (
    <Card size="small" title="目标 · 监控 · 自评 对照" id="budget-year-comparison" data-testid="budget-year-comparison">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          批复目标：{declaration.fiscalYear} 年度“{declaration.projectName}”（{declaration.statusLabel}
          {declaration.revisionNo > 1 ? `，第 ${declaration.revisionNo - 1} 次调整` : ''}）
          {monitoring
            ? `；运行监控：${monitoring.asOf}，执行率 ${percentText(monitoring.executionRate)}${monitoring.behindSchedule ? '（滞后）' : ''}`
            : '；无运行监控报告'}
        </Typography.Text>
        <Table<BudgetYearRow>
          rowKey={(row, index) => `${index}-${row.name}`}
          size="small"
          pagination={false}
          scroll={{ x: 720 }}
          dataSource={rows}
          rowClassName={(row) => (changedCells(row).row ? 'budget-year-changed-row' : '')}
          columns={[
            { title: '指标', dataIndex: 'name', width: 160 },
            {
              title: '批复目标（分值）',
              key: 'declared',
              render: (_, row) =>
                row.declared
                  ? cell(changedCells(row).target, `${row.declared.target}（${row.declared.weight || '—'}）`)
                  : '—',
            },
            {
              title: '监控进度',
              key: 'monitored',
              render: (_, row) =>
                row.monitored ? (
                  <span>
                    {row.monitored.progress || '—'}
                    {row.monitored.likelihood ? (
                      <Tag
                        style={{ marginInlineStart: 4 }}
                        color={
                          row.monitored.likelihood === 'impossible'
                            ? 'error'
                            : row.monitored.likelihood === 'possible'
                              ? 'warning'
                              : 'success'
                        }
                      >
                        {LIKELIHOOD_LABELS[row.monitored.likelihood]}
                      </Tag>
                    ) : null}
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: '自评目标（分值）',
              key: 'evaluated-target',
              render: (_, row) =>
                row.evaluated
                  ? (() => {
                      const changed = changedCells(row);
                      return (
                        <span>
                          {cell(changed.target, row.evaluated.target)}（{cell(changed.weight, row.evaluated.weight)}）
                        </span>
                      );
                    })()
                  : '—',
            },
            {
              title: '实际完成 / 得分',
              key: 'actual',
              render: (_, row) =>
                row.evaluated ? `${row.evaluated.actual || '—'} / ${row.evaluated.statedScore || '—'}` : '—',
            },
            {
              title: '变动',
              key: 'changes',
              render: (_, row) => (row.changes.length > 0 ? <Tag color="error">{changeText(row)}</Tag> : null),
            },
          ]}
        />
        <FindingsList findings={findings} empty="自评与批复的绩效目标、运行监控一致" />
      </Space>
    </Card>
  );
};
