import { FINDING_CODES, isFindingCode } from '@jixiao/core';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Segmented,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AppealView } from '../api/appeal-types.ts';
import { api, errorMessage } from '../api/client.ts';
import type { EvaluationDetail } from '../api/evaluation-types.ts';
import { useSession } from '../auth/session.ts';
import { Loading } from '../components/Loading.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useApi } from '../components/useApi.ts';
import { AppealSummary } from './AppealPanel.tsx';
import { scoreWithGrade } from './appeal-format.ts';

const FILTERS = [
  { label: '待复议', value: 'pending' },
  { label: '全部', value: 'all' },
] as const;
type Filter = (typeof FILTERS)[number]['value'];

type Fields = { outcome: 'upheld' | 'amended'; amendedScore?: number; withdrawnFindings?: string[]; reason: string };

const findingLabel = (code: string): string => (isFindingCode(code) ? `${FINDING_CODES[code].title}（${code}）` : code);

/** The ruling dialog: upheld, or amended with a score and/or findings withdrawn; reasons always. */
const RulingDialog = ({ appeal, onClose }: { appeal: AppealView; onClose: (ruled: boolean) => void }) => {
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const detail = useApi(() => api.get<EvaluationDetail>(`/api/evaluations/${appeal.evaluationId}`), appeal.id);
  const findings =
    detail.state === 'ready' ? [...new Set((detail.data.result?.findings ?? []).map((finding) => finding.code))] : [];

  const submit = async (fields: Fields) => {
    setBusy(true);
    try {
      await api.post(`/api/appeals/${appeal.id}/rule`, {
        outcome: fields.outcome,
        reason: fields.reason,
        ...(fields.outcome === 'amended' && fields.amendedScore !== undefined && fields.amendedScore !== null
          ? { amendedScore: fields.amendedScore }
          : {}),
        ...(fields.outcome === 'amended' && fields.withdrawnFindings?.length
          ? { withdrawnFindings: fields.withdrawnFindings }
          : {}),
      });
      message.success('复议结果已记录');
      onClose(true);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`复议：${appeal.projectName}`}
      okText="记录复议结果"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      width={640}
    >
      <Typography.Paragraph type="secondary">
        原得分 {scoreWithGrade(appeal.originalScore, appeal.originalGrade)}。改变时可调整得分（0–100，保留两位小数，
        等级按规则重新确定）或撤销问题，须写明理由；结果记入审计日志，已公开的报告将显示“经复议”。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ outcome: 'upheld' }}>
        <Form.Item name="outcome" label="复议结果">
          <Radio.Group>
            <Radio value="upheld">维持原决定</Radio>
            <Radio value="amended">改变（调整得分或撤销问题）</Radio>
          </Radio.Group>
        </Form.Item>
        {outcome === 'amended' ? (
          <>
            <Form.Item name="amendedScore" label="调整后的得分">
              <InputNumber min={0} max={100} step={0.01} precision={2} aria-label="调整后的得分" />
            </Form.Item>
            <Form.Item name="withdrawnFindings" label="撤销的问题">
              <Select
                mode="multiple"
                aria-label="撤销的问题"
                options={findings.map((code) => ({ value: code, label: findingLabel(code) }))}
                placeholder={findings.length === 0 ? '该自评没有审核发现的问题' : '选择要撤销的问题'}
              />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="reason"
          label="复议理由"
          rules={[{ required: true, whitespace: true, message: '请写明复议理由' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/**
 * 申诉 / 复议: the appeals of the units the person may see, pending first. A finance reviewer rules on a pending
 * one (not on an appeal against their own decision while the bureau has another reviewer: the server says so).
 */
const AppealsPage = () => {
  const me = useSession();
  const [filter, setFilter] = useState<Filter>('pending');
  const list = useApi(
    () => api.get<{ items: AppealView[] }>(`/api/appeals${filter === 'all' ? '' : `?status=${filter}`}`),
    filter,
  );
  const [ruling, setRuling] = useState<AppealView | null>(null);
  const mayRule = me.roles.some((grant) => grant.role === 'finance_reviewer');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title="申诉与复议">
        <Segmented<Filter> options={[...FILTERS]} value={filter} onChange={setFilter} aria-label="按状态筛选" />
      </PageHeader>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        单位对财政局的退回决定，或对复核得分与自评得分不一致的审核通过，可在规定期限内申诉；由作出决定以外的财政局审核人员复议。
      </Typography.Paragraph>
      {list.state === 'loading' ? <Loading /> : null}
      {list.state === 'error' ? <Alert type="error" showIcon title={list.message} /> : null}
      {list.state === 'ready' && list.data.items.length === 0 ? <Empty description="暂无申诉" /> : null}
      {list.state === 'ready'
        ? list.data.items.map((appeal) => (
            <Card
              key={appeal.id}
              size="small"
              data-testid="appeal-card"
              title={
                <Space wrap>
                  <Link to={mayRule ? `/app/review/${appeal.evaluationId}` : `/app/evaluations/${appeal.evaluationId}`}>
                    {appeal.fiscalYear} 年度 {appeal.projectName}
                  </Link>
                  <Typography.Text type="secondary">{appeal.organizationName}</Typography.Text>
                </Space>
              }
              extra={
                mayRule && appeal.status === 'pending' ? (
                  <Button type="primary" size="small" onClick={() => setRuling(appeal)}>
                    复议
                  </Button>
                ) : null
              }
            >
              <AppealSummary appeal={appeal} />
            </Card>
          ))
        : null}
      {ruling ? (
        <RulingDialog
          appeal={ruling}
          onClose={(ruled) => {
            setRuling(null);
            if (ruled) list.reload();
          }}
        />
      ) : null}
    </Space>
  );
};

export default AppealsPage;
