import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { EvaluationDetail } from '../api/evaluation-types.ts';
import type { EvaluationStatus, EvaluationView, Page } from '../api/types.ts';
import { useSession } from '../auth/session.ts';
import { GradeTag } from '../components/GradeTag.tsx';
import { useApi } from '../components/useApi.ts';
import { STATUS_COLORS, WAITING_ON } from '../shell/labels.ts';
import { assessRisk, type Risk, rankByRisk } from './risk.ts';
import '../editor/editor.css';

type QueueItem = EvaluationView & { risk: Risk; executionRate: number | null };

/** Fetches a few at a time: a queue of dozens should not open dozens of connections at once. */
const inBatches = async <T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(run))));
  }
  return results;
};

const loadQueue = async (statuses: readonly EvaluationStatus[]): Promise<QueueItem[]> => {
  const list = await api.get<Page<EvaluationView>>('/api/evaluations?pageSize=100');
  const waiting = list.items
    .filter((item) => statuses.includes(item.status))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  const items = await inBatches(waiting, 6, async (item) => {
    const detail = await api.get<EvaluationDetail>(`/api/evaluations/${item.id}`);
    const executionRate = detail.result?.execution.rate ?? null;
    const risk = assessRisk({ findings: detail.result?.findings ?? [], executionRate, totalScore: item.totalScore });
    return { ...item, risk, executionRate };
  });
  return rankByRisk(items);
};

/** What waits on this reviewer, riskiest first, with the reasons for the ranking. */
const ReviewQueuePage = () => {
  const me = useSession();
  const statuses = [...new Set(me.roles.flatMap((role) => WAITING_ON[role.role]))].filter(
    (status) => status !== 'draft' && status !== 'returned',
  );
  const queue = useApi(() => loadQueue(statuses), statuses.join(','));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        审核队列
      </Typography.Title>
      <Typography.Text type="secondary">
        按风险排序：审核发现的严重程度、预算执行率偏低、高分低执行、超额完成幅度过大；风险相同时先到先审。
      </Typography.Text>
      {queue.state === 'error' ? <Alert type="error" showIcon title={queue.message} /> : null}
      <Card size="small">
        <Table<QueueItem>
          rowKey="id"
          size="small"
          loading={queue.state === 'loading'}
          dataSource={queue.state === 'ready' ? queue.data : []}
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
            {
              title: '状态',
              dataIndex: 'statusLabel',
              width: 130,
              render: (label: string, item) => <Tag color={STATUS_COLORS[item.status]}>{label}</Tag>,
            },
            {
              title: '执行率',
              dataIndex: 'executionRate',
              width: 80,
              align: 'right',
              render: (rate: number | null) => (rate === null ? '—' : `${rate}%`),
            },
            {
              title: '复核得分',
              dataIndex: 'totalScore',
              width: 90,
              align: 'right',
              render: (score: number | null) => (score === null ? '—' : score.toFixed(2)),
            },
            {
              title: '等级',
              dataIndex: 'grade',
              width: 64,
              render: (grade: string | null) => <GradeTag grade={grade} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
};

export default ReviewQueuePage;
