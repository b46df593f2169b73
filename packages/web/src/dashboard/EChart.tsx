import { BarChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { type ECharts, type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { guardChartOption } from './chart-html.ts';

// Only the charts the dashboard draws, so the chunk stays a fraction of all of ECharts.
use([
  BarChart,
  PieChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

type Props = {
  option: EChartsCoreOption;
  height?: number;
  /** Accessible name of the chart, read out in place of the canvas. */
  label: string;
  /** A click on an item, with its data as the option gave it (a count's `link`, chart-links.ts). */
  onClick?: (data: unknown) => void;
};

/**
 * One ECharts chart that follows its container's size. Every chart goes through here, and here every
 * tooltip formatter's answer is escaped unless it was built with `html` (chart-html.ts).
 */
export const EChart = ({ option, height = 320, label, onClick }: Props) => {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const container = element.current;
    const instance = init(container, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // Busy while ECharts draws and animates an option: a click lands on the bars only once they are there.
    instance.on('finished', () => container.setAttribute('aria-busy', 'false'));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    element.current?.setAttribute('aria-busy', 'true');
    chart.current?.setOption(guardChartOption(option), true);
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    const handler = (params: { data?: unknown }) => onClick(params.data);
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onClick]);

  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
};
