import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { RoleName } from '../api/types.ts';
import { useApi } from '../components/useApi.ts';
import { chinaToday, deadlineText, isSettledStatus, STATUS_COLORS, STATUS_LABELS } from './rectification-labels.ts';
import type { RectificationItemPage } from './rectification-types.ts';

const SHOWN = 5;

/**
 * 待办's 整改 card: for a unit its items still to work, overdue first; for a reviewer the items submitted and
 * waiting for the closing decision. Nothing for an account without either role.
 */
export const RectificationTodoCard = ({ roles }: { roles: readonly RoleName[] }) => {
  const reviewer = roles.includes('department_reviewer') || roles.includes('finance_reviewer');
  const unit = roles.includes('unit_filler') || roles.includes('unit_approver');
  // A unit's list is overdue first and closed last; a reviewer's is what waits on them.
  const query = reviewer && !unit ? `status=submitted&pageSize=${SHOWN}` : `pageSize=${SHOWN}`;
  const list = useApi(
    () =>
      reviewer || unit ? api.get<RectificationItemPage>(`/api/rectification-items?${query}`) : Promise.resolve(null),
    query,
  );
  if (!(reviewer || unit)) return null;
  const items =
    list.state === 'ready' && list.data ? list.data.items.filter((item) => !isSettledStatus(item.status)) : [];
  const today = chinaToday();
  return (
    <Card
      title={reviewer && !unit ? '待验收的整改事项' : '整改事项'}
      extra={<Link to="/app/rectifications">整改跟踪</Link>}
      loading={list.state === 'loading'}
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待处理的整改事项" />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item key={item.id}>
              <span className="narrative-body">
                <Tag color={STATUS_COLORS[item.status]}>{STATUS_LABELS[item.status]}</Tag>
                {item.description}
                <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>
                  {' '}
                  · 期限 {deadlineText(item, today)} · {item.organizationName}
                </Typography.Text>
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
};
