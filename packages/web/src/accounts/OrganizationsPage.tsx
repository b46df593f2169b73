import {
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_KINDS,
  ORGANIZATION_PARENT_KINDS,
  type OrganizationKind,
} from '@jixiao/core';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ApiError, api, errorMessage } from '../api/client.ts';
import type { OrganizationItem } from '../api/types.ts';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { kindLabel, organizationLabel } from './grants.ts';
import { OrganizationActions } from './OrganizationActions.tsx';
import { type OrganizationNode, organizationTree } from './organization-tree.ts';

type OrganizationForm = { name: string; kind: OrganizationKind; parentId: string; code?: string };

/** What an administrator may add: the bureau is created once, by the operator (jixiao org add). */
const ADDABLE = ORGANIZATION_KINDS.filter((kind) => ORGANIZATION_PARENT_KINDS[kind] !== null);

const CreateOrganizationDialog = ({
  organizations,
  onCreated,
  onCancel,
}: {
  organizations: OrganizationItem[];
  onCreated: (created: OrganizationItem) => void;
  onCancel: () => void;
}) => {
  const [form] = Form.useForm<OrganizationForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const parentKind = kind ? ORGANIZATION_PARENT_KINDS[kind] : null;
  const parents = organizations.filter((item) => item.kind === parentKind);

  const submit = async ({ name, kind: chosen, parentId, code }: OrganizationForm) => {
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await api.post<OrganizationItem>('/api/organizations', {
          name: name.trim(),
          kind: chosen,
          parentId,
          ...(code?.trim() ? { code: code.trim() } : {}),
        }),
      );
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fields : {};
      if (fields['name']) form.setFields([{ name: 'name', errors: [fields['name']] }]);
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="新增单位"
      okText="创建"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item
          label="单位名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入单位名称' },
            { max: 200, message: '单位名称不超过 200 个字符' },
          ]}
        >
          <Input placeholder="如 开福区教育事务中心" />
        </Form.Item>
        <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
          <Select
            placeholder="选择类型"
            options={ADDABLE.map((value) => ({ value, label: ORGANIZATION_KIND_LABELS[value] }))}
            onChange={() => form.setFieldValue('parentId', undefined)}
          />
        </Form.Item>
        <Form.Item
          label="上级单位"
          name="parentId"
          extra={
            parentKind
              ? `${ORGANIZATION_KIND_LABELS[kind ?? 'budget_unit']}的上级是${ORGANIZATION_KIND_LABELS[parentKind]}`
              : undefined
          }
          rules={[{ required: true, message: '请选择上级单位' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={parentKind ? '选择上级单位' : '先选择类型'}
            disabled={!parentKind}
            options={parents.map((item) => ({ value: item.id, label: organizationLabel(item) }))}
          />
        </Form.Item>
        <Form.Item label="单位编码" name="code" rules={[{ max: 64, message: '编码不超过 64 个字符' }]}>
          <Input placeholder="预算单位编码，可不填" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/**
 * 单位管理: the organisations under the administrator as a tree, and adding a 主管部门 under the bureau or a
 * 预算单位 under a department. Accounts are given roles on them under 账户管理.
 */
const OrganizationsPage = () => {
  const { message } = App.useApp();
  const organizations = useApi(() => api.get<OrganizationItem[]>('/api/organizations'), 'organizations');
  const [creating, setCreating] = useState(false);
  const items = organizations.state === 'ready' ? organizations.data : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title="单位管理">
        <Button type="primary" onClick={() => setCreating(true)} disabled={organizations.state !== 'ready'}>
          新增单位
        </Button>
      </PageHeader>
      {organizations.state === 'error' ? <Alert type="error" showIcon title={organizations.message} /> : null}
      {organizations.state === 'loading' ? <Loading /> : null}
      <Card size="small" hidden={organizations.state !== 'ready'}>
        {/* Mounted with its rows, so that every level opens at once. */}
        <Table<OrganizationNode>
          key={items.length}
          rowKey="id"
          size="small"
          dataSource={organizationTree(items)}
          expandable={{ defaultExpandAllRows: true }}
          pagination={false}
          columns={[
            { title: '名称', dataIndex: 'name' },
            {
              title: '类型',
              dataIndex: 'kind',
              width: 140,
              render: (kind: string) => <Tag>{kindLabel(kind)}</Tag>,
            },
            {
              title: '状态',
              dataIndex: 'stoppedAt',
              width: 200,
              render: (stoppedAt: string | null) =>
                stoppedAt === null ? (
                  <Tag color="green">使用中</Tag>
                ) : (
                  <Tag color="red">{`已停用（${new Date(stoppedAt).toLocaleDateString('zh-CN')}）`}</Tag>
                ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 190,
              render: (_: unknown, organization) => (
                <OrganizationActions
                  organization={organization}
                  onChanged={(text) => {
                    message.success(text);
                    organizations.reload();
                  }}
                />
              ),
            },
          ]}
        />
      </Card>
      {creating ? (
        <CreateOrganizationDialog
          organizations={items}
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            message.success(`已新增“${created.name}”`);
            organizations.reload();
          }}
        />
      ) : null}
    </Space>
  );
};

export default OrganizationsPage;
