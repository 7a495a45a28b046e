import { and, eq, inArray } from 'drizzle-orm';
import type { TEvidenceFigure, TEvidencePanel, TFigureValue, TImmigrationLawMode } from '../../shared/evidence';
import { IMMIGRATION_LAW_OFFENCE_LABELS, STATISTIC_GROUP_LABELS, STATISTIC_GROUPS, type TStatisticGroup } from '../../shared/statistics';
import type { Executor } from '../db/client';
import { countries, statisticSeries, statisticValues } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { markingReadable } from '../identity/access-policy';
import { presentSeries } from '../statistics/statistic-queries';
import { breakAt, complement, complementGroup, type Denominator, immigrationLawFigure, type Place, rateFor, type SeriesFacts } from './evidence-rules';
import type { OffenceGroupSource } from './offence-groups';

type SeriesRow = typeof statisticSeries.$inferSelect;
type Role = 'included' | 'excluded' | 'only';
/** Values by country, then year. */
type Values = Map<string, Map<number, number>>;

const facts = (row: SeriesRow): SeriesFacts => row as unknown as SeriesFacts;
const labelled = (group: TStatisticGroup) => ({ code: group, label: STATISTIC_GROUP_LABELS[group] });

/**
 * One panel of official figures: a source's offence group for a country, both groups side by side
 * (the one the source lacks derived from the total), every year as a time series, the chosen
 * year's figures with their rates or the reason none is given, and the valid rates of every
 * country for the choropleth. Null when the source has no figures for the country.
 */
export async function loadPanel(
  db: Executor,
  reader: Actor,
  config: OffenceGroupSource,
  country: { code: string; place: Place },
  options: { year: number | undefined; mode: TImmigrationLawMode; places: Map<string, Place> },
): Promise<(TEvidencePanel & { years: number[] }) | null> {
  const keys: Partial<Record<Role, string>> = {};
  for (const role of ['included', 'excluded', 'only'] as const) if (config[role]) keys[role] = `${config.indicatorPrefix}:${config[role]}`;
  const series = await db
    .select()
    .from(statisticSeries)
    .where(
      and(
        markingReadable(reader, statisticSeries.classification),
        eq(statisticSeries.sourceId, config.source),
        eq(statisticSeries.kind, 'figure'),
        inArray(statisticSeries.indicatorCode, Object.values(keys)),
      ),
    );
  if (series.length === 0) return null;
  const byRole = new Map<Role, Map<TStatisticGroup, SeriesRow>>();
  for (const row of series)
    for (const role of Object.keys(keys) as Role[])
      if (keys[role] === row.indicatorCode) {
        const groups = byRole.get(role) ?? new Map();
        groups.set(row.groupCode as TStatisticGroup, row);
        byRole.set(role, groups);
      }
  const values = await loadValues(
    db,
    series.map((row) => row.id),
  );
  const own = (row: SeriesRow | undefined) => (row ? values.get(row.id) : undefined);
  const countryYears = new Set<number>();
  for (const row of series) for (const year of own(row)?.get(country.code)?.keys() ?? []) countryYears.add(year);
  if (countryYears.size === 0) return null;
  const years = [...countryYears].sort((a, b) => a - b);
  const year = options.year ?? years.at(-1)!;

  // The groups side by side: those the source has besides the total, each with its complement.
  const present = new Set(series.map((row) => row.groupCode as TStatisticGroup));
  const sides = new Set<TStatisticGroup>();
  for (const group of present) {
    const other = complementGroup(group);
    if (!other) continue;
    sides.add(group);
    if (present.has('total')) sides.add(other);
  }
  const groups = STATISTIC_GROUPS.filter((group) => sides.has(group));
  const derivedFrom = (group: TStatisticGroup) => (present.has(group) ? null : complementGroup(group));

  const figureOf = (group: TStatisticGroup, role: Role, code: string, y: number): number | undefined => {
    const rows = byRole.get(role);
    const other = derivedFrom(group);
    if (other === null) return own(rows?.get(group))?.get(code)?.get(y);
    return complement(own(rows?.get('total'))?.get(code)?.get(y), own(rows?.get(other))?.get(code)?.get(y));
  };
  const ilKeys = {
    containsImmigrationLaw: config.containsImmigrationLaw,
    onlyName: config.only ? `key ${config.only}` : 'immigration-law offences alone',
    excludedName: config.excluded ? `key ${config.excluded}` : 'a separate row',
  };
  const yearFigure = (group: TStatisticGroup, code: string, y: number) =>
    immigrationLawFigure(
      { included: figureOf(group, 'included', code, y), excluded: figureOf(group, 'excluded', code, y), only: figureOf(group, 'only', code, y) },
      options.mode,
      ilKeys,
    );
  /** The series a group's figure is read from (the total's, for a derived group), to know its definitions. */
  const referenceOf = (group: TStatisticGroup, code: string, y: number): SeriesRow | undefined => {
    const seriesGroup = derivedFrom(group) === null ? group : 'total';
    const row = (role: Role) => byRole.get(role)?.get(seriesGroup);
    const has = (role: Role) => figureOf(group, role, code, y) !== undefined;
    if (options.mode === 'exclude') return (has('excluded') ? row('excluded') : undefined) ?? row('included') ?? row('excluded') ?? row('only');
    return (has('included') ? row('included') : undefined) ?? row('excluded') ?? row('included') ?? row('only');
  };
  /** Every series a group's figures come from. */
  const sourcesOf = (group: TStatisticGroup): SeriesRow[] => {
    const other = derivedFrom(group);
    const wanted = other === null ? [group] : (['total', other] as TStatisticGroup[]);
    return [...byRole.values()].flatMap((rows) => wanted.map((g) => rows.get(g)).filter((row): row is SeriesRow => !!row));
  };
  const denominators = await loadDenominators(db, reader, series);
  const figureFacts = (group: TStatisticGroup, reference: SeriesRow): SeriesFacts => {
    const base = facts(reference);
    return derivedFrom(group) === null ? base : { ...base, key: `${base.key} (derived)`, groupCode: group, denominator: null };
  };
  const rateOf = (group: TStatisticGroup, reference: SeriesRow, value: TFigureValue, code: string, place: Place, y: number) => {
    const figure = figureFacts(group, reference);
    const linked = figure.denominator?.seriesKey ? denominators.get(figure.denominator.seriesKey) : undefined;
    const denominator: Denominator | null = linked ? { series: facts(linked.series), values: linked.values.get(code) ?? new Map() } : null;
    return rateFor({ figure, value, year: y, place, denominator });
  };

  const usedSeries = new Set<SeriesRow>();
  const figure = (group: TStatisticGroup): TEvidenceFigure | null => {
    const { value, note } = yearFigure(group, country.code, year);
    const reference = referenceOf(group, country.code, year);
    if (!reference) return null;
    const used = sourcesOf(group);
    for (const row of used) usedSeries.add(row);
    const other = derivedFrom(group);
    return {
      group: labelled(group),
      year,
      value,
      immigrationLaw: note,
      rate: rateOf(group, reference, value, country.code, country.place, year),
      derived: other
        ? `Derived by Demarche: the total minus ${STATISTIC_GROUP_LABELS[other].toLowerCase()}, each as the source counts them. ` +
          'Within one offence key each person is counted once and in one of the two groups, so the difference is exact.'
        : null,
      seriesBreak: breakAt(reference, year),
      seriesKeys: used.map((row) => row.key),
    };
  };
  const figures = groups.map(figure).filter((item): item is TEvidenceFigure => item !== null);
  const total = present.has('total') ? figure('total') : null;

  const reference = byRole.get('included')?.get('total') ?? byRole.get('excluded')?.get('total') ?? series[0]!;
  const shown = presentSeries(reference);
  const effective = !config.containsImmigrationLaw ? reference.immigrationLawOffences : options.mode === 'exclude' ? 'excluded' : 'included';
  const allCountries = new Set<string>();
  for (const row of series) for (const code of own(row)?.keys() ?? []) allCountries.add(code);
  const map = groups.map((group) => {
    const rates: TEvidencePanel['map'][number]['rates'] = [];
    for (const code of [...allCountries].sort()) {
      const place = options.places.get(code) ?? { name: code, demonym: null };
      const { value } = yearFigure(group, code, year);
      const ref = referenceOf(group, code, year);
      if (!ref) continue;
      const rate = rateOf(group, ref, value, code, place, year);
      if (rate.valid) rates.push({ country: code, name: place.name, low: rate.low, high: rate.high });
    }
    return {
      group: labelled(group),
      rates,
      none:
        rates.length === 0
          ? `No valid rate per 100,000 exists for ${STATISTIC_GROUP_LABELS[group].toLowerCase()} in ${year} in any country, so there is no map.`
          : null,
    };
  });
  const offenceRow = byRole.get('included')?.get('total') ?? byRole.get('excluded')?.get('total') ?? reference;
  return {
    id: `${config.source}/${config.indicatorPrefix}:${config.included ?? config.excluded ?? config.only}`,
    title: `${shown.justiceStage.label.split(' (')[0]}: ${offenceRow.offenceName ?? offenceRow.indicatorName} (${reference.publisher}, ${reference.tableId})`,
    offence: { key: offenceRow.offenceKey ?? '', name: offenceRow.offenceName ?? offenceRow.indicatorName },
    definitions: {
      justiceStage: shown.justiceStage,
      groupDefinition: present.has('foreign_nationals') || present.has('nationals') ? { code: 'citizenship', label: 'By citizenship' } : shown.groupDefinition,
      immigrationLawOffences: { code: effective as never, label: IMMIGRATION_LAW_OFFENCE_LABELS[effective as keyof typeof IMMIGRATION_LAW_OFFENCE_LABELS] },
      standardisation: shown.standardisation,
      coverage: shown.coverage,
      unit: shown.unit,
    },
    figures,
    total,
    series: groups.map((group) => ({ group: labelled(group), points: years.map((y) => ({ year: y, value: yearFigure(group, country.code, y).value })) })),
    seriesBreaks: reference.seriesBreaks,
    map,
    caveats: [...new Set([...usedSeries].flatMap((row) => row.caveats))],
    source: {
      publisher: reference.publisher,
      tableId: reference.tableId,
      title: reference.tableTitle,
      url: reference.url,
      licence: reference.licence,
      retrievedOn: reference.retrievedOn,
    },
    years,
  };
}

async function loadValues(db: Executor, seriesIds: string[]): Promise<Map<string, Values>> {
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
async function loadDenominators(db: Executor, reader: Actor, series: SeriesRow[]): Promise<Map<string, { series: SeriesRow; values: Values }>> {
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
