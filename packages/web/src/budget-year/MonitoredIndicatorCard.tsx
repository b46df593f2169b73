import {
  DEVIATION_CAUSE_LABELS,
  DEVIATION_CAUSES,
  type DeviationCause,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
  type Likelihood,
  type MonitoredIndicator,
} from '@jixiao/core';
import { Card, Checkbox, Col, Input, Radio, Row, Tag, Typography } from 'antd';

type Props = {
  row: MonitoredIndicator;
  index: number;
  readOnly: boolean;
  onChange: (patch: Partial<MonitoredIndicator>) => void;
};

const LIKELIHOOD_COLORS: Record<Likelihood, string> = { certain: 'success', possible: 'warning', impossible: 'error' };

/** One declared indicator at the monitoring date: progress, the year's forecast, why it deviates, the chance. */
export const MonitoredIndicatorCard = ({ row, index, readOnly, onChange }: Props) => {
  const label = `第 ${index + 1} 项指标`;
  const text = (field: 'progress' | 'expectedAnnual' | 'deviationReason' | 'measures', title: string) => (
    <Col xs={24} md={12}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      {readOnly ? (
        <div>{row[field] || '—'}</div>
      ) : (
        <Input
          aria-label={`${label}${title}`}
          value={row[field]}
          onChange={(event) => onChange({ [field]: event.target.value })}
        />
      )}
    </Col>
  );
  return (
    <Card
      size="small"
      type="inner"
      data-testid="monitored-indicator"
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {[row.level1Label, row.level2Label].filter(Boolean).join(' · ')} · <strong>{row.name}</strong>
        </span>
      }
      extra={
        row.likelihood ? <Tag color={LIKELIHOOD_COLORS[row.likelihood]}>{LIKELIHOOD_LABELS[row.likelihood]}</Tag> : null
      }
    >
      <Row gutter={[12, 8]}>
        <Col xs={24}>
          <Typography.Text type="secondary">年度指标值：</Typography.Text>
          {row.target || '—'}
        </Col>
        {text('progress', '执行情况')}
        {text('expectedAnnual', '全年预计')}
        <Col xs={24}>
          <Typography.Text type="secondary">偏差原因</Typography.Text>
          <div>
            <Checkbox.Group<DeviationCause>
              aria-label={`${label}偏差原因`}
              disabled={readOnly}
              value={row.deviationCauses}
              options={DEVIATION_CAUSES.map((cause) => ({ value: cause, label: DEVIATION_CAUSE_LABELS[cause] }))}
              onChange={(deviationCauses) => onChange({ deviationCauses })}
            />
          </div>
        </Col>
        {text('deviationReason', '原因说明')}
        <Col xs={24} md={12}>
          <Typography.Text type="secondary">完成目标可能性</Typography.Text>
          <div>
            <Radio.Group
              aria-label={`${label}完成目标可能性`}
              disabled={readOnly}
              value={row.likelihood}
              options={LIKELIHOODS.map((likelihood) => ({ value: likelihood, label: LIKELIHOOD_LABELS[likelihood] }))}
              onChange={(event) =>
                onChange({ likelihood: LIKELIHOODS.find((likelihood) => likelihood === event.target.value) ?? null })
              }
            />
          </div>
        </Col>
        {text('measures', '纠偏措施')}
      </Row>
    </Card>
  );
};
