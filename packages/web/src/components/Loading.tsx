import { Spin } from 'antd';

export const Loading = () => (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin aria-label="加载中" />
  </div>
);
