import { Alert, App, Button, Card, Empty, Form, Input, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../api/client.ts';
import { FEEDBACK_STATUS_LABELS, type FeedbackItem, type FeedbackStatus } from '../api/feedback-types.ts';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { dateAfter, FEEDBACK_ACTION_LABELS, type FeedbackAction, feedbackActionsOf } from './feedback-actions.ts';

const STATUS_COLORS: Record<FeedbackStatus, string> = { pending: 'orange', published: 'green', hidden: 'default' };
const FILTERS = [
  { label: '全部', value: 'all' },
  { label: '待审核', value: 'pending' },
  { label: '已公开', value: 'published' },
  { label: '不予公开', value: 'hidden' },
] as const;
type Filter = (typeof FILTERS)[number]['value'];

type Fields = { text?: string; description?: string; measure?: string; deadline?: string };

const ENDPOINTS: Record<FeedbackAction, string> = {
  draft: 'draft-reply',
  publish: 'publish',
  hide: 'hide',
  rectify: 'rectification',
};

const bodyOf = (action: FeedbackAction, fields: Fields) => {
  switch (action) {
    case 'draft':
      return { draft: fields.text ?? '' };
    case 'publish':
      return { reply: fields.text ?? '' };
    case 'hide':
      return { reason: fields.text ?? '' };
    case 'rectify':
      return {
        description: fields.description ?? '',
        deadline: fields.deadline ?? '',
        ...(fields.measure ? { measure: fields.measure } : {}),
      };
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${String(unreachable)}`);
    }
  }
};

const TEXT_LABELS: Record<Exclude<FeedbackAction, 'rectify'>, string> = {
  draft: '答复草稿（供审核人员采用或修改）',
  publish: '答复（与反馈一并公开）',
  hide: '不予公开的理由（不公开，记入审计日志）',
};

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/**
 * 公众反馈: the messages the public sent on published reports. 主管部门 and 财政局 reviewers publish them with a
 * reply, hide them with a reason or turn them into 整改 items; the report's unit drafts replies. All text is
 * shown as text.
 */
const FeedbackPage = () => {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const list = useApi(
    () => api.get<{ items: FeedbackItem[] }>(`/api/feedback${filter === 'all' ? '' : `?status=${filter}`}`),
    filter,
  );
  const [acting, setActing] = useState<{ item: FeedbackItem; action: FeedbackAction } | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Fields>();

  const open = (item: FeedbackItem, action: FeedbackAction) => {
    form.resetFields();
    form.setFieldsValue(
      action === 'rectify'
        ? { description: item.body, deadline: dateAfter(new Date(), 30) }
        : { text: action === 'publish' || action === 'draft' ? (item.replyDraft ?? '') : '' },
    );
    setActing({ item, action });
  };

  const submit = async (fields: Fields) => {
    if (!acting) return;
    setBusy(true);
    try {
      await api.post(`/api/feedback/${acting.item.id}/${ENDPOINTS[acting.action]}`, bodyOf(acting.action, fields));
      message.success(`${FEEDBACK_ACTION_LABELS[acting.action]}：已完成`);
      setActing(null);
      list.reload();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title="公众反馈">
        <Segmented<Filter> options={[...FILTERS]} value={filter} onChange={setFilter} aria-label="按状态筛选" />
      </PageHeader>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        公众对已公开报告的反馈经审核后公开。主管部门和财政局审核人员可公开并答复、不予公开或转为整改事项；报告所属单位可起草答复。
      </Typography.Paragraph>
      {list.state === 'loading' ? <Loading /> : null}
      {list.state === 'error' ? <Alert type="error" showIcon title={list.message} /> : null}
      {list.state === 'ready' && list.data.items.length === 0 ? <Empty description="暂无反馈" /> : null}
      {list.state === 'ready'
        ? list.data.items.map((item) => (
            <Card
              key={item.id}
              size="small"
              data-testid="feedback-card"
              title={
                <Space wrap>
                  <Tag color={STATUS_COLORS[item.status]}>{FEEDBACK_STATUS_LABELS[item.status]}</Tag>
                  <a href={`/reports/${item.evaluationId}`} target="_blank" rel="noreferrer">
                    {item.fiscalYear} 年度 {item.projectName}
                  </a>
                  <Typography.Text type="secondary">{item.unitName}</Typography.Text>
                </Space>
              }
              extra={<Typography.Text type="secondary">{when(item.createdAt)}</Typography.Text>}
              actions={feedbackActionsOf(item).map((action) => (
                <Button key={action} type="link" onClick={() => open(item, action)}>
                  {FEEDBACK_ACTION_LABELS[action]}
                </Button>
              ))}
            >
              <div className="narrative-body">{item.body}</div>
              {item.contact ? <Typography.Text type="secondary">联系方式：{item.contact}</Typography.Text> : null}
              {item.replyDraft && item.status === 'pending' ? (
                <Alert
                  style={{ marginTop: 8 }}
                  type="info"
                  title={`单位答复草稿（${item.replyDraftedBy ?? ''}）`}
                  description={<div className="narrative-body">{item.replyDraft}</div>}
                />
              ) : null}
              {item.reply ? (
                <Alert
                  style={{ marginTop: 8 }}
                  type="success"
                  title={`答复（${item.moderatedBy ?? ''}${item.moderatedAt ? `，${when(item.moderatedAt)}` : ''}）`}
                  description={<div className="narrative-body">{item.reply}</div>}
                />
              ) : null}
              {item.hideReason && item.status === 'hidden' ? (
                <Alert style={{ marginTop: 8 }} type="warning" title={`不予公开：${item.hideReason}`} />
              ) : null}
              {item.rectificationItemId ? (
                <Tag color="blue" style={{ marginTop: 8 }}>
                  已转为整改事项
                </Tag>
              ) : null}
            </Card>
          ))
        : null}
      <Modal
        open={acting !== null}
        title={acting ? FEEDBACK_ACTION_LABELS[acting.action] : ''}
        okText="确定"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setActing(null)}
        destroyOnHidden
      >
        {acting ? (
          <>
            <Typography.Paragraph className="narrative-body" type="secondary">
              {acting.item.body}
            </Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
              {acting.action === 'rectify' ? (
                <>
                  <Form.Item name="description" label="问题描述" rules={[{ required: true, whitespace: true }]}>
                    <Input.TextArea rows={3} maxLength={2000} />
                  </Form.Item>
                  <Form.Item name="measure" label="整改措施（选填）">
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  <Form.Item name="deadline" label="整改期限" rules={[{ required: true }]}>
                    <Input type="date" />
                  </Form.Item>
                </>
              ) : (
                <Form.Item
                  name="text"
                  label={TEXT_LABELS[acting.action]}
                  rules={[{ required: true, whitespace: true, message: '请填写内容' }]}
                >
                  <Input.TextArea rows={4} maxLength={2000} showCount />
                </Form.Item>
              )}
            </Form>
          </>
        ) : null}
      </Modal>
    </Space>
  );
};

export default FeedbackPage;
