import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../api/client.ts';
import type { FeedbackReceipt, PublishedFeedback } from '../api/feedback-types.ts';
import { useApi } from '../components/useApi.ts';

/** The service's bounds (services/feedback/feedback-text.ts), said to the visitor before they send. */
const BODY_MIN = 5;
const BODY_MAX = 500;
const CONTACT_MAX = 100;

type FeedbackFields = { body: string; contact?: string; website?: string };

const dateOf = (iso: string) => new Date(iso).toLocaleDateString('zh-CN');

/** Characters as a reader counts them (a Han character or an emoji is one), as the server counts. */
const countCharacters = (text: string) => [...text.trim()].length;

/**
 * 公众反馈 under a published report: the messages the bureau published with its replies, and a form to send one.
 * Every text is rendered as a React text node, never as HTML, whatever it holds. Loaded apart from the report
 * (its own request and chunk), so the report shows first.
 */
const PortalFeedback = ({ evaluationId }: { evaluationId: string }) => {
  const published = useApi(
    () => api.get<{ items: PublishedFeedback[] }>(`/api/public/evaluations/${evaluationId}/feedback`),
    evaluationId,
  );
  const [form] = Form.useForm<FeedbackFields>();
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const send = async (fields: FeedbackFields) => {
    setSending(true);
    setOutcome(null);
    try {
      const receipt = await api.post<FeedbackReceipt>(`/api/public/evaluations/${evaluationId}/feedback`, {
        body: fields.body,
        ...(fields.contact ? { contact: fields.contact } : {}),
        ...(fields.website ? { website: fields.website } : {}),
      });
      setOutcome({ type: 'success', text: receipt.message });
      form.resetFields();
    } catch (error) {
      setOutcome({ type: 'error', text: `提交失败：${errorMessage(error)}` });
    } finally {
      setSending(false);
    }
  };

  const items = published.state === 'ready' ? published.data.items : [];
  return (
    <section className="portal-card portal-feedback" aria-labelledby="feedback-title">
      <h3 id="feedback-title">公众反馈</h3>
      {published.state === 'error' ? <p className="portal-note">反馈暂时无法加载：{published.message}</p> : null}
      {published.state === 'ready' && items.length === 0 ? <p className="portal-note">暂无公开的反馈。</p> : null}
      <ol className="portal-feedback-list">
        {items.map((item) => (
          <li key={item.id} className="portal-feedback-item">
            <p className="portal-feedback-meta">公众留言 · {dateOf(item.createdAt)}</p>
            <div className="narrative-body portal-feedback-body">{item.body}</div>
            {item.reply ? (
              <div className="portal-feedback-reply">
                <p className="portal-feedback-meta">
                  财政部门答复{item.repliedAt ? ` · ${dateOf(item.repliedAt)}` : ''}
                </p>
                <div className="narrative-body">{item.reply}</div>
              </div>
            ) : null}
          </li>
        ))}
      </ol>

      <h4>我要反馈</h4>
      <p className="portal-note">无需登录。反馈经审核后在本页公开，联系方式不会公开。</p>
      <Form form={form} layout="vertical" onFinish={send} requiredMark={false} className="portal-feedback-form">
        <Form.Item
          name="body"
          label="反馈内容"
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                const count = countCharacters(value ?? '');
                if (count < BODY_MIN) throw new Error(`请至少填写 ${BODY_MIN} 个字`);
                if (count > BODY_MAX) throw new Error(`不能超过 ${BODY_MAX} 个字`);
              },
            },
          ]}
        >
          <Input.TextArea
            rows={4}
            showCount={{ formatter: ({ value }) => `${countCharacters(value)} / ${BODY_MAX}` }}
            placeholder="对该项目绩效自评的意见或问题"
          />
        </Form.Item>
        <Form.Item
          name="contact"
          label="联系方式（选填，不公开）"
          rules={[{ max: CONTACT_MAX, message: `不能超过 ${CONTACT_MAX} 个字` }]}
        >
          <Input maxLength={CONTACT_MAX} placeholder="电话或电子邮箱，便于回访" autoComplete="off" />
        </Form.Item>
        {/* The honeypot: off screen, out of the tab order and hidden from screen readers; people leave it empty. */}
        <div className="portal-honeypot" aria-hidden="true">
          <Form.Item name="website" label="网站">
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
        {outcome ? <Alert type={outcome.type} showIcon title={outcome.text} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={sending}>
          提交反馈
        </Button>
      </Form>
    </section>
  );
};

export default PortalFeedback;
