import { ROLE_LABELS } from '@jixiao/core';
import { Alert, App, Button, Card, Input, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { CreatedUser, PasswordReset, UserItem } from '../api/account-types.ts';
import { api, errorMessage } from '../api/client.ts';
import type { OrganizationItem } from '../api/types.ts';
import { useSession } from '../auth/session.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { accountState } from './account-state.ts';
import { CreateAccountDialog } from './CreateAccountDialog.tsx';
import { EditRolesDialog } from './EditRolesDialog.tsx';
import { grantableRoles } from './grants.ts';

type Shown = { username: string; temporaryPassword: string; note: string };

const matches = (user: UserItem, words: string, organizationName: (id: string) => string): boolean =>
  [user.username, user.displayName, ...user.roles.map((grant) => organizationName(grant.organizationId))].some((text) =>
    text.toLowerCase().includes(words.toLowerCase()),
  );

/**
 * 账户管理, the system administrator's screen: every account holding a role in the administrator's units, its
 * state, and the actions the API offers — add (with a temporary password shown once), stop and restart,
 * reset the password, sign out everywhere. The administrator's own account is changed under 修改密码 only.
 */
const AccountsPage = () => {
  const me = useSession();
  const { message, modal } = App.useApp();
  const users = useApi(() => api.get<UserItem[]>('/api/users'), 'users');
  const organizations = useApi(() => api.get<OrganizationItem[]>('/api/organizations'), 'organizations');
  const [words, setWords] = useState('');
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [editingRoles, setEditingRoles] = useState<UserItem | null>(null);

  const organizationById = useMemo(
    () => new Map((organizations.state === 'ready' ? organizations.data : []).map((item) => [item.id, item])),
    [organizations],
  );
  const organizationName = (id: string) => organizationById.get(id)?.name ?? '（其他单位）';

  /** Confirms, calls, reports, reloads: every row action goes the same way. */
  const act = (user: UserItem, title: string, content: string, run: () => Promise<string>) =>
    modal.confirm({
      title,
      content,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          message.success(await run());
        } catch (error) {
          message.error(`${user.username}：${errorMessage(error)}`);
        } finally {
          users.reload();
        }
      },
    });

  const disable = (user: UserItem) =>
    act(
      user,
      `停用账户“${user.username}”？`,
      '停用后该账户立即退出所有登录，且不能再登录，直到重新启用。',
      async () => {
        const result = await api.post<{ revokedSessions: number }>(`/api/users/${user.id}/disable`);
        return `已停用 ${user.username}${result.revokedSessions > 0 ? `，结束 ${result.revokedSessions} 处登录` : ''}`;
      },
    );

  const enable = (user: UserItem) =>
    act(user, `启用账户“${user.username}”？`, '启用后该账户可以用原密码登录。', async () => {
      await api.post(`/api/users/${user.id}/enable`);
      return `已启用 ${user.username}`;
    });

  const resetPassword = (user: UserItem) =>
    act(
      user,
      `重置“${user.username}”的密码？`,
      '将生成临时密码并结束该账户的所有登录；本人须用临时密码登录后立即修改。',
      async () => {
        const reset = await api.post<PasswordReset>(`/api/users/${user.id}/reset-password`);
        setShown({
          username: reset.username,
          temporaryPassword: reset.temporaryPassword,
          note: reset.revokedSessions > 0 ? `已结束该账户的 ${reset.revokedSessions} 处登录。` : '',
        });
        return `已重置 ${user.username} 的密码`;
      },
    );

  const revokeSessions = (user: UserItem) =>
    act(
      user,
      `让“${user.username}”退出所有登录？`,
      '该账户在所有设备和浏览器上的登录立即失效，密码不变。',
      async () => {
        const result = await api.post<{ revokedSessions: number }>(`/api/users/${user.id}/revoke-sessions`);
        return `已结束 ${user.username} 的 ${result.revokedSessions} 处登录`;
      },
    );

  const created = (user: CreatedUser) => {
    setCreating(false);
    users.reload();
    if (user.temporaryPassword) {
      setShown({ username: user.username, temporaryPassword: user.temporaryPassword, note: '' });
    }
  };

  const list = users.state === 'ready' ? users.data.filter((user) => matches(user, words, organizationName)) : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeader title="账户管理">
        <Space wrap>
          <Input.Search
            aria-label="查找账户"
            placeholder="用户名、姓名或单位"
            allowClear
            style={{ width: 240 }}
            onChange={(event) => setWords(event.target.value.trim())}
          />
          <Button type="primary" onClick={() => setCreating(true)} disabled={organizations.state !== 'ready'}>
            新增账户
          </Button>
        </Space>
      </PageHeader>
      {users.state === 'error' ? <Alert type="error" showIcon title={users.message} /> : null}
      <Card size="small">
        <Table<UserItem>
          rowKey="id"
          size="small"
          loading={users.state === 'loading'}
          dataSource={list}
          scroll={{ x: 1200 }}
          pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 个账户` }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 180 },
            { title: '姓名', dataIndex: 'displayName', width: 140 },
            {
              title: '角色',
              dataIndex: 'roles',
              render: (roles: UserItem['roles']) => (
                <Space orientation="vertical" size={2}>
                  {roles.map((grant) => (
                    <span key={`${grant.organizationId}:${grant.role}`}>
                      <Tag>{ROLE_LABELS[grant.role]}</Tag>
                      {organizationName(grant.organizationId)}
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: '状态',
              key: 'state',
              width: 150,
              render: (_value, user) => {
                const state = accountState(user);
                return (
                  <Tooltip title={state.detail}>
                    <Tag color={state.color}>{state.label}</Tag>
                  </Tooltip>
                );
              },
            },
            {
              title: '最近登录',
              dataIndex: 'lastLoginAt',
              width: 170,
              sorter: (a, b) => (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? ''),
              render: (value: string | null) =>
                value === null ? (
                  <Typography.Text type="secondary">从未登录</Typography.Text>
                ) : (
                  new Date(value).toLocaleString('zh-CN')
                ),
            },
            {
              title: '创建时间',
              dataIndex: 'createdAt',
              width: 170,
              render: (value: string) => new Date(value).toLocaleString('zh-CN'),
            },
            {
              title: '操作',
              key: 'actions',
              width: 250,
              render: (_value, user) =>
                user.id === me.userId ? (
                  <Typography.Text type="secondary">本人（请用“修改密码”）</Typography.Text>
                ) : (
                  <Space size={0} wrap>
                    {user.disabled ? (
                      <Button type="link" size="small" onClick={() => enable(user)}>
                        启用
                      </Button>
                    ) : (
                      <Button type="link" size="small" danger onClick={() => disable(user)}>
                        停用
                      </Button>
                    )}
                    <Button type="link" size="small" onClick={() => setEditingRoles(user)}>
                      修改角色
                    </Button>
                    <Button type="link" size="small" onClick={() => resetPassword(user)}>
                      重置密码
                    </Button>
                    <Button type="link" size="small" onClick={() => revokeSessions(user)} disabled={user.disabled}>
                      退出登录
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {editingRoles && organizations.state === 'ready' ? (
        <EditRolesDialog
          user={editingRoles}
          organizations={organizations.data.filter((item) => grantableRoles(item).length > 0)}
          onSaved={() => {
            message.success(`已修改“${editingRoles.displayName || editingRoles.username}”的角色`);
            setEditingRoles(null);
            users.reload();
          }}
          onCancel={() => setEditingRoles(null)}
        />
      ) : null}
      {creating && organizations.state === 'ready' ? (
        <CreateAccountDialog
          organizations={organizations.data.filter((item) => grantableRoles(item).length > 0)}
          onCreated={created}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      <Modal
        open={shown !== null}
        title="临时密码"
        onCancel={() => setShown(null)}
        footer={
          <Button type="primary" onClick={() => setShown(null)}>
            我已告知本人
          </Button>
        }
      >
        {shown ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              账户 <strong>{shown.username}</strong> 的临时密码：
            </Typography.Text>
            <Typography.Text code copyable={{ text: shown.temporaryPassword }} style={{ fontSize: 20 }}>
              {shown.temporaryPassword}
            </Typography.Text>
            <Alert
              type="warning"
              showIcon
              title="临时密码只显示这一次"
              description={`请当面或电话告知本人（不含易混淆的 0、O、1、l、I）；首次登录须立即修改。${shown.note}`}
            />
          </Space>
        ) : null}
      </Modal>
    </Space>
  );
};

export default AccountsPage;
