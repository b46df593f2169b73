import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { api, errorMessage } from '../api/client.ts';
import { base64Of } from '../api/file-base64.ts';
import { Loading } from '../components/Loading.tsx';
import { useApi } from '../components/useApi.ts';
import {
  ACTION_FIELD,
  ACTION_LABELS,
  chinaToday,
  deadlineText,
  STATUS_COLORS,
  STATUS_LABELS,
} from './rectification-labels.ts';
import type { RectificationAction, RectificationHistoryEntry, RectificationItemDetail } from './rectification-types.ts';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

const EVIDENCE_TYPES = '.pdf,.png,.jpg,.jpeg,.docx,.doc,.xlsx,.xls,.txt';

/** The unit's actions: they may attach evidence while the item is theirs to work. */
const UNIT_ACTIONS: readonly RectificationAction[] = ['start', 'update', 'submit'];

type Props = { itemId: string | null; onClose: () => void; onChanged: () => void };

const historyColor = (entry: RectificationHistoryEntry): string => {
  if (entry.toStatus === 'closed') return 'green';
  if (entry.toStatus === 'cancelled') return 'gray';
  return entry.action === 'rectification.return' ? 'red' : 'blue';
};

/** The action dialog's fields: the one text, and for a reviewer's revise the item's own fields. */
type ActionFields = { text?: string; description?: string; measure?: string; deadline?: string };

/**
 * One 整改 item: what is to be fixed and by when, the evidence, the actions the signed-in user may take (the unit
 * starts, records progress, uploads evidence and submits; the reviewer returns, closes or cancels) and the item's
 * history.
 */
export const RectificationDrawer = ({ itemId, onClose, onChanged }: Props) => {
  const { message } = App.useApp();
  const detail = useApi(
    () => (itemId ? api.get<RectificationItemDetail>(`/api/rectification-items/${itemId}`) : Promise.resolve(null)),
    itemId ?? '',
  );
  const [acting, setActing] = useState<RectificationAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ActionFields>();
  const fileInput = useRef<HTMLInputElement>(null);
  const item = detail.state === 'ready' ? detail.data : null;

  const changed = () => {
    detail.reload();
    onChanged();
  };

  const act = async ({ text, ...revision }: ActionFields) => {
    if (!(item && acting)) return;
    setBusy(true);
    try {
      await api.post(`/api/rectification-items/${item.id}/${acting}`, {
        expectedVersion: item.version,
        ...(text ? { [ACTION_FIELD[acting].field]: text } : {}),
        ...(acting === 'revise' ? revision : {}),
      });
      message.success(`${ACTION_LABELS[acting]}：已完成`);
      setActing(null);
      changed();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File) => {
    if (!item) return;
    setBusy(true);
    try {
      await api.post(`/api/rectification-items/${item.id}/evidence`, {
        fileName: file.name,
        contentBase64: await base64Of(file),
      });
      message.success(`已上传“${file.name}”`);
      changed();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  // The unit's actions are offered only while the item is open or in progress, which is when evidence may be added.
  const canAttach = item?.actions.some((action) => UNIT_ACTIONS.includes(action)) ?? false;

  return (
    <Drawer open={itemId !== null} onClose={onClose} size="large" title="整改事项" destroyOnHidden>
      {detail.state === 'loading' ? <Loading /> : null}
      {detail.state === 'error' ? <Alert type="error" showIcon title={detail.message} /> : null}
      {item ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="rectification-detail">
          <Space wrap>
            <Tag color={STATUS_COLORS[item.status]} data-testid="rectification-status">
              {STATUS_LABELS[item.status]}
            </Tag>
            {item.overdue ? <Tag color="red">已逾期</Tag> : null}
            <Typography.Text type="secondary">
              {item.fiscalYear} 年度 {item.projectName} · {item.organizationName}
            </Typography.Text>
          </Space>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: 'source',
                label: '来源',
                children: (
                  <span className="narrative-body">
                    {item.sourceKindLabel}
                    {item.sourceText ? `：${item.sourceText}` : ''}
                  </span>
                ),
              },
              {
                key: 'description',
                label: '问题描述',
                children: <span className="narrative-body">{item.description}</span>,
              },
              {
                key: 'measure',
                label: '整改措施',
                children: <span className="narrative-body">{item.measure || '—'}</span>,
              },
              { key: 'deadline', label: '整改期限', children: deadlineText(item, chinaToday()) },
              {
                key: 'progress',
                label: '整改进展',
                children: <span className="narrative-body">{item.progressNote || '—'}</span>,
              },
              ...(item.cancelReason
                ? [
                    {
                      key: 'cancelled',
                      label: '撤销理由',
                      children: `${item.cancelReason}（${item.cancelledByName ?? ''}，${item.cancelledAt ? when(item.cancelledAt) : ''}）`,
                    },
                  ]
                : []),
              ...(item.closingReason
                ? [
                    {
                      key: 'closing',
                      label: '验收意见',
                      children: `${item.closingReason}（${item.closedByName ?? ''}，${item.closedAt ? when(item.closedAt) : ''}）`,
                    },
                  ]
                : []),
            ]}
          />
          <div>
            <Typography.Title level={5}>佐证材料</Typography.Title>
            {item.evidence.length === 0 ? (
              <Typography.Text type="secondary">尚未上传</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {item.evidence.map((file) => (
                  <li key={file.id}>
                    <a href={`/api/attachments/${file.id}`} download>
                      {file.fileName}
                    </a>{' '}
                    <Typography.Text type="secondary">
                      {(file.sizeBytes / 1024).toFixed(1)} KB · {when(file.createdAt)}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            )}
            {canAttach ? (
              <>
                <input
                  ref={fileInput}
                  type="file"
                  accept={EVIDENCE_TYPES}
                  hidden
                  aria-label="选择整改佐证材料"
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    if (file) void upload(file);
                  }}
                />
                <Button style={{ marginTop: 8 }} loading={busy} onClick={() => fileInput.current?.click()}>
                  上传佐证材料
                </Button>
              </>
            ) : null}
          </div>
          {item.actions.length > 0 ? (
            <Space wrap>
              {item.actions.map((action) => (
                <Button
                  key={action}
                  type={action === 'submit' || action === 'close' ? 'primary' : 'default'}
                  danger={action === 'return' || action === 'cancel'}
                  onClick={() => {
                    form.resetFields();
                    if (action === 'revise') {
                      form.setFieldsValue({
                        description: item.description,
                        measure: item.measure,
                        deadline: item.deadline,
                      });
                    }
                    setActing(action);
                  }}
                >
                  {ACTION_LABELS[action]}
                </Button>
              ))}
            </Space>
          ) : null}
          <div>
            <Typography.Title level={5}>处理记录</Typography.Title>
            {item.history.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
            ) : (
              <Timeline
                items={item.history.map((entry) => ({
                  key: entry.seq,
                  color: historyColor(entry),
                  content: (
                    <span className="narrative-body">
                      {when(entry.occurredAt)} · {entry.actorName ?? '系统'} · {entry.actionLabel}
                      {entry.reason ? `：${entry.reason}` : ''}
                    </span>
                  ),
                }))}
              />
            )}
          </div>
        </Space>
      ) : null}
      <Modal
        open={acting !== null}
        title={acting ? ACTION_LABELS[acting] : ''}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setActing(null)}
        destroyOnHidden
      >
        {acting ? (
          <Form form={form} layout="vertical" onFinish={act} preserve={false}>
            {acting === 'revise' ? (
              <>
                <Form.Item
                  name="description"
                  label="问题描述"
                  rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}
                >
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
                <Form.Item name="measure" label="整改措施">
                  <Input.TextArea rows={3} maxLength={4000} />
                </Form.Item>
                <Form.Item name="deadline" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
                  <Input type="date" />
                </Form.Item>
              </>
            ) : null}
            <Form.Item
              name="text"
              label={ACTION_FIELD[acting].label}
              rules={ACTION_FIELD[acting].required ? [{ required: true, whitespace: true, message: '请填写内容' }] : []}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
          </Form>
        ) : null}
      </Modal>
    </Drawer>
  );
};
