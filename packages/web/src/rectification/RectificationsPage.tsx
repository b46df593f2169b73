import { Alert, Button, Checkbox, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { OrganizationItem } from '../api/types.ts';
import { useSession } from '../auth/session.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { RectificationDrawer } from './RectificationDrawer.tsx';
import { chinaToday, deadlineText, STATUS_COLORS, STATUS_LABELS } from './rectification-labels.ts';
import type { RectificationItemPage, RectificationItemView, RectificationStatusName } from './rectification-types.ts';

const STATUS_FILTERS = [
  { label: '全部', value: 'all' },
  { label: '待整改', value: 'open' },
  { label: '整改中', value: 'in_progress' },
  { label: '待验收', value: 'submitted' },
  { label: '已销号', value: 'closed' },
  { label: '已撤销', value: 'cancelled' },
] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number]['value'];

const PAGE_SIZE = 20;

const queryOf = (status: StatusFilter, overdue: boolean, organizationId: string | undefined, page: number): string => {
  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (status !== 'all') params.set('status', status);
  if (overdue) params.set('overdue', 'true');
  if (organizationId) params.set('organizationId', organizationId);
  return params.toString();
};

/**
 * 整改跟踪: the items of the units the user works for or oversees, overdue first. A unit sees its own; a 主管部门 its
 * units (filterable by unit); the 财政局 every unit. An item opens in a drawer with its actions and history.
 */
const RectificationsPage = () => {
  const me = useSession();
  const overseer = me.roles.some((grant) => grant.role === 'department_reviewer' || grant.role === 'finance_reviewer');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [overdue, setOverdue] = useState(false);
  const [organizationId, setOrganizationId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const query = queryOf(status, overdue, organizationId, page);
  const list = useApi(() => api.get<RectificationItemPage>(`/api/rectification-items?${query}`), query);
  const organizations = useApi(
    () => (overseer ? api.get<OrganizationItem[]>('/api/organizations') : Promise.resolve([])),
    String(overseer),
  );
  const today = chinaToday();
  const unitOptions =
    organizations.state === 'ready'
      ? organizations.data
          .filter((organization) => organization.kind !== 'finance_bureau')
          .map((organization) => ({ value: organization.id, label: organization.name }))
      : [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title="整改跟踪">
        <Space wrap>
          <Segmented<StatusFilter>
            options={[...STATUS_FILTERS]}
            value={status}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
            aria-label="按状态筛选"
          />
          <Checkbox
            checked={overdue}
            onChange={(event) => {
              setOverdue(event.target.checked);
              setPage(1);
            }}
          >
            只看逾期
          </Checkbox>
          {overseer ? (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="按单位或主管部门筛选"
              style={{ minWidth: 240 }}
              options={unitOptions}
              value={organizationId}
              onChange={(value: string | undefined) => {
                setOrganizationId(value);
                setPage(1);
              }}
              aria-label="按单位筛选"
            />
          ) : null}
        </Space>
      </PageHeader>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        整改事项由主管部门或财政局审核人员登记（从报告“存在的问题”、审核发现、审核意见或公众反馈生成），责任单位整改并上传佐证材料后提交验收，审核人员验收销号或退回继续整改。逾期未销号的排在最前。
      </Typography.Paragraph>
      {list.state === 'error' ? <Alert type="error" showIcon title={list.message} /> : null}
      <Table<RectificationItemView>
        rowKey="id"
        size="middle"
        loading={list.state === 'loading'}
        dataSource={list.state === 'ready' ? list.data.items : []}
        locale={{ emptyText: '暂无整改事项' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.state === 'ready' ? list.data.total : 0,
          onChange: setPage,
          showTotal: (total) => `共 ${total} 项`,
        }}
        scroll={{ x: 900 }}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '问题描述',
            dataIndex: 'description',
            render: (text: string, row) => (
              <Button
                type="link"
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => setOpenId(row.id)}
              >
                {text}
              </Button>
            ),
          },
          { title: '项目', key: 'project', render: (_, row) => `${row.fiscalYear} 年度 ${row.projectName}` },
          { title: '责任单位', dataIndex: 'organizationName', responsive: ['md'] },
          { title: '来源', dataIndex: 'sourceKindLabel', responsive: ['lg'] },
          {
            title: '整改期限',
            key: 'deadline',
            render: (_, row) =>
              row.overdue ? <Tag color="red">{deadlineText(row, today)}</Tag> : <span>{row.deadline}</span>,
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (value: RectificationStatusName) => <Tag color={STATUS_COLORS[value]}>{STATUS_LABELS[value]}</Tag>,
          },
        ]}
      />
      <RectificationDrawer itemId={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </Space>
  );
};

export default RectificationsPage;
