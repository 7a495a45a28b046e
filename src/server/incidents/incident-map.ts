import { sql } from 'drizzle-orm';
import type { TIncidentListQuery, TIncidentMap } from '../../shared/incidents';
import { queryRows, type Executor } from '../db/client';
import { incidents } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { incidentConditions } from './incident-queries';

/**
 * Reported incidents by place for the map, under the reader's access rule and the list's
 * filters: counts with their legal statuses, never a rate (there is no denominator here).
 */
export async function incidentMap(db: Executor, query: Omit<TIncidentListQuery, 'limit' | 'cursor' | 'format'>, reader: Actor): Promise<TIncidentMap> {
  const where = incidentConditions(query, reader);
  const rows = await queryRows<{ place: string; country: string; lat: number; lon: number; precision: string; legal: string; n: number }>(
    db,
    sql`select ${incidents.placeName} as place, ${incidents.countryAlpha2} as country, round(${incidents.latitude}::numeric, 3)::float8 as lat,
      round(${incidents.longitude}::numeric, 3)::float8 as lon, ${incidents.geoPrecision} as precision, ${incidents.legalStatus} as legal, count(*)::int as n
      from ${incidents} where ${where} and ${incidents.latitude} is not null
      group by 1, 2, 3, 4, 5, 6`,
  );
  const [unplaced] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${incidents} where ${where} and ${incidents.latitude} is null`);
  const places = new Map<string, TIncidentMap['points'][number]>();
  for (const row of rows) {
    const key = `${row.place}|${row.country}|${row.lat}|${row.lon}|${row.precision}`;
    const point = places.get(key) ?? {
      placeName: row.place,
      country: row.country,
      latitude: row.lat,
      longitude: row.lon,
      geoPrecision: row.precision as never,
      count: 0,
      byLegalStatus: {},
    };
    point.count += row.n;
    point.byLegalStatus[row.legal] = (point.byLegalStatus[row.legal] ?? 0) + row.n;
    places.set(key, point);
  }
  // Largest first, so that small symbols are drawn over large ones.
  const points = [...places.values()].sort((a, b) => b.count - a.count || a.placeName.localeCompare(b.placeName));
  return { label: 'Reported incidents, not a crime rate', points, withoutCoordinates: unplaced?.n ?? 0 };
}
