import type { ThemeConfig } from 'antd';

/** Government blue with enough contrast for body text on white (WCAG AA). */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
    borderRadius: 4,
  },
};
