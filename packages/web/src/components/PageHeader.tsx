import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A signed-in page's title with its actions to the right, wrapping under it on a narrow screen. */
export const PageHeader = ({ title, children }: { title: string; children?: ReactNode }) => (
  <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12 }}>
    <Typography.Title level={2} style={{ margin: 0 }}>
      {title}
    </Typography.Title>
    {children}
  </div>
);
