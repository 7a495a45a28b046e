import { MapChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import type { TEvidencePanel } from '../../shared/evidence';
import type { TCountry } from '../../shared/reference';
import { registerWorldByNumeric } from '../cadence/world-shapes';
import { EChart } from '../ui/EChart';
import { type RateScale, rateMapOption } from './panel-captions';

echarts.use([GeoComponent, MapChart]);

type MapEntry = TEvidencePanel['map'][number];

/**
 * A choropleth of valid rates only: a country is coloured only where the rules gave a rate per
 * 100,000 (a range by its midpoint, its bounds in the tooltip), on the scale the panel's groups
 * share. Without any valid rate there is no map, and the sentence says so.
 */
export function EvidenceRateMap({
  entry,
  scale,
  countries,
  year,
}: {
  entry: MapEntry;
  scale: RateScale;
  countries: Map<string, TCountry> | undefined;
  year: number;
}) {
  const option = useMemo(() => {
    registerWorldByNumeric();
    return rateMapOption(entry, scale, countries);
  }, [entry, scale, countries]);
  if (entry.rates.length === 0) return <p className="evidence-no-map">{entry.none}</p>;
  return <EChart option={option} className="evidence-map" label={`Valid rates per 100,000 ${entry.group.label.toLowerCase()}, ${year}, by country`} />;
}
