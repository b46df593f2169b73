import type { RiskSignal, RiskSignalCode } from '@jixiao/core';
import { Alert, Card, Tag } from 'antd';
import { api } from '../api/client.ts';
import { useApi } from '../components/useApi.ts';

const SIGNAL_TITLES: Record<RiskSignalCode, string> = {
  TARGET_SANDBAGGING: '目标低于上年实际',
  CHRONIC_OVER_ACHIEVEMENT: '连续超额完成',
  HIGH_SCORE_LOW_EXECUTION: '高分低执行',
  QUALITATIVE_OUTCOMES: '效益指标全为定性',
  RECURRING_FINDING: '问题连年出现',
};

/** The cross-unit, cross-year signals about one evaluation (GET /api/analysis/risks), for its reviewer. */
export const RiskSignalsCard = ({ evaluationId }: { evaluationId: string }) => {
  const risks = useApi(() => api.get<{ signals: RiskSignal[] }>('/api/analysis/risks'), `risks:${evaluationId}`);
  if (risks.state === 'loading') return null;
  if (risks.state === 'error') return <Alert type="error" showIcon title={risks.message} />;
  const signals = risks.data.signals.filter((signal) => signal.evaluationId === evaluationId);
  return (
    <Card size="small" id="review-risks" title="跨年度与跨单位风险">
      {signals.length === 0 ? (
        <span>未发现跨年度风险信号（与上年同一项目比较）。</span>
      ) : (
        <ul className="plain-list">
          {signals.map((signal) => (
            <li key={`${signal.code}:${signal.message}`} className="plain-list-item">
              <Tag color="volcano">{SIGNAL_TITLES[signal.code]}</Tag> {signal.message}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
};
