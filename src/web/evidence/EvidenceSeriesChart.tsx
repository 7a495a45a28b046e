import { LineChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import type { TEvidencePanel } from '../../shared/evidence';
import { EChart } from '../ui/EChart';
import { whole } from './evidence-queries';

// EChart registers the renderer, the grid, the legend and the tooltip; a time series adds lines and marks.
echarts.use([LineChart, MarkLineComponent]);

/**
 * One chart per definition set: both groups of the same definition on one axis, nothing else
 * (figures of another definition get their own chart). A range is drawn as its two bounds,
 * dashed; a series break is a vertical line with its year.
 */
export function EvidenceSeriesChart({ panel }: { panel: TEvidencePanel }) {
  const option = useMemo(() => {
    const years = [...new Set(panel.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
    const lines = panel.series.flatMap((s) => {
      const at = new Map(s.points.map((p) => [p.year, p.value]));
      const hasRange = s.points.some((p) => p.value.kind === 'range');
      const exact = years.map((y) => {
        const v = at.get(y);
        return v?.kind === 'exact' ? v.value : null;
      });
      const bound = (which: 'low' | 'high') =>
        years.map((y) => {
          const v = at.get(y);
          return v?.kind === 'range' ? v[which] : v?.kind === 'exact' && which === 'low' ? null : null;
        });
      return [
        { name: s.group.label, type: 'line', data: exact, connectNulls: false, symbolSize: 4 },
        ...(hasRange
          ? [
              { name: `${s.group.label}: lower bound`, type: 'line', data: bound('low'), lineStyle: { type: 'dashed' }, symbolSize: 3 },
              { name: `${s.group.label}: upper bound`, type: 'line', data: bound('high'), lineStyle: { type: 'dashed' }, symbolSize: 3 },
            ]
          : []),
      ];
    });
    if (lines[0] && panel.seriesBreaks.length > 0)
      Object.assign(lines[0], {
        markLine: {
          symbol: 'none',
          label: { formatter: 'series break {b}' },
          data: panel.seriesBreaks.map((b) => ({ name: String(b.year), xAxis: String(b.year) })),
        },
      });
    return {
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? whole(value) : '–') },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 70, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', name: panel.definitions.unit.label, axisLabel: { formatter: (value: number) => whole(value) } },
      series: lines,
    };
  }, [panel]);
  return (
    <EChart
      option={option}
      className="evidence-chart"
      label={`${panel.title}, by year and group (${panel.definitions.unit.label.toLowerCase()})`}
      testId="evidence-series-chart"
    />
  );
}
