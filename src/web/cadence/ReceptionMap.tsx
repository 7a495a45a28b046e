import { MapChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../ui/EChart';
import {
  COUNTRY_CATEGORY_NAME,
  COVERAGE_COLOR,
  countryCategory,
  RECEPTION_NAME,
  RECEPTIONS,
  receptionCounts,
  type TCountryCategory,
  type TCountryCoverage,
} from './coverage-figures';
import { enclosingBounds, registerWorldByNumeric, type TBounds, WORLD_BY_NUMERIC } from './world-shapes';

// EChart registers the renderer, the tooltip and the common components; the map adds its chart.
echarts.use([MapChart]);

export interface TMapCountry {
  alpha2: string;
  name: string;
  /** ISO 3166-1 numeric, as world-atlas keys its shapes; null when the reference data lacks it. */
  numeric: string | null;
  /** The point's delivery in this country, when any post there delivered it. */
  row: TCountryCoverage | undefined;
}

const LEGEND: (TCountryCategory | 'outside')[] = ['receptive', 'noncommittal', 'disagreed', 'unrecorded', 'mixed', 'none', 'notApplicable', 'outside'];
const LEGEND_NAME = { ...COUNTRY_CATEGORY_NAME, outside: 'Not an action post of the directive' };

const NO_DELIVERY_HATCH = { symbol: 'rect', color: '#7b8794', dashArrayX: [1, 0], dashArrayY: [1.5, 3], rotation: -Math.PI / 4 };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What a country's tooltip says: its posts that delivered the point and how they received it. */
function countryTip(country: TMapCountry): string {
  const { row } = country;
  if (!row || row.delivered === 0) return `${escapeHtml(country.name)}<br/>Action post; no delivery of this point you may see`;
  const counts = receptionCounts(row.delivered, row);
  const mix = RECEPTIONS.filter((reception) => counts[reception] > 0)
    .map((reception) => `${counts[reception]} ${RECEPTION_NAME[reception].toLowerCase()}`)
    .join(', ');
  return `${escapeHtml(country.name)}<br/>${row.delivered} post${row.delivered === 1 ? '' : 's'} delivered it: ${mix}`;
}

/**
 * The countries of the directive's action posts, coloured by delivery and reception of one
 * talking point; every other country is drawn plain. The table beside it has the same figures.
 */
export function ReceptionMap({ countries, pointNumber }: { countries: TMapCountry[]; pointNumber: number }) {
  const shapes = registerWorldByNumeric();
  const [drawn, notDrawn] = useMemo(() => {
    const onMap = countries.filter((country) => country.numeric !== null && shapes.names.has(country.numeric));
    return [onMap, countries.filter((country) => !onMap.includes(country))];
  }, [countries, shapes]);

  const option = useMemo(() => {
    const view = enclosingBounds(drawn.map((country) => shapes.bounds.get(country.numeric ?? '')).filter((box): box is TBounds => box !== undefined));
    const byNumeric = new Map(drawn.map((country) => [country.numeric, country]));
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (item: { name: string }) => {
          const country = byNumeric.get(item.name);
          return country ? countryTip(country) : escapeHtml(shapes.names.get(item.name) ?? '');
        },
      },
      series: [
        {
          type: 'map',
          map: WORLD_BY_NUMERIC,
          nameProperty: 'numeric',
          roam: true,
          selectedMode: false,
          // Fitted to the action posts' countries, from north-west to south-east corner.
          ...(view
            ? {
                boundingCoords: [
                  [view[0], view[3]],
                  [view[2], view[1]],
                ],
              }
            : {}),
          itemStyle: { areaColor: COVERAGE_COLOR.outside, borderColor: '#b3bcc6', borderWidth: 0.5 },
          emphasis: { itemStyle: { borderColor: '#1b1f24', borderWidth: 1.2 }, label: { show: false } },
          label: { show: false },
          data: drawn.map((country) => {
            const category = countryCategory(country.row);
            // Hatched rather than a second grey, so that it is never taken for "reception not recorded".
            const decal = category === 'none' ? NO_DELIVERY_HATCH : undefined;
            return {
              name: country.numeric,
              itemStyle: { areaColor: COVERAGE_COLOR[category], borderColor: '#5c6670', borderWidth: 0.8, decal },
              emphasis: { itemStyle: { areaColor: COVERAGE_COLOR[category], decal } },
            };
          }),
        },
      ],
    };
  }, [drawn, shapes]);

  return (
    <section className="reception-map" aria-label={`Map of reception of point ${pointNumber} by country`}>
      <EChart
        option={option}
        className="reception-map-chart"
        label={`World map of the countries of the action posts, coloured by delivery and reception of point ${pointNumber}; the table above has the same figures`}
        testId="reception-map"
      />
      <ul className="map-legend" aria-label="Map legend">
        {LEGEND.map((category) => (
          <li key={category}>
            <span className={`swatch swatch-${category}`} aria-hidden="true" /> {LEGEND_NAME[category]}
          </li>
        ))}
      </ul>
      {notDrawn.length > 0 && (
        <p className="muted small">
          Too small to draw on this map:{' '}
          {notDrawn.map((country) => `${country.name} (${COUNTRY_CATEGORY_NAME[countryCategory(country.row)].toLowerCase()})`).join(', ')}.
        </p>
      )}
    </section>
  );
}
