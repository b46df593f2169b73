import type { ResultApplicationSummary } from '@jixiao/core';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { EChart } from './EChart.tsx';

/** The dashboard answer's 结果应用 part: the bureau's only (null for everyone else). */
export type WithResultApplication = { resultApplication?: ResultApplicationSummary | null };

/**
 * How the year's results were applied to the next budget: decided against pending, decisions by kind and the
 * net change of budgets; a click anywhere opens the 结果应用 page of that year.
 */
export const ResultApplicationCard = ({ summary }: { summary: ResultApplicationSummary }) => {
  const navigate = useNavigate();
  const open = () => navigate(`/app/result-application?year=${summary.fiscalYear}`);
  const used = summary.byDecision.filter((item) => item.count > 0);
  return (
    <Card
      size="small"
      hoverable
      title={`${summary.fiscalYear} 年度评价结果应用（点击查看）`}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open();
      }}
      tabIndex={0}
      role="link"
      aria-label="查看结果应用"
    >
      <Row gutter={[16, 16]} align="middle">
        <Col xs={12} md={4}>
          <Statistic title="评价项目" value={summary.evaluated} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="已决定" value={summary.decided} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="待决定" value={summary.pending} styles={{ content: { color: '#d97706' } }} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title="预算净调整（万元）" value={summary.netAdjustmentWan} precision={2} />
        </Col>
        <Col xs={24} md={8}>
          {used.length > 0 ? (
            <EChart
              label="结果应用方式分布柱状图"
              height={120}
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 48, right: 16, top: 8, bottom: 24 },
                xAxis: { type: 'category', data: used.map((item) => item.label) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [{ type: 'bar', data: used.map((item) => item.count), itemStyle: { color: '#0f766e' } }],
              }}
            />
          ) : (
            <Typography.Text type="secondary">尚未记录结果应用决定</Typography.Text>
          )}
        </Col>
      </Row>
      {summary.departures > 0 || summary.withoutBudget > 0 ? (
        <Typography.Text type="secondary">
          {summary.departures > 0 ? `其中 ${summary.departures} 项与政策建议不一致（已说明理由）。` : ''}
          {summary.withoutBudget > 0 ? `${summary.withoutBudget} 项缺少预算数，未计入净调整。` : ''}
        </Typography.Text>
      ) : null}
    </Card>
  );
};
