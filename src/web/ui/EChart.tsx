import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ECElementEvent, EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

interface Props {
  option: EChartsCoreOption;
  className: string;
  /** What the chart shows, for screen readers (its numbers are in a table beside it). */
  label: string;
  testId?: string;
  /** Pixels, when the height depends on the data (set through the CSSOM, which the CSP allows). */
  height?: number;
  /** Called with the data item clicked (a post on a map, say). */
  onItemClick?: (event: ECElementEvent) => void;
}

interface ChartState {
  chart: echarts.ECharts | null;
  /** The option not yet drawn because the box had no size (hidden, or not laid out yet). */
  pending: EChartsCoreOption | null;
  /** The option drawn last, drawn again if the chart is made anew. */
  drawn: EChartsCoreOption | null;
  onItemClick: ((event: ECElementEvent) => void) | undefined;
}

/**
 * ECharts measures its box when the chart is created and lays every option out in that size:
 * a chart created in a box without a size draws a map's projection into 0 × 0 pixels and throws
 * (`Cannot read properties of null`). So the chart is created only once the box has a size,
 * fitted to the box again whenever that size changes, and given a pending option only then.
 */
function drawChart(state: ChartState, box: HTMLDivElement): void {
  if (box.clientWidth === 0 || box.clientHeight === 0) return;
  let chart = state.chart;
  if (!chart) {
    chart = echarts.init(box, undefined, { renderer: 'svg' });
    chart.on('click', (event) => state.onItemClick?.(event));
    state.chart = chart;
    state.pending ??= state.drawn;
  } else if (chart.getWidth() !== box.clientWidth || chart.getHeight() !== box.clientHeight) chart.resize();
  if (state.pending) {
    chart.setOption(state.pending, { notMerge: true });
    state.drawn = state.pending;
    state.pending = null;
  }
}

/** An ECharts chart drawn as SVG (no inline styles to trip the CSP), redrawn whenever its box changes size. */
export function EChart({ option, className, label, testId, height, onItemClick }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const state = useRef<ChartState>({ chart: null, pending: null, drawn: null, onItemClick });
  state.current.onItemClick = onItemClick;

  // Before the chart is created, so that it starts at its height; the observer below redraws it.
  useEffect(() => {
    if (!element.current) return;
    element.current.style.height = height ? `${height}px` : '';
  }, [height]);

  useEffect(() => {
    const box = element.current;
    if (!box) return;
    const current = state.current;
    // Redrawn whenever the box changes size: the window, the layout, or a box that was hidden.
    const observer = new ResizeObserver(() => drawChart(current, box));
    observer.observe(box);
    return () => {
      observer.disconnect();
      current.chart?.dispose();
      current.chart = null;
    };
  }, []);

  useEffect(() => {
    state.current.pending = option;
    if (element.current) drawChart(state.current, element.current);
  }, [option]);

  return <div ref={element} className={className} role="img" aria-label={label} data-testid={testId} />;
}
