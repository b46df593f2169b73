import { ROLE_LABELS, type Role } from '@jixiao/core';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { CreatedUser } from '../api/account-types.ts';
import { ApiError, api, errorMessage } from '../api/client.ts';
import type { OrganizationItem } from '../api/types.ts';
import { grantableRoles, organizationLabel } from './grants.ts';

type AccountForm = { username: string; displayName: string; organizationId: string; role: Role };

const FIELDS = ['username', 'displayName'] as const;

type Props = {
  organizations: OrganizationItem[];
  onCreated: (user: CreatedUser) => void;
  onCancel: () => void;
};

/**
 * 新增账户: who, in which unit, in which role. No password is typed: the server generates a temporary one that
 * the page shows once, and the person must change it at the first sign-in.
 */
export const CreateAccountDialog = ({ organizations, onCreated, onCancel }: Props) => {
  const [form] = Form.useForm<AccountForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const organizationId = Form.useWatch('organizationId', form);
  const organization = organizations.find((item) => item.id === organizationId);
  const roles = organization ? grantableRoles(organization) : [];

  const submit = async ({ username, displayName, organizationId: chosen, role }: AccountForm) => {
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await api.post<CreatedUser>('/api/users', {
          username: username.trim(),
          displayName: displayName?.trim() ?? '',
          roles: [{ organizationId: chosen, role }],
        }),
      );
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fields : {};
      const named = FIELDS.filter((name) => fields[name]);
      if (named.length > 0) form.setFields(named.map((name) => ({ name, errors: [fields[name] ?? ''] })));
      else setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="新增账户"
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
          label="用户名"
          name="username"
          extra="用于登录：3–64 位字母、数字、点、下划线或连字符，如 zhengshou.filler"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[a-zA-Z0-9._-]{3,64}$/u, message: '用户名须为 3–64 位字母、数字、点、下划线或连字符' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ max: 100, message: '姓名不超过 100 个字符' }]}>
          <Input placeholder="不填则显示用户名" />
        </Form.Item>
        <Form.Item label="所在单位" name="organizationId" rules={[{ required: true, message: '请选择单位' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择单位"
            options={organizations.map((item) => ({ value: item.id, label: organizationLabel(item) }))}
            onChange={() => form.setFieldValue('role', undefined)}
          />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            placeholder={organization ? '选择角色' : '先选择单位'}
            disabled={!organization}
            options={roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
