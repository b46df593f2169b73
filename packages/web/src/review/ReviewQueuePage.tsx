import type { Risk } from '@jixiao/core';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { ReviewQueue, ReviewQueueItem } from '../api/types.ts';
import { gradeColumn, scoreColumn, statusColumn } from '../components/evaluation-columns.tsx';
import { useApi } from '../components/useApi.ts';
import '../editor/editor.css';

/** What waits on this reviewer, riskiest first, with the reasons for the ranking; the server ranks. */
const ReviewQueuePage = () => {
  const queue = useApi(() => api.get<ReviewQueue>('/api/review-queue'), 'review-queue');
  const shown = queue.state === 'ready' ? queue.data : { items: [], total: 0 };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        审核队列
      </Typography.Title>
      <Typography.Text type="secondary">
        按风险排序：审核发现的严重程度、预算执行率偏低、高分低执行、超额完成幅度过大；风险相同时先到先审。
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
        <Table<ReviewQueueItem>
          rowKey="id"
          size="small"
          loading={queue.state === 'loading'}
          dataSource={shown.items}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: '暂无待审核的自评' }}
          columns={[
            {
              title: '风险',
              dataIndex: 'risk',
              width: 260,
              render: (risk: Risk) => (
                <Space size={[4, 4]} wrap>
                  <Tag color={risk.score >= 30 ? 'red' : risk.score >= 10 ? 'orange' : 'green'}>{risk.score}</Tag>
                  {risk.reasons.map((reason) => (
                    <span key={reason} className="risk-reason">
                      {reason}
                    </span>
                  ))}
                </Space>
              ),
            },
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
    </Space>
  );
};

export default ReviewQueuePage;
