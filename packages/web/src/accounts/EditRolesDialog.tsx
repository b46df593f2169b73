import { ROLE_LABELS, type Role } from '@jixiao/core';
import { Alert, Button, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { UserItem } from '../api/account-types.ts';
import { api, errorMessage } from '../api/client.ts';
import type { OrganizationItem } from '../api/types.ts';
import { grantableRoles, organizationLabel } from './grants.ts';

/** One row of the dialog; `key` keeps a row's inputs when another row above it is removed. */
type Grant = { key: number; organizationId: string | undefined; role: Role | undefined };

let nextKey = 0;
const row = (organizationId?: string, role?: Role): Grant => {
  nextKey += 1;
  return { key: nextKey, organizationId, role };
};

type Props = {
  user: UserItem;
  organizations: OrganizationItem[];
  onSaved: () => void;
  onCancel: () => void;
};

const complete = (grants: readonly Grant[]): { organizationId: string; role: Role }[] =>
  grants.flatMap(({ organizationId, role }) => (organizationId && role ? [{ organizationId, role }] : []));

/** 修改角色: the account's grants as rows of 单位 + 角色; each row offers only the roles its unit's kind allows. */
export const EditRolesDialog = ({ user, organizations, onSaved, onCancel }: Props) => {
  const [grants, setGrants] = useState<Grant[]>(() => user.roles.map((grant) => row(grant.organizationId, grant.role)));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usable = organizations.filter((item) => item.stoppedAt === null);
  const set = (index: number, grant: Grant) => setGrants(grants.map((old, at) => (at === index ? grant : old)));

  const save = async () => {
    const roles = complete(grants);
    if (roles.length === 0 || roles.length !== grants.length) {
      setError('每一行都要选定单位和角色，且至少保留一个角色');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/users/${user.id}/roles`, { roles });
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`修改角色：${user.displayName || user.username}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={save}
      onCancel={onCancel}
      width={640}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {grants.map((grant, index) => {
          const organization = organizations.find((item) => item.id === grant.organizationId);
          return (
            <Space key={grant.key} wrap>
              <Select
                aria-label={`第 ${index + 1} 个角色的单位`}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 300 }}
                placeholder="选择单位"
                value={grant.organizationId ?? null}
                options={usable.map((item) => ({ value: item.id, label: organizationLabel(item) }))}
                onChange={(organizationId: string) => set(index, { ...grant, organizationId, role: undefined })}
              />
              <Select
                aria-label={`第 ${index + 1} 个角色`}
                style={{ width: 160 }}
                placeholder={organization ? '选择角色' : '先选择单位'}
                disabled={!organization}
                value={grant.role ?? null}
                options={(organization ? grantableRoles(organization) : []).map((role) => ({
                  value: role,
                  label: ROLE_LABELS[role],
                }))}
                onChange={(role: Role) => set(index, { ...grant, role })}
              />
              <Button
                danger
                disabled={grants.length === 1}
                onClick={() => setGrants(grants.filter((_, at) => at !== index))}
              >
                删除
              </Button>
            </Space>
          );
        })}
        <Button onClick={() => setGrants([...grants, row()])}>添加角色</Button>
        <Typography.Text type="secondary">
          修改即时生效（下一次操作起按新角色授权），不影响账户已登录的会话；不能修改自己的角色。
        </Typography.Text>
      </Space>
    </Modal>
  );
};
