import type { EvaluationForm, EvaluationResult } from '@jixiao/core';
import { GRADE_LABELS } from '@jixiao/core';
import { Card, Col, Input, Row, Typography } from 'antd';
import { CellMessage, cellInputProps } from './CellMessage.tsx';
import type { FieldFlag } from './locate.ts';
import type { EditorNumberChecks } from './number-checks.ts';

type Props = {
  form: EvaluationForm;
  result: EvaluationResult;
  readOnly: boolean;
  onChange: (form: EvaluationForm) => void;
  flagged: (path: string) => FieldFlag;
  numbers: EditorNumberChecks;
};

/** The 总分 row of the 自评表 as the unit writes it, beside what the rules make of it. */
export const TotalSection = ({ form, result, readOnly, onChange, flagged, numbers }: Props) => {
  const setTotal = (key: 'weight' | 'score', value: string) =>
    onChange({ ...form, statedTotal: { ...form.statedTotal, [key]: value } });
  return (
    <Card id="section-total" title="总分与等级" size="small">
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <label htmlFor="total-weight">总分分值</label>
          <Input
            id="total-weight"
            value={form.statedTotal.weight}
            readOnly={readOnly}
            {...cellInputProps(
              'statedTotal.weight',
              numbers.errorAt('statedTotal.weight'),
              null,
              flagged('statedTotal.weight'),
            )}
            onChange={(event) => setTotal('weight', event.target.value)}
          />
          <CellMessage where="statedTotal.weight" error={numbers.errorAt('statedTotal.weight')} note={null} />
        </Col>
        <Col xs={24} sm={8}>
          <label htmlFor="total-score">自评总分</label>
          <Input
            id="total-score"
            value={form.statedTotal.score}
            readOnly={readOnly}
            {...cellInputProps(
              'statedTotal.score',
              numbers.errorAt('statedTotal.score'),
              null,
              flagged('statedTotal.score'),
            )}
            onChange={(event) => setTotal('score', event.target.value)}
          />
          <CellMessage where="statedTotal.score" error={numbers.errorAt('statedTotal.score')} note={null} />
        </Col>
        <Col xs={24} sm={8}>
          <label htmlFor="total-grade">评价等级</label>
          <Input
            id="total-grade"
            value={form.statedGrade}
            readOnly={readOnly}
            status={flagged('statedGrade')}
            onChange={(event) => onChange({ ...form, statedGrade: event.target.value })}
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
        {numbers.invalid.total
          ? `按规则复核：—（无法计算：${numbers.invalid.total}）。`
          : `按规则复核：${result.totalScore.toFixed(2)} 分（${GRADE_LABELS[result.grade]}）。`}
      </Typography.Paragraph>
    </Card>
  );
};
