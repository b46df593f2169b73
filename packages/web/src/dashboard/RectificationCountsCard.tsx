import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import type { RectificationCountsView } from '../rectification/rectification-types.ts';

/** 整改 at a glance: items not closed, those past their deadline, those submitted and waiting to be closed. */
export const RectificationCountsCard = ({ counts }: { counts: RectificationCountsView }) => (
  <Card
    size="small"
    title="整改跟踪"
    extra={<Link to="/app/rectifications">查看全部</Link>}
    data-testid="rectification-counts"
  >
    <Row gutter={[16, 16]}>
      <Col xs={8}>
        <Statistic title="待整改 / 整改中" value={counts.open} />
      </Col>
      <Col xs={8}>
        <Statistic
          title="逾期未销号"
          value={counts.overdue}
          styles={{ content: { color: counts.overdue > 0 ? '#b91c1c' : undefined } }}
        />
      </Col>
      <Col xs={8}>
        <Statistic title="待验收" value={counts.submitted} />
      </Col>
    </Row>
  </Card>
);
