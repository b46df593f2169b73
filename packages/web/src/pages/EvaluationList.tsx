import { Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { EvaluationListItem, OrganizationItem, Page } from '../api/types.ts';
import { useSession } from '../auth/session.ts';
import { gradeColumn, scoreColumn, statusColumn, updatedColumn } from '../components/evaluation-columns.tsx';
import { evaluationLink } from '../components/evaluation-link.ts';
import { type Loaded, useApi } from '../components/useApi.ts';
import { type EvaluationListFilter, type FilterKey, filterTags } from './evaluation-filters.ts';

export const PAGE_SIZE = 50;

type Props = {
  list: Loaded<Page<EvaluationListItem>>;
  filter: EvaluationListFilter;
  onRemoveFilter: (key: FilterKey) => void;
  page: number;
  onPage: (page: number) => void;
  /** Reviewers see many units, so the list names each row's unit. */
  showUnit: boolean;
};

/** The department's name for its tag: the link carries only its id, so the name is looked up among the visible. */
const useDepartmentName = (departmentId: string | undefined): string | null => {
  const organizations = useApi(
    () => (departmentId ? api.get<OrganizationItem[]>('/api/organizations') : Promise.resolve([])),
    departmentId ?? '',
  );
  if (!departmentId || organizations.state !== 'ready') return null;
  return organizations.data.find((organization) => organization.id === departmentId)?.name ?? null;
};

/** The evaluations under the URL's filters, each filter a tag that can be closed, with the count they make. */
export const EvaluationList = ({ list, filter, onRemoveFilter, page, onPage, showUnit }: Props) => {
  const me = useSession();
  const tags = filterTags(filter, useDepartmentName(filter.departmentId));
  const total = list.state === 'ready' ? list.data.total : null;
  return (
    <Card size="small">
      <section aria-label="筛选条件" style={{ marginBottom: 12 }}>
        <Space wrap>
          {tags.length > 0 ? <Typography.Text type="secondary">筛选：</Typography.Text> : null}
          {tags.map((tag) => (
            <Tag
              key={tag.key}
              color="blue"
              closable={{ 'aria-label': `移除筛选“${tag.label}”` }}
              onClose={(event) => {
                // The tag goes when the URL drops its filter, not on its own.
                event.preventDefault();
                onRemoveFilter(tag.key);
              }}
            >
              {tag.label}
            </Tag>
          ))}
          {total === null ? null : <Typography.Text data-testid="evaluation-total">共 {total} 份</Typography.Text>}
        </Space>
      </section>
      <Table<EvaluationListItem>
        rowKey="id"
        size="small"
        loading={list.state === 'loading'}
        dataSource={list.state === 'ready' ? list.data.items : []}
        scroll={{ x: 720 }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: total ?? 0, showSizeChanger: false, onChange: onPage }}
        locale={{ emptyText: tags.length > 0 ? '没有符合筛选条件的自评' : '暂无自评' }}
        columns={[
          {
            title: '项目',
            dataIndex: 'projectName',
            render: (name: string, item) => <Link to={evaluationLink(me, item)}>{name || '（未命名项目）'}</Link>,
          },
          { title: '年度', dataIndex: 'fiscalYear', width: 70 },
          ...(showUnit ? [{ title: '单位', dataIndex: 'organizationName' }] : []),
          statusColumn(),
          scoreColumn(),
          gradeColumn(),
          updatedColumn(),
        ]}
      />
    </Card>
  );
};
