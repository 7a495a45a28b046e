import { ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { LEGAL_STATUSES, type TIncidentMap } from '../../shared/incidents';
import { enclosingBounds, registerWorldByNumeric, type TBounds, WORLD_BY_NUMERIC } from '../cadence/world-shapes';
import { EChart } from '../ui/EChart';
import { GEO_PRECISION_LABEL, legalStatusText } from './incident-labels';

// EChart registers the renderer and the tooltip; this map adds the geo frame and its symbols.
echarts.use([GeoComponent, ScatterChart]);

type TPoint = TIncidentMap['points'][number];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Largest symbol's diameter in pixels; the area of each is proportional to its count. */
const LARGEST = 46;
const SMALLEST = 7;

export function symbolSize(count: number, largestCount: number): number {
  if (largestCount <= 0) return SMALLEST;
  return Math.max(SMALLEST, LARGEST * Math.sqrt(count / largestCount));
}

/** Each legal status with its count, in the order of the case, so the tooltip is also the legend. */
export function legalMix(point: Pick<TPoint, 'byLegalStatus'>): { status: (typeof LEGAL_STATUSES)[number]; count: number }[] {
  return LEGAL_STATUSES.map((status) => ({ status, count: point.byLegalStatus[status] ?? 0 })).filter((entry) => entry.count > 0);
}

function pointTip(point: TPoint): string {
  const lines = legalMix(point).map((entry) => `${entry.count} — ${escapeHtml(legalStatusText(entry.status))}`);
  return [
    `<strong>${escapeHtml(point.placeName)}</strong> (${escapeHtml(point.country)}; ${escapeHtml(GEO_PRECISION_LABEL[point.geoPrecision].toLowerCase())})`,
    `${point.count} reported incident${point.count === 1 ? '' : 's'}, by legal status:`,
    ...lines,
  ].join('<br/>');
}

/** Places with reported incidents, each a circle whose area grows with its count, on Natural Earth shapes. */
export function IncidentMapChart({ points }: { points: TPoint[] }) {
  // Registers the shapes once, before the first option names them.
  registerWorldByNumeric();
  const option = useMemo(() => {
    const largest = Math.max(0, ...points.map((point) => point.count));
    const view = enclosingBounds(points.map((point): TBounds => [point.longitude, point.latitude, point.longitude, point.latitude]));
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (item: { data?: { point?: TPoint } }) => (item.data?.point ? pointTip(item.data.point) : ''),
      },
      geo: {
        map: WORLD_BY_NUMERIC,
        nameProperty: 'numeric',
        roam: true,
        silent: true,
        ...(view
          ? {
              boundingCoords: [
                [view[0], view[3]],
                [view[2], view[1]],
              ],
            }
          : {}),
        itemStyle: { areaColor: '#eef1f5', borderColor: '#b3bcc6', borderWidth: 0.5 },
        label: { show: false },
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          data: points.map((point) => ({
            name: point.placeName,
            value: [point.longitude, point.latitude, point.count],
            symbolSize: symbolSize(point.count, largest),
            point,
          })),
          itemStyle: { color: 'rgba(31, 78, 121, 0.55)', borderColor: '#1f4e79', borderWidth: 1 },
          emphasis: { itemStyle: { color: 'rgba(31, 78, 121, 0.8)' } },
        },
      ],
    };
  }, [points]);

  return (
    <EChart
      option={option}
      className="incident-map-chart"
      label="Map of the places with reported incidents, a circle per place whose area grows with the number of incidents; the table below has the same figures"
      testId="incident-map"
    />
  );
}
