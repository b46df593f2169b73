import {
  GRADE_LABELS,
  GRADES,
  type Grade,
  type GradeRule,
  RESULT_DECISION_LABELS,
  type ResultApplicationPolicyView,
  type ResultApplicationRules,
  SUGGESTIBLE_DECISIONS,
  type SuggestibleDecision,
  suggestion,
} from '@jixiao/core';
import { Alert, App, Button, Checkbox, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../api/client.ts';

type Props = {
  fiscalYear: number;
  policy: ResultApplicationPolicyView;
  canEdit: boolean;
  onSaved: () => void;
};

const percentInput = (
  label: string,
  value: number | null,
  enabled: boolean,
  onChange: (value: number | null) => void,
) => (
  <InputNumber<number>
    aria-label={label}
    placeholder="不限"
    min={0}
    max={100}
    step={1}
    suffix="%"
    style={{ width: 110 }}
    disabled={!enabled}
    value={enabled ? value : null}
    onChange={(next) => onChange(typeof next === 'number' ? next : null)}
  />
);

/**
 * The bureau's policy of a year: per grade the arrangements it suggests (保持 / 增加 / 压减 / 取消), the bounds of an
 * increase or a cut, a note, and the 申诉 period. The suggestion column shows the words the 结果应用表 will print.
 */
export const PolicyEditor = ({ fiscalYear, policy, canEdit, onSaved }: Props) => {
  const { message } = App.useApp();
  const [rules, setRules] = useState<ResultApplicationRules>(policy.rules);
  const [appealPeriodDays, setAppealPeriodDays] = useState<number>(policy.appealPeriodDays);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = (grade: Grade, patch: Partial<GradeRule>) => {
    const next: GradeRule = { ...rules[grade], ...patch };
    // A bound belongs to its arrangement: dropping 增加 or 压减 drops its bounds, as the server insists.
    if (!next.decisions.includes('increase')) next.increaseMaxPercent = null;
    if (!next.decisions.includes('cut')) {
      next.cutMinPercent = null;
      next.cutMaxPercent = null;
    }
    setRules({ ...rules, [grade]: next });
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.put(`/api/result-application/policies/${fiscalYear}`, { rules, appealPeriodDays });
      message.success(`已保存 ${fiscalYear} 年度结果应用政策`);
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {policy.isDefault
          ? '本年度尚未设定政策，下表为默认政策；保存后生效。'
          : `已设定${policy.updatedAt ? `（${policy.updatedAt.slice(0, 10)} 更新）` : ''}。`}
      </Typography.Text>
      <Table<{ grade: Grade }>
        rowKey="grade"
        size="small"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={GRADES.map((grade) => ({ grade }))}
        columns={[
          { title: '等级', dataIndex: 'grade', width: 60, render: (grade: Grade) => <Tag>{GRADE_LABELS[grade]}</Tag> },
          {
            title: '应用方式',
            key: 'decisions',
            render: (_, { grade }) => (
              <Checkbox.Group<SuggestibleDecision>
                aria-label={`${GRADE_LABELS[grade]}等级的应用方式`}
                disabled={!canEdit}
                value={rules[grade].decisions}
                options={SUGGESTIBLE_DECISIONS.map((decision) => ({
                  value: decision,
                  label: RESULT_DECISION_LABELS[decision],
                }))}
                onChange={(decisions) => change(grade, { decisions })}
              />
            ),
          },
          {
            title: '增加上限',
            key: 'increase',
            width: 120,
            render: (_, { grade }) =>
              percentInput(
                `${GRADE_LABELS[grade]}等级增加上限`,
                rules[grade].increaseMaxPercent,
                canEdit && rules[grade].decisions.includes('increase'),
                (increaseMaxPercent) => change(grade, { increaseMaxPercent }),
              ),
          },
          {
            title: '压减下限',
            key: 'cutMin',
            width: 120,
            render: (_, { grade }) =>
              percentInput(
                `${GRADE_LABELS[grade]}等级压减下限`,
                rules[grade].cutMinPercent,
                canEdit && rules[grade].decisions.includes('cut'),
                (cutMinPercent) => change(grade, { cutMinPercent }),
              ),
          },
          {
            title: '压减上限',
            key: 'cutMax',
            width: 120,
            render: (_, { grade }) =>
              percentInput(
                `${GRADE_LABELS[grade]}等级压减上限`,
                rules[grade].cutMaxPercent,
                canEdit && rules[grade].decisions.includes('cut'),
                (cutMaxPercent) => change(grade, { cutMaxPercent }),
              ),
          },
          {
            title: '说明',
            key: 'note',
            width: 160,
            render: (_, { grade }) => (
              <Input
                aria-label={`${GRADE_LABELS[grade]}等级说明`}
                maxLength={200}
                disabled={!canEdit}
                value={rules[grade].note}
                onChange={(event) => change(grade, { note: event.target.value })}
              />
            ),
          },
          {
            title: '建议应用方式（预览）',
            key: 'preview',
            render: (_, { grade }) =>
              rules[grade].decisions.length === 0 ? (
                <Typography.Text type="danger">请至少选择一种应用方式</Typography.Text>
              ) : (
                suggestion(grade, rules).text
              ),
          },
        ]}
      />
      <Space wrap>
        <span>申诉期限</span>
        <InputNumber<number>
          aria-label="申诉期限（天）"
          min={1}
          max={365}
          precision={0}
          suffix="天"
          disabled={!canEdit}
          value={appealPeriodDays}
          onChange={(value) => setAppealPeriodDays(typeof value === 'number' ? value : policy.appealPeriodDays)}
        />
        {canEdit ? (
          <Button type="primary" loading={saving} onClick={save}>
            保存政策
          </Button>
        ) : null}
      </Space>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Space>
  );
};
