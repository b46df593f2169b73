import type { EvaluationForm, FundCells } from '@jixiao/core';
import { Card, Col, Form, Input, Row, Select } from 'antd';
import { CellMessage, cellInputProps } from './CellMessage.tsx';
import type { FieldFlag } from './locate.ts';
import type { EditorNumberChecks } from './number-checks.ts';

type Props = {
  form: EvaluationForm;
  readOnly: boolean;
  onChange: (form: EvaluationForm) => void;
  flagged: (path: string) => FieldFlag;
  numbers: EditorNumberChecks;
};

const FUND_ROWS = [
  { key: 'total', label: '年度资金总额' },
  { key: 'currentAppropriation', label: '其中：当年财政拨款' },
  { key: 'priorYearCarryover', label: '上年结转资金' },
  { key: 'other', label: '其他资金' },
] as const;

const FUND_COLUMNS = [
  { key: 'initialBudget', label: '年初预算数' },
  { key: 'adjustedBudget', label: '全年预算数' },
  { key: 'executed', label: '全年执行数' },
] as const satisfies readonly { key: keyof FundCells; label: string }[];

/** 项目名称、主管部门、实施单位 and the fund block, every cell as the unit writes it. */
export const ProjectSection = ({ form, readOnly, onChange, flagged, numbers }: Props) => {
  const text = (key: 'projectName' | 'projectCode' | 'department' | 'implementingUnit', label: string) => (
    <Col xs={24} md={12}>
      <Form.Item label={label} htmlFor={`project-${key}`} validateStatus={flagged(key)}>
        <Input
          id={`project-${key}`}
          value={form[key]}
          readOnly={readOnly}
          onChange={(event) => onChange({ ...form, [key]: event.target.value })}
        />
      </Form.Item>
    </Col>
  );
  const fund = (row: (typeof FUND_ROWS)[number]['key'], column: keyof FundCells) => {
    const where = `funds.${row}.${column}`;
    const error = numbers.errorAt(where);
    const note = numbers.noteAt(where);
    return (
      <>
        <Input
          aria-label={`${FUND_ROWS.find((item) => item.key === row)?.label}${FUND_COLUMNS.find((item) => item.key === column)?.label}`}
          value={form.funds[row][column]}
          readOnly={readOnly}
          {...cellInputProps(where, error, note, flagged(`funds.${column}`) || flagged(where))}
          onChange={(event) =>
            onChange({ ...form, funds: { ...form.funds, [row]: { ...form.funds[row], [column]: event.target.value } } })
          }
        />
        <CellMessage where={where} error={error} note={note} />
      </>
    );
  };
  return (
    <>
      <Card id="section-project" title="项目基本情况" size="small">
        <Form layout="vertical" component="div">
          <Row gutter={16}>
            {text('projectName', '项目名称')}
            {text('projectCode', '项目编码')}
            {text('department', '主管部门')}
            {text('implementingUnit', '实施单位')}
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="年度总体目标（预期）" htmlFor="goal-expected">
                <Input.TextArea
                  id="goal-expected"
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  value={form.annualGoal.expected}
                  readOnly={readOnly}
                  onChange={(event) =>
                    onChange({ ...form, annualGoal: { ...form.annualGoal, expected: event.target.value } })
                  }
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="年度总体目标（实际完成情况）" htmlFor="goal-actual">
                <Input.TextArea
                  id="goal-actual"
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  value={form.annualGoal.actual}
                  readOnly={readOnly}
                  onChange={(event) =>
                    onChange({ ...form, annualGoal: { ...form.annualGoal, actual: event.target.value } })
                  }
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card
        id="section-funds"
        title="项目资金"
        size="small"
        extra={
          <Select
            aria-label="金额单位"
            size="small"
            value={form.funds.unit}
            disabled={readOnly}
            onChange={(unit) => onChange({ ...form, funds: { ...form.funds, unit } })}
            options={[
              { value: '万元', label: '单位：万元' },
              { value: '元', label: '单位：元' },
            ]}
          />
        }
      >
        <table className="fund-table">
          <thead>
            <tr>
              <th scope="col">资金</th>
              {FUND_COLUMNS.map((column) => (
                <th scope="col" key={column.key}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FUND_ROWS.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {FUND_COLUMNS.map((column) => (
                  <td key={column.key}>{fund(row.key, column.key)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <Row gutter={16} style={{ marginTop: 12 }}>
          {(
            [
              ['executionWeight', '预算执行分值'],
              ['statedExecutionRate', '执行率（填报）'],
              ['statedExecutionScore', '预算执行得分（填报）'],
            ] as const
          ).map(([key, label]) => (
            <Col xs={24} sm={8} key={key}>
              <label htmlFor={`funds-${key}`}>{label}</label>
              <Input
                id={`funds-${key}`}
                value={form.funds[key]}
                readOnly={readOnly}
                {...cellInputProps(
                  `funds.${key}`,
                  numbers.errorAt(`funds.${key}`),
                  numbers.noteAt(`funds.${key}`),
                  flagged(`funds.${key}`),
                )}
                onChange={(event) => onChange({ ...form, funds: { ...form.funds, [key]: event.target.value } })}
              />
              <CellMessage
                where={`funds.${key}`}
                error={numbers.errorAt(`funds.${key}`)}
                note={numbers.noteAt(`funds.${key}`)}
              />
            </Col>
          ))}
        </Row>
      </Card>
    </>
  );
};
