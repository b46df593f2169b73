import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './router.tsx';
import { reducedMotionTheme, theme, usePrefersReducedMotion } from './theme.ts';
import './global.css';

const container = document.getElementById('root');
if (!container) throw new Error('页面缺少 #root 容器');

const App = () => {
  const reducedMotion = usePrefersReducedMotion();
  return (
    <ConfigProvider locale={zhCN} theme={reducedMotion ? reducedMotionTheme : theme} wave={{ disabled: reducedMotion }}>
      <RouterProvider router={router} />
    </ConfigProvider>
  );
};

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
