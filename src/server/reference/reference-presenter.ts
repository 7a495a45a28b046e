import type { TBureauCode, TCountry, TPost, TPostKind } from '../../shared/reference';
import type { countries } from '../db/schema/index';

export function presentCountry(row: typeof countries.$inferSelect): TCountry {
  return {
    alpha2: row.alpha2,
    alpha3: row.alpha3,
    numeric: row.numeric,
    name: row.name,
    officialName: row.officialName,
    capital: row.capital,
    capitalLat: row.capitalLat,
    capitalLon: row.capitalLon,
    population: row.population,
    region: row.region,
    subregion: row.subregion,
    bureau: row.bureauCode as TBureauCode | null,
  };
}

export interface PostRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  country: string;
  countryName: string;
  city: string;
  lat: number;
  lon: number;
  bureau: string | null;
}

export function presentPost(row: PostRow): TPost {
  return { ...row, kind: row.kind as TPostKind, bureau: row.bureau as TBureauCode | null };
}
