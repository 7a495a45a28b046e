import { MapChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import type { TAssessmentMap } from '../../shared/assessments';
import { EChart } from '../ui/EChart';
import { registerWorldByNumeric, WORLD_BY_NUMERIC } from '../cadence/world-shapes';
import { scoreText } from './policy-labels';
import { NO_ASSESSMENT_COLOR, NOT_ASSESSED_COLOR, SCORE_BUCKETS, scoreBucket } from './score-colors';

echarts.use([MapChart]);

const FLAG_HATCH = { symbol: 'rect', color: '#1b1f24', dashArrayX: [1, 0], dashArrayY: [1, 4], rotation: Math.PI / 4 };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The latest approved score per country, coloured by bucket, flagged countries hatched and
 * outlined in black; countries without an approved assessment the reader may see are plain.
 * The table beside it has the same figures.
 */
export function PolicyMap({ map, areaName, onCountry }: { map: TAssessmentMap; areaName: string; onCountry: (alpha2: string) => void }) {
  const shapes = registerWorldByNumeric();
  const byNumeric = useMemo(() => new Map(map.items.map((item) => [item.numeric, item])), [map]);
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (item: { name: string }) => {
          const country = byNumeric.get(item.name);
          if (!country) return `${escapeHtml(shapes.names.get(item.name) ?? '')}<br/>No approved assessment you may see`;
          return `${escapeHtml(country.countryName)} (${country.period})<br/>${escapeHtml(areaName)}: ${scoreText(country.score)}${country.flagged ? '<br/>Flagged' : ''}`;
        },
      },
      series: [
        {
          type: 'map',
          map: WORLD_BY_NUMERIC,
          nameProperty: 'numeric',
          roam: true,
          selectedMode: false,
          itemStyle: { areaColor: NO_ASSESSMENT_COLOR, borderColor: '#b3bcc6', borderWidth: 0.5 },
          emphasis: { itemStyle: { borderColor: '#1b1f24', borderWidth: 1.2 }, label: { show: false } },
          label: { show: false },
          data: map.items.map((item) => {
            const color = scoreBucket(item.score)?.color ?? NOT_ASSESSED_COLOR;
            const decal = item.flagged ? FLAG_HATCH : undefined;
            const border = item.flagged ? { borderColor: '#000', borderWidth: 2 } : { borderColor: '#5c6670', borderWidth: 0.8 };
            return { name: item.numeric, itemStyle: { areaColor: color, decal, ...border }, emphasis: { itemStyle: { areaColor: color, decal } } };
          }),
        },
      ],
    }),
    [map, byNumeric, shapes, areaName],
  );
  return (
    <section className="policy-map" aria-label={`Map of the latest approved ${areaName.toLowerCase()} score by country`}>
      <EChart
        option={option}
        className="reception-map-chart"
        label={`World map of the latest approved ${areaName.toLowerCase()} score of each country, flagged countries hatched; the table below has the same figures`}
        testId="policy-map"
        onItemClick={(event) => {
          const country = byNumeric.get(String(event.name));
          if (country) onCountry(country.country);
        }}
      />
      <ul className="map-legend" aria-label="Map legend">
        {SCORE_BUCKETS.map((bucket) => (
          <li key={bucket.key}>
            <span className={`swatch swatch-score-${bucket.key}`} aria-hidden="true" /> {bucket.label}
          </li>
        ))}
        <li>
          <span className="swatch swatch-score-not-assessed" aria-hidden="true" /> Area not assessed
        </li>
        <li>
          <span className="swatch swatch-score-flagged" aria-hidden="true" /> Flagged: policies unduly favor migrants at the expense of local populations
        </li>
        <li>
          <span className="swatch swatch-outside" aria-hidden="true" /> No approved assessment you may see
        </li>
      </ul>
    </section>
  );
}
