import { Alert, App, Checkbox, Empty, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../api/client.ts';
import { Loading } from '../components/Loading.tsx';
import { useApi } from '../components/useApi.ts';
import { daysFromToday } from './rectification-labels.ts';
import type { RectificationProposal } from './rectification-types.ts';

type Row = RectificationProposal & { picked: boolean; description: string };

type Props = { evaluationId: string; open: boolean; onClose: () => void; onCreated: () => void };

/**
 * 从问题生成: the problems of the report's 存在的问题, each with the 改进措施 that matches it; the reviewer picks,
 * edits and sets one deadline, and each picked problem becomes an item.
 */
export const ProposalsDialog = ({ evaluationId, open, onClose, onCreated }: Props) => {
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>([]);
  const [deadline, setDeadline] = useState(daysFromToday(90));
  const [busy, setBusy] = useState(false);
  const proposals = useApi(async () => {
    if (!open) return [];
    const loaded = await api.get<RectificationProposal[]>(`/api/evaluations/${evaluationId}/rectification-proposals`);
    setRows(loaded.map((proposal) => ({ ...proposal, picked: true, description: proposal.problem })));
    return loaded;
  }, `${evaluationId}:${open}`);

  const edit = (index: number, change: Partial<Row>) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...change } : row)));

  const create = async () => {
    const picked = rows.filter((row) => row.picked && row.description.trim() !== '');
    if (picked.length === 0) return;
    setBusy(true);
    try {
      for (const row of picked) {
        await api.post('/api/rectification-items', {
          evaluationId,
          sourceKind: 'problem',
          sourceText: row.problem,
          description: row.description,
          ...(row.measure.trim() ? { measure: row.measure } : {}),
          deadline,
        });
      }
      message.success(`已登记 ${picked.length} 项整改事项`);
      onCreated();
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="从“存在的问题”生成整改事项"
      okText="登记所选"
      cancelText="取消"
      width={760}
      confirmLoading={busy}
      okButtonProps={{ disabled: !rows.some((row) => row.picked) }}
      onOk={() => void create()}
      onCancel={onClose}
      destroyOnHidden
    >
      {proposals.state === 'loading' ? <Loading /> : null}
      {proposals.state === 'error' ? <Alert type="error" showIcon title={proposals.message} /> : null}
      {proposals.state === 'ready' && rows.length === 0 ? (
        <Empty description="报告“存在的问题”部分没有列出问题" />
      ) : null}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {rows.map((row, index) => (
          <div key={row.problem} className="rectification-proposal" data-testid="rectification-proposal">
            <Checkbox checked={row.picked} onChange={(event) => edit(index, { picked: event.target.checked })}>
              问题 {index + 1}
            </Checkbox>
            <Input.TextArea
              aria-label={`问题 ${index + 1} 描述`}
              rows={2}
              maxLength={2000}
              value={row.description}
              onChange={(event) => edit(index, { description: event.target.value })}
            />
            <Typography.Text type="secondary">建议措施（来自“下一步改进措施”，可修改）</Typography.Text>
            <Input.TextArea
              aria-label={`问题 ${index + 1} 措施`}
              rows={2}
              maxLength={4000}
              value={row.measure}
              onChange={(event) => edit(index, { measure: event.target.value })}
            />
          </div>
        ))}
        {rows.length > 0 ? (
          <Form.Item label="整改期限" style={{ marginBottom: 0 }}>
            <Input
              type="date"
              aria-label="整改期限"
              value={deadline}
              onChange={(event) => setDeadline(event.target.value)}
            />
          </Form.Item>
        ) : null}
      </Space>
    </Modal>
  );
};
