import { FINDING_CODES, isFindingCode } from '@jixiao/core';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { AppealView, EvaluationAppealsView } from '../api/appeal-types.ts';
import { api, errorMessage } from '../api/client.ts';
import { base64Of } from '../api/file-base64.ts';
import { useApi } from '../components/useApi.ts';
import { EvidenceList } from '../evidence/EvidenceControl.tsx';
import { EVIDENCE_ACCEPT } from '../evidence/evidence-format.ts';
import { APPEAL_STATUS_COLORS, DECISION_LABELS, scoreWithGrade, when } from './appeal-format.ts';

const findingTitle = (code: string): string => (isFindingCode(code) ? FINDING_CODES[code].title : code);

/** One appeal as both sides read it: the decision, the unit's reasons and files, and the ruling. */
export const AppealSummary = ({ appeal }: { appeal: AppealView }) => (
  <Descriptions size="small" column={1} bordered data-testid="appeal-summary">
    <Descriptions.Item label="状态">
      <Tag color={APPEAL_STATUS_COLORS[appeal.status]}>{appeal.statusLabel}</Tag>
    </Descriptions.Item>
    <Descriptions.Item label="被申诉的决定">
      {DECISION_LABELS[appeal.decision]}（{appeal.decidedBy}，{when(appeal.decidedAt)}）
      {appeal.decisionReason ? `：${appeal.decisionReason}` : ''}
    </Descriptions.Item>
    <Descriptions.Item label="申诉理由">
      <div className="narrative-body">{appeal.reasons}</div>
      <Typography.Text type="secondary">
        {appeal.filedBy}，{when(appeal.filedAt)}
      </Typography.Text>
    </Descriptions.Item>
    {appeal.evidence.length > 0 ? (
      <Descriptions.Item label="申诉材料">
        <EvidenceList files={appeal.evidence} />
      </Descriptions.Item>
    ) : null}
    {appeal.status === 'pending' ? null : (
      <Descriptions.Item label="复议结果">
        <Space orientation="vertical" size={2}>
          {appeal.status === 'amended' && appeal.amendedScore !== null ? (
            <span data-testid="appeal-amended-score">
              得分由 {scoreWithGrade(appeal.originalScore, appeal.originalGrade)} 调整为{' '}
              {scoreWithGrade(appeal.amendedScore, appeal.amendedGrade)}
            </span>
          ) : null}
          {appeal.withdrawnFindings.length > 0 ? (
            <span data-testid="appeal-withdrawn">
              撤销的问题：{appeal.withdrawnFindings.map(findingTitle).join('、')}
            </span>
          ) : null}
          <div className="narrative-body">{appeal.rulingReason}</div>
          <Typography.Text type="secondary">
            {appeal.ruledBy}，{when(appeal.ruledAt)}
            {appeal.ruledBySoleReviewer ? '（财政局无其他审核人员，由原决定人复议）' : ''}
          </Typography.Text>
        </Space>
      </Descriptions.Item>
    )}
  </Descriptions>
);

type Fields = { reasons: string };

/**
 * 申诉 on an evaluation's page: the appeals so far and their rulings, a note when a ruling changed the score,
 * and, while the unit may appeal the bureau's decision, the button with the deadline.
 */
export const AppealPanel = ({ evaluationId, canAppeal }: { evaluationId: string; canAppeal: boolean }) => {
  const { message } = App.useApp();
  const loaded = useApi(() => api.get<EvaluationAppealsView>(`/api/evaluations/${evaluationId}/appeals`), evaluationId);
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Fields>();
  if (loaded.state !== 'ready') return null;
  const { appeals, appealable, amendment } = loaded.data;
  if (appeals.length === 0 && !(canAppeal && appealable)) return null;

  const submit = async ({ reasons }: Fields) => {
    setBusy(true);
    try {
      await api.post(`/api/evaluations/${evaluationId}/appeals`, {
        reasons,
        files: await Promise.all(
          files.map(async (file) => ({ fileName: file.name, contentBase64: await base64Of(file) })),
        ),
      });
      message.success('申诉已提交，等待财政局复议');
      setOpen(false);
      setFiles([]);
      form.resetFields();
      loaded.reload();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="申诉与复议" data-testid="appeal-panel">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {amendment ? (
          <Alert
            type="success"
            showIcon
            data-testid="appeal-amendment"
            title={`经复议，得分调整为 ${scoreWithGrade(amendment.score, amendment.grade)}（${when(amendment.ruledAt)}）`}
          />
        ) : null}
        {canAppeal && appealable ? (
          <Space wrap>
            <Button type="primary" onClick={() => setOpen(true)}>
              申诉
            </Button>
            <Typography.Text data-testid="appeal-deadline">
              对财政局“{DECISION_LABELS[appealable.decision]}”的决定可在 {appealable.deadline} 前（含当日）申诉
            </Typography.Text>
          </Space>
        ) : null}
        {appeals.map((appeal) => (
          <AppealSummary key={appeal.id} appeal={appeal} />
        ))}
      </Space>
      <Modal
        open={open}
        title="申诉"
        okText="提交申诉"
        cancelText="取消"
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {appealable ? (
          <Typography.Paragraph>
            申诉截止日期：{appealable.deadline}（{appealable.periodDays} 天）。申诉由作出决定以外的财政局审核人员复议。
          </Typography.Paragraph>
        ) : null}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="reasons"
            label="申诉理由"
            rules={[{ required: true, whitespace: true, message: '请写明申诉理由' }]}
          >
            <Input.TextArea rows={5} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item label="佐证材料（可选，最多 10 个）">
            <Upload
              accept={EVIDENCE_ACCEPT}
              multiple
              fileList={files.map((file, index) => ({ uid: String(index), name: file.name, status: 'done' as const }))}
              beforeUpload={(file) => {
                setFiles((current) => [...current, file].slice(0, 10));
                return false;
              }}
              onRemove={(removed) => {
                setFiles((current) => current.filter((_, index) => String(index) !== removed.uid));
              }}
            >
              <Button>选择文件</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
};
