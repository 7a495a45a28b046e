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
/**
 * ECharts cannot lay a chart out in a box without a size (a map's projection then fails):
 * draw only into a box that has one. A pending option is drawn then; otherwise the chart is
 * fitted to the box again.
 */
function drawChart(chart: echarts.ECharts | null, box: HTMLDivElement | null, pending: { current: EChartsCoreOption | null }): void {
  if (!chart || !box || box.clientWidth === 0 || box.clientHeight === 0) return;
  if (pending.current) {
    chart.setOption(pending.current, { notMerge: true });
    pending.current = null;
  } else chart.resize();
}

export function EChart({ option, className, label, testId, height }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  /** The option not yet drawn because the box had no size (hidden, or not laid out yet). */
  const pending = useRef<EChartsCoreOption | null>(null);

  // Before the chart is created, so that it starts at its height; the observer below redraws it.
  useEffect(() => {
    if (!element.current) return;
    element.current.style.height = height ? `${height}px` : '';
  }, [height]);

  useEffect(() => {
    const box = element.current;
    if (!box) return;
    chart.current = echarts.init(box, undefined, { renderer: 'svg' });
    // Redrawn whenever the box changes size: the window, the layout, or a box that was hidden.
    const observer = new ResizeObserver(() => drawChart(chart.current, box, pending));
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    pending.current = option;
    drawChart(chart.current, element.current, pending);
  }, [option]);

  return <div ref={element} className={className} role="img" aria-label={label} data-testid={testId} />;
}
