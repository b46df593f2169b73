import { DECLARATION_STATUS_LABELS, emptyDeclaration } from '@jixiao/core';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DeclarationListItem, DeclarationStatus, DeclarationView } from '../api/budget-year-types.ts';
import { ApiError, api, errorMessage, query } from '../api/client.ts';
import { base64Of } from '../api/file-base64.ts';
import type { OrganizationItem } from '../api/types.ts';
import { hasRole, useSession } from '../auth/session.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { STATUS_COLORS } from '../shell/labels.ts';
import { revisionText } from './declaration-ops.ts';

const IMPORT_TYPES = '.xlsx,.xls,.docx';

const STATUSES: readonly DeclarationStatus[] = [
  'draft',
  'submitted',
  'department_review',
  'finance_review',
  'returned',
  'approved',
];

const STATUS_OPTIONS = STATUSES.map((value) => ({
  value,
  label: DECLARATION_STATUS_LABELS[value],
}));

type ImportWarning = { code: string; message: string; where: string };

/** The existing declaration a refused create or import names (409 DUPLICATE_DECLARATION). */
const existingOf = (error: unknown): string | null => {
  if (!(error instanceof ApiError) || error.code !== 'DUPLICATE_DECLARATION') return null;
  const { existing } = error.context;
  if (typeof existing !== 'object' || existing === null || !('declarationId' in existing)) return null;
  return typeof existing.declarationId === 'string' ? existing.declarationId : null;
};

/**
 * 绩效目标申报: a unit's declarations (new, imported, returned ones to fix), a department's units' and the bureau's
 * all, by year, status and unit. A declaration opens in its editor, read-only for reviewers.
 */
const DeclarationsPage = () => {
  const me = useSession();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const organizationId = me.roles.find((role) => role.role === 'unit_filler')?.organizationId;
  const overseer = hasRole(me, 'department_reviewer', 'finance_reviewer');
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<DeclarationStatus | null>(null);
  const [unit, setUnit] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const search = query({ year, status, organizationId: unit });
  const list = useApi(() => api.get<{ items: DeclarationListItem[] }>(`/api/declarations${search}`), search);
  const organizations = useApi(
    () => (overseer ? api.get<OrganizationItem[]>('/api/organizations') : Promise.resolve([])),
    String(overseer),
  );
  const unitOptions =
    organizations.state === 'ready'
      ? organizations.data
          .filter((organization) => organization.kind !== 'finance_bureau')
          .map((organization) => ({ value: organization.id, label: organization.name }))
      : [];

  const offerExisting = (error: unknown): boolean => {
    const existingId = existingOf(error);
    if (!existingId) return false;
    modal.confirm({
      title: '本单位已申报该项目本年度的绩效目标',
      content: errorMessage(error),
      okText: '打开已有申报',
      cancelText: '取消',
      onOk: () => navigate(`/app/declarations/${existingId}`),
    });
    return true;
  };

  const create = async (values: { projectName: string; fiscalYear: number }) => {
    if (!organizationId) return;
    try {
      const form = { ...emptyDeclaration(), projectName: values.projectName.trim(), fiscalYear: values.fiscalYear };
      const view = await api.post<DeclarationView>('/api/declarations', { organizationId, form });
      setCreating(false);
      navigate(`/app/declarations/${view.id}`);
    } catch (error) {
      if (!offerExisting(error)) message.error(errorMessage(error));
    }
  };

  const importFile = async (file: File) => {
    if (!organizationId) return;
    setImporting(true);
    try {
      const contentBase64 = await base64Of(file);
      const result = await api.post<{ declaration: DeclarationView; warnings: ImportWarning[] }>(
        '/api/declarations/import',
        { organizationId, fileName: file.name, contentBase64 },
      );
      message.success(`已导入“${file.name}”为申报草稿`);
      navigate(`/app/declarations/${result.declaration.id}`, {
        state: {
          importedFrom: file.name,
          importWarnings: result.warnings.map((warning) => `${warning.message}（${warning.where}）`),
        },
      });
    } catch (error) {
      if (!offerExisting(error)) message.error(`导入失败：${errorMessage(error)}`);
    } finally {
      setImporting(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title="绩效目标申报">
        {organizationId ? (
          <Space wrap>
            <Button type="primary" onClick={() => setCreating(true)}>
              新建申报
            </Button>
            <Button loading={importing} onClick={() => fileInput.current?.click()}>
              导入申报表
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept={IMPORT_TYPES}
              aria-label="选择要导入的绩效目标申报表"
              style={{ display: 'none' }}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void importFile(file);
              }}
            />
          </Space>
        ) : null}
      </PageHeader>
      <Typography.Text type="secondary">
        项目绩效目标随预算申报：单位填写项目资金、年度总体目标和绩效指标，经单位、主管部门、财政局逐级审核批复。批复后锁定，确需修改的通过“调整”重新报批；年终自评以批复的目标为准。可导入
        Excel（.xlsx / .xls）或 Word（.docx）格式的申报表。
      </Typography.Text>
      <Space wrap>
        <InputNumber<number>
          placeholder="全部年度"
          aria-label="按年度筛选"
          min={2000}
          max={2100}
          value={year}
          onChange={(value) => setYear(value)}
          style={{ width: 120 }}
        />
        <Select<DeclarationStatus>
          allowClear
          placeholder="全部状态"
          aria-label="按状态筛选"
          options={STATUS_OPTIONS}
          value={status}
          onChange={(value: DeclarationStatus | undefined) => setStatus(value ?? null)}
          style={{ minWidth: 150 }}
        />
        {overseer ? (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部单位"
            aria-label="按单位筛选"
            options={unitOptions}
            value={unit}
            onChange={(value: string | undefined) => setUnit(value ?? null)}
            style={{ minWidth: 220 }}
          />
        ) : null}
      </Space>
      {list.state === 'error' ? <Alert type="error" showIcon title={list.message} /> : null}
      <Table<DeclarationListItem>
        rowKey="id"
        size="small"
        loading={list.state === 'loading'}
        dataSource={list.state === 'ready' ? list.data.items : []}
        locale={{ emptyText: '暂无绩效目标申报' }}
        scroll={{ x: 760 }}
        columns={[
          {
            title: '项目',
            dataIndex: 'projectName',
            render: (name: string, item) => <Link to={`/app/declarations/${item.id}`}>{name || '（未命名项目）'}</Link>,
          },
          { title: '年度', dataIndex: 'fiscalYear', width: 70 },
          { title: '单位', dataIndex: 'organizationName', responsive: ['md'] },
          {
            title: '状态',
            key: 'status',
            render: (_, item) => (
              <Space size={4} wrap>
                <Tag color={STATUS_COLORS[item.status]}>{item.statusLabel}</Tag>
                {revisionText(item).map((text) => (
                  <Tag key={text} color={text === '已被调整取代' ? 'default' : 'purple'}>
                    {text}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '目标质量',
            key: 'findings',
            render: (_, item) =>
              item.findingCounts.error + item.findingCounts.warning === 0 ? (
                <Tag color="success">未发现问题</Tag>
              ) : (
                <Tag color="warning">{item.findingCounts.error + item.findingCounts.warning} 项待关注</Tag>
              ),
          },
          { title: '更新时间', dataIndex: 'updatedAt', render: (at: string) => at.slice(0, 10), responsive: ['lg'] },
        ]}
      />
      <Modal open={creating} title="新建绩效目标申报" footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={create} initialValues={{ fiscalYear: new Date().getFullYear() }}>
          <Form.Item label="项目名称" name="projectName" rules={[{ required: true, message: '请输入项目名称' }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item label="预算年度" name="fiscalYear" rules={[{ required: true, message: '请输入预算年度' }]}>
            <InputNumber min={2000} max={2100} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            创建草稿
          </Button>
        </Form>
      </Modal>
    </Space>
  );
};

export default DeclarationsPage;
