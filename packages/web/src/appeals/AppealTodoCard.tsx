import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import type { AppealView } from '../api/appeal-types.ts';
import { api } from '../api/client.ts';
import type { RoleName } from '../api/types.ts';
import { useApi } from '../components/useApi.ts';
import { when } from './appeal-format.ts';

/** 待办's 申诉 card for a 财政局 reviewer: the appeals waiting for a ruling; nothing when none wait. */
export const AppealTodoCard = ({ roles }: { roles: readonly RoleName[] }) => {
  const rules = roles.includes('finance_reviewer');
  const list = useApi(
    () => (rules ? api.get<{ items: AppealView[] }>('/api/appeals?status=pending') : Promise.resolve({ items: [] })),
    String(rules),
  );
  if (!rules || list.state !== 'ready' || list.data.items.length === 0) return null;
  return (
    <Card title="待复议的申诉" extra={<Link to="/app/appeals">申诉复议</Link>} data-testid="appeal-todo">
      <List
        size="small"
        dataSource={list.data.items}
        renderItem={(appeal) => (
          <List.Item key={appeal.id}>
            <span>
              <Link to={`/app/review/${appeal.evaluationId}`}>
                {appeal.fiscalYear} 年度 {appeal.projectName}
              </Link>
              <Typography.Text type="secondary">
                {' '}
                · {appeal.organizationName} · {when(appeal.filedAt)} 申诉
              </Typography.Text>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
};
