import { type EvaluationResult, FINDING_CODES, type Finding, GRADE_LABELS, SEVERITY_LABELS } from '@jixiao/core';
import { Card, Empty, Popover, Statistic, Tag, Typography } from 'antd';
import { GradeTag } from '../components/GradeTag.tsx';
import { scoreReconciliation } from './score-reconciliation.ts';

const SEVERITY_COLORS = { error: 'red', warning: 'orange', info: 'blue' } as const;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Why figures rest on wrong cells (the editor's number checks); absent where the form is not being edited. */
type InvalidFigures = { execution: string | null; checkTotal: string | null; total: string | null };

type Props = {
  result: EvaluationResult;
  onSelectFinding: (finding: Finding) => void;
  title?: string;
  invalid?: InvalidFigures;
};

export const sortFindings = (findings: readonly Finding[]): Finding[] =>
  [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

/** The live score and grade beside the form, and the findings, each leading to its place in the form. */
export const ScorePanel = ({ result, onSelectFinding, title = '复核得分（实时）', invalid }: Props) => {
  const findings = sortFindings(result.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return (
    <div className="score-panel">
      <Card size="small" title={title}>
        <div style={{ display: 'flex', alignItems: 'baseline', gap: 12 }}>
          {invalid?.total ? (
            <>
              <Statistic value="—" aria-live="polite" />
              <Tag data-testid="live-grade">等级 —</Tag>
            </>
          ) : (
            <>
              <Statistic value={result.totalScore} precision={2} suffix="分" aria-live="polite" />
              <span data-testid="live-grade">
                <GradeTag grade={GRADE_LABELS[result.grade]} />
              </span>
            </>
          )}
        </div>
        {invalid?.total ? (
          <Typography.Paragraph type="danger" className="invalid-total" style={{ margin: '0 0 6px', fontSize: 13 }}>
            总分和等级无法计算：{invalid.total}，改正后按规则复核。
          </Typography.Paragraph>
        ) : null}
        <Popover
          trigger={['hover', 'click']}
          title={result.execution.explanation.rule}
          content={<div style={{ maxWidth: 340 }}>{result.execution.explanation.text}</div>}
        >
          {invalid?.execution ? (
            <button type="button" className="plain-button invalid-execution">
              预算执行：执行率 —，得 — 分（{invalid.execution}）
            </button>
          ) : (
            <button type="button" className="plain-button">
              预算执行：执行率 {result.execution.rate === null ? '—' : `${result.execution.rate}%`}，得{' '}
              {result.execution.points.toFixed(2)} / {result.execution.weight} 分
            </button>
          )}
        </Popover>
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
          {scoreReconciliation({
            engineTotal: invalid?.total ? null : result.totalScore,
            checkTotal: invalid?.checkTotal ? null : result.checkTotal,
            statedTotal: result.statedTotal,
          }).join('')}
          {result.provisional ? '部分指标无法计算，暂按填报得分计入。' : ''}
          {result.cap ? result.cap.explanation.text : ''}
        </Typography.Paragraph>
      </Card>
      <Card
        size="small"
        title={
          <span>
            审核发现 <Tag color={errors > 0 ? 'red' : 'green'}>{findings.length}</Tag>
          </span>
        }
        style={{ marginTop: 12 }}
        styles={{ body: { maxHeight: 'calc(100vh - 360px)', overflowY: 'auto', padding: 0 } }}
      >
        {findings.length === 0 ? (
          <Empty description="未发现问题" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <ul className="plain-list">
            {findings.map((finding) => (
              <li key={`${finding.code}@${finding.where}:${finding.message}`} className="plain-list-item flush">
                <button
                  type="button"
                  className="finding-button"
                  onClick={() => onSelectFinding(finding)}
                  title="定位到表单中的位置"
                >
                  <Tag color={SEVERITY_COLORS[finding.severity]}>{SEVERITY_LABELS[finding.severity]}</Tag>
                  <strong>{FINDING_CODES[finding.code].title}</strong>
                  <div className="finding-message">{finding.message}</div>
                </button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
};
