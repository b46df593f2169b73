import { meaningfulText, RISK_SCALE_TEXT, type Risk, riskLevelOf } from '@jixiao/core';
import { Alert, App, Button, Card, Input, Modal, Popover, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage } from '../api/client.ts';
import type { ReviewQueue, ReviewQueueItem } from '../api/types.ts';
import { gradeColumn, scoreColumn, statusColumn } from '../components/evaluation-columns.tsx';
import { useApi } from '../components/useApi.ts';
import '../editor/editor.css';
import {
  canBatchApprove,
  filterQueue,
  type QueueFilter,
  queueFilterOptions,
  queueToCsv,
  riskLabelOf,
} from './queue-view.ts';

const RISK_COLORS = { high: 'red', medium: 'orange', low: 'green' } as const;

const RiskScale = () => (
  <Popover
    title="风险分怎么算"
    content={
      <div style={{ maxWidth: 360 }}>
        {RISK_SCALE_TEXT.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </div>
    }
  >
    <Button type="link" size="small" style={{ padding: 0 }}>
      风险分说明
    </Button>
  </Popover>
);

const downloadCsv = (items: readonly ReviewQueueItem[]) => {
  const url = URL.createObjectURL(new Blob([queueToCsv(items)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `审核队列-${new Date().toISOString().slice(0, 10)}.csv`;
  link.click();
  URL.revokeObjectURL(url);
};

type BatchOutcome = { approved: number; failed: { name: string; message: string }[] };

/** Approves the chosen items one by one (each is its own checked transition) and reports what did not go through. */
const approveAll = async (items: readonly ReviewQueueItem[], opinion: string): Promise<BatchOutcome> => {
  const outcome: BatchOutcome = { approved: 0, failed: [] };
  for (const item of items) {
    try {
      await api.post(`/api/evaluations/${item.id}/approve`, {
        expectedVersion: item.version,
        ...(opinion === '' ? {} : { reason: opinion }),
      });
      outcome.approved += 1;
    } catch (error) {
      outcome.failed.push({
        name: `${item.organizationName}·${item.projectName}（${item.fiscalYear}）`,
        message: errorMessage(error),
      });
    }
  }
  return outcome;
};

/** What waits on this reviewer, riskiest first, with the reasons for the ranking; the server ranks. */
const ReviewQueuePage = () => {
  const { message, modal } = App.useApp();
  const queue = useApi(() => api.get<ReviewQueue>('/api/review-queue'), 'review-queue');
  const shown = queue.state === 'ready' ? queue.data : { items: [], total: 0 };
  const [filter, setFilter] = useState<QueueFilter>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [batchOpen, setBatchOpen] = useState(false);
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);
  const options = useMemo(() => queueFilterOptions(shown.items), [shown.items]);
  const visible = useMemo(() => filterQueue(shown.items, filter), [shown.items, filter]);
  const chosen = visible.filter((item) => selected.includes(item.id));

  const runBatch = async () => {
    setBusy(true);
    try {
      const outcome = await approveAll(chosen, meaningfulText(opinion));
      setBatchOpen(false);
      setOpinion('');
      setSelected([]);
      if (outcome.failed.length === 0) message.success(`已审核通过 ${outcome.approved} 份`);
      else
        modal.warning({
          title: `审核通过 ${outcome.approved} 份，${outcome.failed.length} 份未能通过`,
          content: (
            <ul>
              {outcome.failed.map((failure) => (
                <li key={failure.name}>
                  {failure.name}：{failure.message}
                </li>
              ))}
            </ul>
          ),
        });
      queue.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        审核队列
      </Typography.Title>
      <Typography.Text type="secondary">
        按风险排序：审核发现的严重程度、预算执行率偏低、高分低执行、超额完成幅度过大；风险相同时先到先审。
        <RiskScale />
      </Typography.Text>
      {queue.state === 'error' ? <Alert type="error" showIcon title={queue.message} /> : null}
      {shown.total > shown.items.length ? (
        <Alert
          type="info"
          showIcon
          title={`共有 ${shown.total} 份等待审核，这里列出风险最高的 ${shown.items.length} 份；审核完一批后刷新即可看到其余的。`}
        />
      ) : null}
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="年度"
            aria-label="按年度筛选"
            style={{ width: 120 }}
            options={options.years}
            value={filter.fiscalYear}
            onChange={(fiscalYear?: number) => setFilter({ ...filter, fiscalYear })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="单位"
            aria-label="按单位筛选"
            style={{ width: 240 }}
            options={options.units}
            value={filter.organizationId}
            onChange={(organizationId?: string) => setFilter({ ...filter, organizationId })}
          />
          <Select
            allowClear
            placeholder="状态"
            aria-label="按状态筛选"
            style={{ width: 150 }}
            options={options.statuses}
            value={filter.status}
            onChange={(status?: ReviewQueueItem['status']) => setFilter({ ...filter, status })}
          />
          <Select
            allowClear
            placeholder="风险"
            aria-label="按风险筛选"
            style={{ width: 110 }}
            options={(['high', 'medium', 'low'] as const).map((level) => ({
              value: level,
              label: `${riskLabelOf(level)}风险`,
            }))}
            value={filter.riskLevel}
            onChange={(riskLevel?: QueueFilter['riskLevel']) => setFilter({ ...filter, riskLevel })}
          />
          <Input.Search
            allowClear
            placeholder="项目或单位名称"
            aria-label="搜索项目或单位"
            style={{ width: 200 }}
            onSearch={(text) => setFilter({ ...filter, text })}
          />
          <Button onClick={() => downloadCsv(visible)} disabled={visible.length === 0}>
            导出（CSV）
          </Button>
          <Button type="primary" disabled={chosen.length === 0} onClick={() => setBatchOpen(true)}>
            批量审核通过{chosen.length > 0 ? `（${chosen.length}）` : ''}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          显示 {visible.length} / {shown.items.length} 份。只有低风险的自评可以勾选批量审核通过，其余请逐份审阅。
        </Typography.Paragraph>
        <Table<ReviewQueueItem>
          rowKey="id"
          size="small"
          loading={queue.state === 'loading'}
          dataSource={visible}
          pagination={visible.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: shown.items.length === 0 ? '暂无待审核的自评' : '没有符合筛选条件的自评' }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (item) => ({
              disabled: !canBatchApprove(item),
              title: canBatchApprove(item) ? '可批量审核通过' : '风险不低，请逐份审阅',
            }),
          }}
          columns={[
            {
              title: '风险',
              dataIndex: 'risk',
              width: 260,
              render: (risk: Risk) => (
                <Space size={[4, 4]} wrap>
                  <Tag color={RISK_COLORS[riskLevelOf(risk.score)]}>
                    {riskLabelOf(riskLevelOf(risk.score))} {risk.score}
                  </Tag>
                  {risk.reasons.map((reason) => (
                    <span key={reason} className="risk-reason">
                      {reason}
                    </span>
                  ))}
                </Space>
              ),
            },
            { title: '年度', dataIndex: 'fiscalYear', width: 70 },
            {
              title: '项目',
              dataIndex: 'projectName',
              render: (name: string, item) => <Link to={`/app/review/${item.id}`}>{name}</Link>,
            },
            { title: '单位', dataIndex: 'organizationName' },
            statusColumn(),
            {
              title: '执行率',
              dataIndex: 'executionRate',
              width: 80,
              align: 'right',
              render: (rate: number | null) => (rate === null ? '—' : `${rate}%`),
            },
            scoreColumn(),
            gradeColumn(),
          ]}
        />
      </Card>
      <Modal
        title={`批量审核通过 ${chosen.length} 份低风险自评`}
        open={batchOpen}
        okText="确认通过"
        cancelText="取消"
        confirmLoading={busy}
        onOk={runBatch}
        onCancel={() => setBatchOpen(false)}
      >
        <ul>
          {chosen.map((item) => (
            <li key={item.id}>
              {item.organizationName}·{item.projectName}（{item.fiscalYear} 年度，{item.statusLabel}）
            </li>
          ))}
        </ul>
        <Typography.Paragraph type="secondary">
          每份分别审核通过并记入审核记录；处于主管部门审核的送往财政局，处于财政局审核的审核完成。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="审核意见"
          placeholder="审核意见（选填，记入每份的审核记录）"
          maxLength={2000}
          rows={3}
          value={opinion}
          onChange={(event) => setOpinion(event.target.value)}
        />
      </Modal>
    </Space>
  );
};

export default ReviewQueuePage;
