import { MapChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import type { TEvidencePanel } from '../../shared/evidence';
import type { TCountry } from '../../shared/reference';
import { registerWorldByNumeric, WORLD_BY_NUMERIC } from '../cadence/world-shapes';
import { EChart } from '../ui/EChart';
import { perHundredThousand } from './evidence-queries';

echarts.use([GeoComponent, MapChart]);

type MapEntry = TEvidencePanel['map'][number];

/**
 * A choropleth of valid rates only: a country is coloured only where the rules gave a rate per
 * 100,000 (a range by its midpoint, its bounds in the tooltip). Without any valid rate there is no
 * map, and the sentence says so.
 */
export function EvidenceRateMap({ entry, countries, year }: { entry: MapEntry; countries: Map<string, TCountry> | undefined; year: number }) {
  const option = useMemo(() => {
    registerWorldByNumeric();
    const data = entry.rates.flatMap((rate) => {
      const numeric = countries?.get(rate.country)?.numeric;
      if (!numeric) return [];
      const tip = rate.low === rate.high ? perHundredThousand(rate.low) : `${perHundredThousand(rate.low)}–${perHundredThousand(rate.high)}`;
      return [{ name: numeric, value: (rate.low + rate.high) / 2, tip: `${rate.name}: ${tip} per 100,000` }];
    });
    const values = data.map((item) => item.value);
    return {
      animation: false,
      tooltip: { trigger: 'item', formatter: (params: { data?: { tip: string } }) => params.data?.tip ?? 'No valid rate' },
      visualMap: { min: Math.min(...values, 0), max: Math.max(...values, 1), calculable: false, left: 'left', bottom: 10, text: ['high', 'low'] },
      series: [{ type: 'map', map: WORLD_BY_NUMERIC, nameProperty: 'numeric', roam: true, data }],
    };
  }, [entry, countries]);
  if (entry.rates.length === 0) return <p className="evidence-no-map">{entry.none}</p>;
  return <EChart option={option} className="evidence-map" label={`Valid rates per 100,000 ${entry.group.label.toLowerCase()}, ${year}, by country`} />;
}
