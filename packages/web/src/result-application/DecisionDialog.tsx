import {
  checkResultDecision,
  meaningfulText,
  PERCENT_DECISIONS,
  RESULT_DECISION_LABELS,
  RESULT_DECISIONS,
  type ResultApplicationRow,
} from '@jixiao/core';
import { Alert, Descriptions, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../api/client.ts';
import { type DecisionDraft, initialDecision } from './result-application-view.ts';

type Props = { row: ResultApplicationRow; onClose: () => void; onSaved: () => void };

/** The departures the server will see, checked here first; impossible input shows the server's own words. */
const preview = (row: ResultApplicationRow, draft: DecisionDraft): { departures: string[]; invalid: string | null } => {
  if (!row.suggestion) return { departures: [], invalid: null };
  try {
    return { ...checkResultDecision(row.suggestion, draft.decision, draft.adjustmentPercent), invalid: null };
  } catch (caught) {
    return { departures: [], invalid: caught instanceof Error ? caught.message : String(caught) };
  }
};

/**
 * Records how one result is applied: the decision from the fixed list, the percentage for 增加 / 压减, and a
 * reason — required when the decision departs from the policy's suggestion, which is said before saving.
 */
export const DecisionDialog = ({ row, onClose, onSaved }: Props) => {
  const [draft, setDraft] = useState<DecisionDraft>(() => initialDecision(row));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const takesPercent = PERCENT_DECISIONS.includes(draft.decision);
  const { departures, invalid } = preview(row, draft);
  const reasonMissing = departures.length > 0 && meaningfulText(draft.reason) === '';

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.put(`/api/result-application/decisions/${row.evaluationId}`, {
        decision: draft.decision,
        adjustmentPercent: takesPercent ? draft.adjustmentPercent : null,
        reason: draft.reason,
      });
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`结果应用：${row.projectName}`}
      okText="保存决定"
      cancelText="关闭"
      confirmLoading={saving}
      okButtonProps={{ disabled: invalid !== null || reasonMissing }}
      onOk={save}
      onCancel={onClose}
      width={640}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="单位">{row.organizationName}</Descriptions.Item>
          <Descriptions.Item label="得分 / 等级">
            {row.totalScore ?? '—'} / {row.gradeLabel ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="建议应用方式" span={2}>
            {row.suggestion?.text ?? '—'}
          </Descriptions.Item>
        </Descriptions>
        <Radio.Group
          aria-label="决定应用方式"
          optionType="button"
          value={draft.decision}
          options={RESULT_DECISIONS.map((decision) => ({ value: decision, label: RESULT_DECISION_LABELS[decision] }))}
          onChange={(event) => {
            const decision = RESULT_DECISIONS.find((candidate) => candidate === event.target.value);
            if (!decision) return;
            setDraft({
              ...draft,
              decision,
              adjustmentPercent: PERCENT_DECISIONS.includes(decision) ? draft.adjustmentPercent : null,
            });
          }}
        />
        {takesPercent ? (
          <Space>
            <span>调整比例</span>
            <InputNumber<number>
              aria-label="调整比例"
              min={0}
              max={100}
              step={1}
              suffix="%"
              value={draft.adjustmentPercent}
              onChange={(value) => setDraft({ ...draft, adjustmentPercent: typeof value === 'number' ? value : null })}
            />
          </Space>
        ) : null}
        {invalid ? <Alert type="warning" showIcon title={invalid} /> : null}
        {departures.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title="决定与政策建议不一致，须填写理由"
            description={departures.map((departure) => <div key={departure}>{departure}</div>)}
          />
        ) : null}
        <div>
          <Typography.Text>理由{departures.length > 0 ? '（必填）' : '（选填）'}</Typography.Text>
          <Input.TextArea
            aria-label="理由"
            rows={3}
            maxLength={500}
            value={draft.reason}
            onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
          />
        </div>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Space>
    </Modal>
  );
};
