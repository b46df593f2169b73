import { Alert, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type {
  EvaluationListItem,
  EvaluationStatus,
  EvaluationView,
  Page,
  ReturnNote,
  ReviewQueue,
  RoleName,
} from '../api/types.ts';
import { AppealTodoCard } from '../appeals/AppealTodoCard.tsx';
import { useSession } from '../auth/session.ts';
import { gradeColumn, scoreColumn, statusColumn, updatedColumn } from '../components/evaluation-columns.tsx';
import { evaluationLink } from '../components/evaluation-link.ts';
import { useApi } from '../components/useApi.ts';
import { RectificationTodoCard } from '../rectification/RectificationTodoCard.tsx';
import { ROLE_TEXT, WAITING_ON } from '../shell/labels.ts';

/** The evaluations waiting on one role, oldest change first (what has waited longest comes first). */
export const waitingFor = <T extends EvaluationView>(role: RoleName, items: readonly T[]): T[] => {
  const statuses: readonly EvaluationStatus[] = WAITING_ON[role];
  return items.filter((item) => statuses.includes(item.status)).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
};

const NOTHING: { items: EvaluationListItem[] } = { items: [] };

/** "财政局审核 · 2023/3/1 10:00:00 · 财政局审核员：原因" — where, when and by whom it was sent back, and why. */
export const returnNoteText = (note: ReturnNote): string =>
  `${note.stageLabel}退回 · ${new Date(note.at).toLocaleString('zh-CN')} · ${note.reviewerName}：${note.reason}`;

/**
 * Everything waiting on the person: the review queue (ranked and scoped per role by the server) and, for a
 * filler, the unit's drafts and returned evaluations.
 */
const loadWaiting = async (roles: readonly RoleName[]): Promise<EvaluationListItem[]> => {
  const fills = roles.includes('unit_filler');
  const reviews = roles.some((role) => role !== 'unit_filler' && role !== 'admin');
  const [queue, drafts, returned] = await Promise.all([
    reviews ? api.get<ReviewQueue>('/api/review-queue') : { items: [] },
    fills ? api.get<Page<EvaluationListItem>>('/api/evaluations?status=draft&pageSize=100') : NOTHING,
    fills ? api.get<Page<EvaluationListItem>>('/api/evaluations?status=returned&pageSize=100') : NOTHING,
  ]);
  return [...queue.items.map((item) => ({ ...item, lastReturn: null })), ...drafts.items, ...returned.items];
};

const HomePage = () => {
  const me = useSession();
  const roles = [...new Set(me.roles.map((item) => item.role))];
  const list = useApi(() => loadWaiting(roles), roles.join(','));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {me.displayName}，您好
      </Typography.Title>
      {list.state === 'error' ? <Alert type="error" showIcon title={list.message} /> : null}
      {roles.map((role) => {
        const items = list.state === 'ready' ? waitingFor(role, list.data) : [];
        const title =
          role === 'unit_filler'
            ? '待填报与被退回的自评'
            : role === 'admin'
              ? '系统管理'
              : `等待${ROLE_TEXT[role]}的自评`;
        return (
          <Card key={role} title={title} extra={<Tag color="blue">{ROLE_TEXT[role]}</Tag>}>
            {role === 'admin' ? (
              <Typography.Text>
                在<Link to="/app/accounts">账户管理</Link>
                中新增、停用、启用账户，重置密码或让账户退出登录；在<Link to="/app/organizations">单位管理</Link>
                中新增主管部门和预算单位。
              </Typography.Text>
            ) : (
              <Table<EvaluationListItem>
                rowKey="id"
                size="small"
                loading={list.state === 'loading'}
                dataSource={items}
                pagination={false}
                scroll={{ x: 720 }}
                locale={{ emptyText: <Empty description="暂无待办" /> }}
                columns={[
                  {
                    title: '项目',
                    dataIndex: 'projectName',
                    render: (name: string, item) => (
                      <Link to={evaluationLink(me, item)}>{name || '（未命名项目）'}</Link>
                    ),
                  },
                  { title: '年度', dataIndex: 'fiscalYear', width: 70 },
                  { title: '单位', dataIndex: 'organizationName' },
                  statusColumn(),
                  ...(role === 'unit_filler'
                    ? [
                        {
                          title: '退回原因',
                          dataIndex: 'lastReturn',
                          render: (note: ReturnNote | null) =>
                            note ? <Typography.Text type="danger">{returnNoteText(note)}</Typography.Text> : '—',
                        },
                      ]
                    : []),
                  scoreColumn(),
                  gradeColumn(),
                  updatedColumn(),
                ]}
              />
            )}
          </Card>
        );
      })}
      <RectificationTodoCard roles={roles} />
      <AppealTodoCard roles={roles} />
    </Space>
  );
};

export default HomePage;
