import { GRADE_LABELS, GRADES, type Grade, type ResultApplicationRow, type ResultApplicationYear } from '@jixiao/core';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, query } from '../api/client.ts';
import { GradeTag } from '../components/GradeTag.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { DecisionDialog } from './DecisionDialog.tsx';
import { PolicyEditor } from './PolicyEditor.tsx';
import { adjustmentText, filterResultRows, type ResultApplicationFilter } from './result-application-view.ts';

/**
 * 结果应用 (激励约束): the 财政局 sets per year what each grade means for the next budget, records for every
 * approved or published project the arrangement decided (against the policy's suggestion) and downloads the
 * 结果应用表 for the budget department. The admin sees it read-only.
 */
const ResultApplicationPage = () => {
  const [params, setParams] = useSearchParams();
  const requestedYear = Number(params.get('year')) || undefined;
  const data = useApi(
    () => api.get<ResultApplicationYear>(`/api/result-application${query({ year: requestedYear })}`),
    String(requestedYear ?? 'latest'),
  );
  const [filter, setFilter] = useState<ResultApplicationFilter>({});
  const [editing, setEditing] = useState<ResultApplicationRow | null>(null);
  const year = data.state === 'ready' ? data.data : null;
  const rows = year ? filterResultRows(year.rows, filter) : [];
  const decided = year ? year.rows.filter((row) => row.decision !== null).length : 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title="结果应用">
        <Space wrap>
          <Select
            aria-label="年度"
            style={{ width: 140 }}
            value={year?.fiscalYear ?? null}
            options={(year?.years ?? []).map((value) => ({ value, label: `${value} 年度` }))}
            onChange={(value: number) => setParams({ year: String(value) })}
          />
          {year ? (
            <Button href={`/api/result-application/table.xlsx?year=${year.fiscalYear}`} download>
              下载结果应用表（Excel）
            </Button>
          ) : null}
        </Space>
      </PageHeader>
      {data.state === 'error' ? (
        <Alert type="error" showIcon title={data.message} />
      ) : !year ? (
        <Loading />
      ) : (
        <>
          <Card size="small" title={`${year.fiscalYear} 年度结果应用政策`}>
            <PolicyEditor
              key={`${year.fiscalYear}-${year.policy.updatedAt ?? 'default'}`}
              fiscalYear={year.fiscalYear}
              policy={year.policy}
              canEdit={year.canEdit}
              onSaved={data.reload}
            />
          </Card>
          <Card size="small" title="项目评价结果应用">
            <Space wrap style={{ marginBottom: 12 }}>
              <Select
                allowClear
                placeholder="等级"
                aria-label="按等级筛选"
                style={{ width: 110 }}
                value={filter.grade}
                options={GRADES.map((grade) => ({ value: grade, label: GRADE_LABELS[grade] }))}
                onChange={(grade?: Grade) => setFilter({ ...filter, grade })}
              />
              <Select
                allowClear
                placeholder="是否已决定"
                aria-label="按是否已决定筛选"
                style={{ width: 140 }}
                value={filter.decided}
                options={[
                  { value: 'pending', label: '待决定' },
                  { value: 'decided', label: '已决定' },
                ]}
                onChange={(decided?: ResultApplicationFilter['decided']) => setFilter({ ...filter, decided })}
              />
              <Typography.Text type="secondary">
                共 {year.rows.length} 个项目（财政局审核通过或已公开），已决定 {decided} 个，待决定{' '}
                {year.rows.length - decided} 个
              </Typography.Text>
            </Space>
            <Table<ResultApplicationRow>
              rowKey="evaluationId"
              size="small"
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: year.rows.length === 0 ? '本年度尚无审核通过的项目' : '没有符合筛选条件的项目' }}
              columns={[
                { title: '单位', dataIndex: 'organizationName', width: 200 },
                {
                  title: '项目名称',
                  dataIndex: 'projectName',
                  width: 200,
                  render: (name: string, row) => <Link to={`/app/review/${row.evaluationId}`}>{name}</Link>,
                },
                { title: '得分', dataIndex: 'totalScore', width: 70, render: (score: number | null) => score ?? '—' },
                {
                  title: '等级',
                  dataIndex: 'grade',
                  width: 60,
                  render: (grade: Grade | null) => <GradeTag grade={grade} />,
                },
                {
                  title: '建议应用方式',
                  key: 'suggestion',
                  width: 200,
                  render: (_, row) => row.suggestion?.text ?? '—',
                },
                {
                  title: '决定应用方式',
                  key: 'decision',
                  width: 140,
                  render: (_, row) =>
                    row.decision ? (
                      <Space size={4} wrap>
                        <Tag color={row.decision.departures.length > 0 ? 'orange' : 'green'}>
                          {row.decision.decisionLabel}
                        </Tag>
                        {adjustmentText(row.decision.decision, row.decision.adjustmentPercent)}
                      </Space>
                    ) : (
                      <Tag>待决定</Tag>
                    ),
                },
                { title: '理由', key: 'reason', render: (_, row) => row.decision?.reason || '—' },
                ...(year.canEdit
                  ? [
                      {
                        title: '操作',
                        key: 'action',
                        width: 90,
                        render: (_: unknown, row: ResultApplicationRow) => (
                          <Button
                            size="small"
                            aria-label={`记录结果应用：${row.projectName}`}
                            disabled={row.suggestion === null}
                            onClick={() => setEditing(row)}
                          >
                            {row.decision ? '修改' : '记录'}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </>
      )}
      {editing ? (
        <DecisionDialog
          key={editing.evaluationId}
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            data.reload();
          }}
        />
      ) : null}
    </Space>
  );
};

export default ResultApplicationPage;
