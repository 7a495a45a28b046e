import { and, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { countries, statisticSeries, statisticValues } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { markingReadable } from '../identity/access-policy';
import type { Place } from './evidence-rules';

type SeriesRow = typeof statisticSeries.$inferSelect;
/** Values by country, then year. */
export type Values = Map<string, Map<number, number>>;

/** The values of these series, by series id, country and year. */
export async function loadValues(db: Executor, seriesIds: string[]): Promise<Map<string, Values>> {
  const out = new Map<string, Values>();
  if (seriesIds.length === 0) return out;
  const rows = await db
    .select({ seriesId: statisticValues.seriesId, country: statisticValues.countryAlpha2, year: statisticValues.year, value: statisticValues.value })
    .from(statisticValues)
    .where(inArray(statisticValues.seriesId, seriesIds));
  for (const row of rows) {
    const byCountry = out.get(row.seriesId) ?? new Map();
    const byYear = byCountry.get(row.country) ?? new Map();
    byYear.set(row.year, row.value);
    byCountry.set(row.country, byYear);
    out.set(row.seriesId, byCountry);
  }
  return out;
}

/** The population series the figures link to (by key), with their values by country and year. */
export async function loadDenominators(db: Executor, reader: Actor, series: SeriesRow[]): Promise<Map<string, { series: SeriesRow; values: Values }>> {
  const keys = [...new Set(series.map((row) => row.denominator?.seriesKey).filter((key): key is string => !!key))];
  const out = new Map<string, { series: SeriesRow; values: Values }>();
  if (keys.length === 0) return out;
  const rows = await db
    .select()
    .from(statisticSeries)
    .where(and(markingReadable(reader, statisticSeries.classification), inArray(statisticSeries.key, keys)));
  const values = await loadValues(
    db,
    rows.map((row) => row.id),
  );
  for (const row of rows) out.set(row.key, { series: row, values: values.get(row.id) ?? new Map() });
  return out;
}

/** Every country's name and demonym, for the reasons and the map. */
export async function loadPlaces(db: Executor, demonyms: Map<string, string>): Promise<Map<string, Place>> {
  const rows = await db.select({ code: countries.alpha2, name: countries.name }).from(countries);
  return new Map(rows.map((row) => [row.code, { name: row.name, demonym: demonyms.get(row.code) ?? null }]));
}
