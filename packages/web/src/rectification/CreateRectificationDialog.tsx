import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client.ts';
import { daysFromToday } from './rectification-labels.ts';
import type { RectificationSourceKindName } from './rectification-types.ts';

/** What an item starts from: a finding, a review comment, or nothing (登记). */
export type RectificationSeed = {
  sourceKind: RectificationSourceKindName;
  sourceText: string;
  sourceRef: string;
  description: string;
  measure: string;
};

type Fields = { description: string; measure?: string; deadline: string };

type Props = { evaluationId: string; seed: RectificationSeed | null; onClose: () => void; onCreated: () => void };

/** 转为整改 / 登记整改事项: a reviewer edits what to fix, the measure and the deadline before the item is made. */
export const CreateRectificationDialog = ({ evaluationId, seed, onClose, onCreated }: Props) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (seed)
      form.setFieldsValue({ description: seed.description, measure: seed.measure, deadline: daysFromToday(90) });
  }, [seed, form]);

  const create = async (fields: Fields) => {
    if (!seed) return;
    setBusy(true);
    try {
      await api.post('/api/rectification-items', {
        evaluationId,
        sourceKind: seed.sourceKind,
        ...(seed.sourceText ? { sourceText: seed.sourceText } : {}),
        ...(seed.sourceRef ? { sourceRef: seed.sourceRef } : {}),
        description: fields.description,
        ...(fields.measure ? { measure: fields.measure } : {}),
        deadline: fields.deadline,
      });
      message.success('已登记整改事项');
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
      open={seed !== null}
      title="登记整改事项"
      okText="登记"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {seed?.sourceText ? (
        <Typography.Paragraph type="secondary" className="narrative-body">
          来源：{seed.sourceText}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={create}>
        <Form.Item
          name="description"
          label="问题描述"
          rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="measure" label="整改措施">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="deadline" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
