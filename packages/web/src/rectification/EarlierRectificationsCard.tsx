import type { Finding } from '@jixiao/core';
import { Alert, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { chinaToday, deadlineText, STATUS_COLORS, STATUS_LABELS } from './rectification-labels.ts';
import type { RectificationItemView } from './rectification-types.ts';

const TITLES: Record<string, string> = {
  RECTIFICATION_OVERDUE: '整改事项逾期未销号',
  RECTIFICATION_OPEN: '以前年度整改事项尚未销号',
};

type Props = { items: readonly RectificationItemView[]; findings: readonly Finding[] };

/**
 * The same project's 整改 items from earlier years not yet closed, and the findings they raise
 * (RECTIFICATION_OPEN / RECTIFICATION_OVERDUE), on the evaluation's editor and review pages.
 */
export const EarlierRectificationsCard = ({ items, findings }: Props) => {
  if (items.length === 0) return null;
  const raised = findings.filter((finding) => finding.code in TITLES);
  const overdue = raised.some((finding) => finding.severity === 'warning');
  const today = chinaToday();
  return (
    <Alert
      type={overdue ? 'warning' : 'info'}
      showIcon
      data-testid="earlier-rectifications"
      title={`本项目以前年度有 ${items.length} 项整改事项尚未销号`}
      description={
        <>
          <List
            size="small"
            dataSource={[...items]}
            renderItem={(item) => (
              <List.Item key={item.id}>
                <span className="narrative-body">
                  <Tag color={STATUS_COLORS[item.status]}>{STATUS_LABELS[item.status]}</Tag>
                  {item.fiscalYear} 年度：{item.description}
                  {item.measure ? `（措施：${item.measure}）` : ''} · 期限 {deadlineText(item, today)}
                </span>
              </List.Item>
            )}
          />
          {raised.map((finding) => (
            <Typography.Paragraph key={finding.where} style={{ margin: '4px 0 0' }} data-code={finding.code}>
              <Tag color={finding.severity === 'warning' ? 'orange' : 'blue'}>{finding.code}</Tag>
              {TITLES[finding.code]}：{finding.message}
            </Typography.Paragraph>
          ))}
          <Link to="/app/rectifications">到整改跟踪查看</Link>
        </>
      }
    />
  );
};
