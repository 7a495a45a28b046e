import { eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { EARTH_RADIUS_KM, type THomeCapital } from '../../shared/agreements';
import type { Executor } from '../db/client';
import { countries } from '../db/schema/index';

/** The home country's row, joined beside the counterpart's (`home` in the agreement queries). */
export const home = alias(countries, 'home');

/**
 * The great-circle distance in km between the home capital and the counterpart's capital, as
 * SQL, so that lists sort and page by it: the haversine formula on a sphere of the mean Earth
 * radius (R = 6371.0088 km). On the WGS84 ellipsoid the true geodesic differs by less than
 * 0.5%. Null when either capital has no coordinates in the reference data.
 */
export function greatCircleKm(counterpart: { capitalLat: typeof countries.capitalLat; capitalLon: typeof countries.capitalLon }): SQL<number | null> {
  const lat1 = sql`radians(${home.capitalLat})`;
  const lat2 = sql`radians(${counterpart.capitalLat})`;
  const dLat = sql`radians(${counterpart.capitalLat} - ${home.capitalLat})`;
  const dLon = sql`radians(${counterpart.capitalLon} - ${home.capitalLon})`;
  const a = sql`power(sin(${dLat} / 2), 2) + cos(${lat1}) * cos(${lat2}) * power(sin(${dLon} / 2), 2)`;
  // least(1, …): rounding may push the square root a hair above 1 for antipodes.
  return sql<number | null>`(2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1::float8, sqrt(${a}))))`;
}

/** The same distance, in whole km: what the API shows and sorts by. */
export function distanceKm(counterpart: Parameters<typeof greatCircleKm>[0]): SQL<number | null> {
  return sql<number | null>`round(${greatCircleKm(counterpart)})::integer`.mapWith((value) => (value === null ? null : Number(value)));
}

/** The join condition of `home`: the configured home country. */
export const homeJoin = (homeCountry: string) => eq(home.alpha2, homeCountry);

export async function loadHomeCapital(db: Executor, homeCountry: string): Promise<THomeCapital> {
  const [row] = await db
    .select({ name: countries.name, capital: countries.capital, lat: countries.capitalLat, lon: countries.capitalLon })
    .from(countries)
    .where(eq(countries.alpha2, homeCountry))
    .limit(1);
  return { country: homeCountry, countryName: row?.name ?? homeCountry, capital: row?.capital ?? null, located: row?.lat != null && row?.lon != null };
}
