import { Alert, Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { MonitoringOverview } from '../api/budget-year-types.ts';
import { api, query } from '../api/client.ts';
import { useApi } from '../components/useApi.ts';
import { percentText } from './monitoring-ops.ts';

/** 运行监控 at a glance for a department or the bureau: who reported at the latest date, who is behind. */
export const MonitoringOverviewCard = ({ year }: { year: number }) => {
  const overview = useApi(
    () => api.get<MonitoringOverview>(`/api/monitoring/overview${query({ year })}`),
    String(year),
  );
  const behindLink = `/app/monitoring${query({ year, behind: 'true' })}`;
  return (
    <Card
      size="small"
      title={`运行监控（${year} 年度）`}
      extra={<Link to={`/app/monitoring${query({ year })}`}>查看全部</Link>}
      data-testid="monitoring-overview"
      loading={overview.state === 'loading'}
    >
      {overview.state === 'error' ? <Alert type="error" showIcon title={overview.message} /> : null}
      {overview.state === 'ready' && !overview.data.round ? (
        <Typography.Text type="secondary">本年度尚未设置监控时点。</Typography.Text>
      ) : null}
      {overview.state === 'ready' && overview.data.round ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">监控时点 {overview.data.round.asOf}</Typography.Text>
          <Row gutter={[16, 16]}>
            <Col xs={8}>
              <Statistic title="已报送 / 应报送" value={`${overview.data.reported} / ${overview.data.expected}`} />
            </Col>
            <Col xs={8}>
              <Link to={behindLink} aria-label="查看执行滞后的项目">
                <Statistic
                  title="执行滞后"
                  value={overview.data.behindSchedule.length}
                  styles={{ content: { color: overview.data.behindSchedule.length > 0 ? '#b91c1c' : undefined } }}
                />
              </Link>
            </Col>
            <Col xs={8}>
              <Statistic title="有风险指标的项目" value={overview.data.atRisk.length} />
            </Col>
          </Row>
          {overview.data.behindSchedule.map((item) => (
            <Link key={item.id} to={`/app/monitoring/${item.id}`} style={{ display: 'block' }}>
              <Tag color="error">滞后</Tag>
              {item.organizationName} · {item.projectName}（执行率 {percentText(item.executionRate)}，时间进度{' '}
              {percentText(item.timeShare)}）
            </Link>
          ))}
        </Space>
      ) : null}
    </Card>
  );
};
