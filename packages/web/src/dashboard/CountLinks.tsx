import { Space, Typography } from 'antd';
import { Link } from 'react-router';

type Props = { label: string; items: readonly { label: string; count: number; link: string }[] };

/**
 * A chart's counts again as links under it: the canvas is one image to a screen reader and to the keyboard, so
 * the way into the evaluations behind each count is offered here too.
 */
export const CountLinks = ({ label, items }: Props) => (
  <nav aria-label={label}>
    <Space wrap size={[12, 4]}>
      <Typography.Text type="secondary">查看：</Typography.Text>
      {items.map((item) => (
        <Link key={item.link} to={item.link}>
          {item.label} {item.count} 份
        </Link>
      ))}
    </Space>
  </nav>
);
