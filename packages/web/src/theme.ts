import type { ThemeConfig } from 'antd';
import { useSyncExternalStore } from 'react';

/** Government blue with enough contrast for body text on white (WCAG AA). */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
    borderRadius: 4,
  },
};

/** The same theme without antd's zooms, slides and fades: dialogs and drawers appear and go at once. */
export const reducedMotionTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

const subscribeToMotionPreference = (onChange: () => void): (() => void) => {
  const query = window.matchMedia(REDUCED_MOTION_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/**
 * Whether the person asked their system for less motion (WCAG 2.3.3), following them when they change it, so
 * the app stops animating for people whom motion makes unwell.
 */
export const usePrefersReducedMotion = (): boolean =>
  useSyncExternalStore(
    subscribeToMotionPreference,
    () => window.matchMedia(REDUCED_MOTION_QUERY).matches,
    () => false,
  );
