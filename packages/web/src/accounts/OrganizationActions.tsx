import { meaningfulText } from '@jixiao/core';
import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../api/client.ts';
import type { OrganizationItem } from '../api/types.ts';

type Dialog = { kind: 'rename'; text: string } | { kind: 'stop'; text: string } | null;

/** 重命名 / 停用 / 启用 of one unit or department, each confirmed in a dialog; the 财政局 is the tree's root. */
export const OrganizationActions = ({
  organization,
  onChanged,
}: {
  organization: OrganizationItem;
  onChanged: (message: string) => void;
}) => {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  if (organization.parentId === null) return null;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      setDialog(null);
      onChanged(done);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const confirm = () => {
    if (!dialog) return;
    const text = meaningfulText(dialog.text);
    if (text === '') {
      message.error(dialog.kind === 'rename' ? '请填写新名称' : '请填写停用原因');
      return;
    }
    if (dialog.kind === 'rename')
      void run(() => api.patch(`/api/organizations/${organization.id}`, { name: text }), `已改名为“${text}”`);
    else
      void run(
        () => api.post(`/api/organizations/${organization.id}/stop`, { reason: text }),
        `已停用“${organization.name}”`,
      );
  };

  return (
    <Space size={4}>
      <Button size="small" onClick={() => setDialog({ kind: 'rename', text: organization.name })}>
        重命名
      </Button>
      {organization.stoppedAt === null ? (
        <Button size="small" danger onClick={() => setDialog({ kind: 'stop', text: '' })}>
          停用
        </Button>
      ) : (
        <Button
          size="small"
          loading={busy}
          onClick={() =>
            void run(() => api.post(`/api/organizations/${organization.id}/resume`), `已重新启用“${organization.name}”`)
          }
        >
          启用
        </Button>
      )}
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'rename' ? `重命名“${organization.name}”` : `停用“${organization.name}”`}
        okText={dialog?.kind === 'rename' ? '保存' : '停用'}
        okButtonProps={{ danger: dialog?.kind === 'stop', loading: busy }}
        cancelText="取消"
        onOk={confirm}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        {dialog?.kind === 'stop' ? (
          <p>停用后不能在该单位新建自评和账户，已有的自评、账户和记录保留，可随时重新启用。</p>
        ) : null}
        <label htmlFor="organization-action-text">
          {dialog?.kind === 'rename' ? '新名称' : '停用原因（记入操作日志）'}
        </label>
        <Input
          id="organization-action-text"
          autoFocus
          maxLength={dialog?.kind === 'rename' ? 200 : 500}
          value={dialog?.text ?? ''}
          onChange={(event) => dialog && setDialog({ ...dialog, text: event.target.value })}
        />
      </Modal>
    </Space>
  );
};
