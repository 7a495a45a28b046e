import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

interface Props {
  option: EChartsCoreOption;
  className: string;
  /** What the chart shows, for screen readers (its numbers are in a table beside it). */
  label: string;
  testId?: string;
  /** Pixels, when the height depends on the data (set through the CSSOM, which the CSP allows). */
  height?: number;
}

/** An ECharts chart drawn as SVG (no inline styles to trip the CSP), resized with the window. */
export function EChart({ option, className, label, testId, height }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  // Before the chart is created, so that it starts at its height; after that, it redraws to fit.
  useEffect(() => {
    if (!element.current) return;
    element.current.style.height = height ? `${height}px` : '';
    chart.current?.resize();
  }, [height]);

  useEffect(() => {
    if (!element.current) return;
    chart.current = echarts.init(element.current, undefined, { renderer: 'svg' });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} className={className} role="img" aria-label={label} data-testid={testId} />;
}
