import * as echarts from 'echarts/core';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldTopology from 'world-atlas/countries-110m.json';

/** The name under which the countries are registered, keyed by their ISO 3166-1 numeric code. */
export const WORLD_BY_NUMERIC = 'world-by-iso-numeric';

/** [west, south, east, north] in degrees. */
export type TBounds = [number, number, number, number];

export interface TWorldShapes {
  /** The atlas's name of each region, by its code (for regions without data). */
  names: Map<string, string>;
  bounds: Map<string, TBounds>;
}

let shapes: TWorldShapes | null = null;

/**
 * Natural Earth country shapes from world-atlas (no tile server), registered once for ECharts
 * with the ISO numeric code as each region's name, so that data joins on a code rather than on
 * spellings ("Dem. Rep. Congo"). Returns each region's atlas name and bounding box by code.
 */
export function registerWorldByNumeric(): TWorldShapes {
  if (shapes) return shapes;
  const topology = worldTopology as unknown as Topology<{ countries: GeometryCollection }>;
  const world = feature(topology, topology.objects.countries) as unknown as FeatureCollection;
  const names = new Map<string, string>();
  const bounds = new Map<string, TBounds>();
  const features: Feature[] = [];
  for (const country of world.features) {
    const name = String(country.properties?.name ?? '');
    if (name === 'Antarctica') continue;
    // A few disputed areas (Kosovo, Somaliland, N. Cyprus) have no ISO code in the atlas.
    const numeric = country.id === undefined ? `atlas:${name}` : String(country.id);
    names.set(numeric, name);
    unwrapGeometry(country);
    bounds.set(numeric, boundsOf(country));
    features.push({ ...country, properties: { ...country.properties, numeric } });
  }
  echarts.registerMap(WORLD_BY_NUMERIC, { type: 'FeatureCollection', features } as never);
  shapes = { names, bounds };
  return shapes;
}

function boundsOf(country: Feature): TBounds {
  const box: TBounds = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const geometry = country.geometry;
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.type === 'MultiPolygon' ? geometry.coordinates.flat() : [];
  for (const ring of rings)
    for (const [lon = 0, lat = 0] of ring) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  return box;
}

/** The box around these boxes, with a margin, kept wide enough that one small country is not the whole map. */
export function enclosingBounds(boxes: TBounds[], margin = 8, minimumSpan = 40): TBounds | null {
  if (boxes.length === 0) return null;
  let [west, south, east, north] = [
    Math.min(...boxes.map((box) => box[0])) - margin,
    Math.min(...boxes.map((box) => box[1])) - margin,
    Math.max(...boxes.map((box) => box[2])) + margin,
    Math.max(...boxes.map((box) => box[3])) + margin,
  ];
  const widen = (low: number, high: number): [number, number] => {
    const missing = Math.max(0, minimumSpan - (high - low)) / 2;
    return [low - missing, high + missing];
  };
  [west, east] = widen(west, east);
  [south, north] = widen(south, north);
  return [Math.max(-180, west), Math.max(-60, south), Math.min(190, east), Math.min(85, north)];
}

/**
 * A ring that crosses the antimeridian (Russia's Chukotka, Fiji) would be drawn as a band
 * across the whole flat map; moving its western points past 180° keeps it in one piece.
 */
function unwrapGeometry(country: Feature) {
  const geometry = country.geometry;
  if (geometry.type === 'Polygon') for (const ring of geometry.coordinates) unwrapRing(ring);
  if (geometry.type === 'MultiPolygon') for (const polygon of geometry.coordinates) for (const ring of polygon) unwrapRing(ring);
}

function unwrapRing(ring: Position[]) {
  const crosses = ring.some(([lon]) => (lon ?? 0) > 170) && ring.some(([lon]) => (lon ?? 0) < -170);
  if (!crosses) return;
  for (const point of ring) if ((point[0] ?? 0) < 0) point[0] = (point[0] ?? 0) + 360;
}
