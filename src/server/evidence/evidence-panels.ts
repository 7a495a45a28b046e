import { and, eq, inArray } from 'drizzle-orm';
import type { TEvidenceFigure, TEvidencePanel, TFigureValue, TImmigrationLawMode } from '../../shared/evidence';
import {
  GROUP_DEFINITION_LABELS,
  IMMIGRATION_LAW_OFFENCE_LABELS,
  STATISTIC_GROUP_LABELS,
  STATISTIC_GROUPS,
  type TGroupDefinition,
  type TStatisticGroup,
} from '../../shared/statistics';
import type { Executor } from '../db/client';
import { statisticSeries } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { markingReadable } from '../identity/access-policy';
import { presentSeries } from '../statistics/statistic-queries';
import { definitionSets, type ImmigrationLawRole as Role, type PanelSeries } from './definition-sets';
import { breakAt, complement, complementGroup, type Denominator, immigrationLawFigure, type Place, rateFor, type SeriesFacts } from './evidence-rules';
import type { OffenceGroupSource } from './offence-groups';
import { loadDenominators, loadValues, type Values } from './panel-data';

type SeriesRow = typeof statisticSeries.$inferSelect;
type Options = { year: number | undefined; mode: TImmigrationLawMode; places: Map<string, Place> };
export type LoadedPanel = TEvidencePanel & { years: number[] };

const facts = (row: SeriesRow): SeriesFacts => row as unknown as SeriesFacts;
const labelled = (group: TStatisticGroup) => ({ code: group, label: STATISTIC_GROUP_LABELS[group] });
const groupOf = (row: SeriesRow) => row.groupCode as TStatisticGroup;

/**
 * The panels of one source's offence group for a country: its series split into definition sets
 * (definition-sets.ts), so that series of different definitions never share a panel, an axis or a
 * derived complement; one panel per set, with the mismatches that kept them apart as warnings.
 */
export async function loadPanels(
  db: Executor,
  reader: Actor,
  config: OffenceGroupSource,
  country: { code: string; place: Place },
  options: Options,
): Promise<{ panels: LoadedPanel[]; warnings: string[] }> {
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
  if (series.length === 0) return { panels: [], warnings: [] };
  const values = await loadValues(
    db,
    series.map((row) => row.id),
  );
  const denominators = await loadDenominators(db, reader, series);
  const { sets, mismatches } = definitionSets(
    series.map((row): PanelSeries & { row: SeriesRow } => ({
      ...(facts(row) as Omit<SeriesFacts, 'key'>),
      label: `${row.indicatorName}, ${STATISTIC_GROUP_LABELS[groupOf(row)].toLowerCase()}`,
      group: groupOf(row),
      role: (Object.keys(keys) as Role[]).find((role) => keys[role] === row.indicatorCode)!,
      row,
    })),
  );
  const warnings = [...mismatches];
  const panels: LoadedPanel[] = [];
  for (const set of sets) {
    const panel = buildPanel(
      set.map(({ role, row }) => ({ role, row })),
      { config, country, options, values, denominators, split: sets.length > 1 },
    );
    if (!panel) continue;
    panels.push(panel);
    // A group whose complement cannot be derived here, because the total is of other definitions.
    const groups = new Set(set.map((item) => item.group));
    for (const group of groups) {
      const other = complementGroup(group);
      if (other && !groups.has(other) && !groups.has('total') && series.some((row) => groupOf(row) === 'total'))
        warnings.push(
          `${STATISTIC_GROUP_LABELS[other]} are not derived as the total minus ${STATISTIC_GROUP_LABELS[group].toLowerCase()} in “${panel.title}”: ` +
            'the total and that group are not counted by the same definitions, and a difference of figures that count different things counts nothing.',
        );
    }
  }
  return { panels, warnings: [...new Set(warnings)] };
}

interface PanelContext {
  config: OffenceGroupSource;
  country: { code: string; place: Place };
  options: Options;
  values: Map<string, Values>;
  denominators: Map<string, { series: SeriesRow; values: Values }>;
  /** The source's series are in more than one panel: the title names the groups of this one. */
  split: boolean;
}

/**
 * One panel of official figures: a definition set's groups side by side (the one the source lacks
 * derived from the total, of the same definitions), every year as a time series, the chosen
 * year's figures with their rates or the reason none is given, and the valid rates of every
 * country for the choropleth. Null when the set has no figures for the country.
 */
function buildPanel(set: { role: Role; row: SeriesRow }[], context: PanelContext): LoadedPanel | null {
  const { config, country, options, values, denominators } = context;
  const series = set.map(({ row }) => row);
  const byRole = new Map<Role, Map<TStatisticGroup, SeriesRow>>();
  for (const { role, row } of set) byRole.set(role, (byRole.get(role) ?? new Map()).set(groupOf(row), row));
  const own = (row: SeriesRow | undefined) => (row ? values.get(row.id) : undefined);
  const countryYears = new Set<number>();
  for (const row of series) for (const year of own(row)?.get(country.code)?.keys() ?? []) countryYears.add(year);
  if (countryYears.size === 0) return null;
  const years = [...countryYears].sort((a, b) => a - b);
  const year = options.year ?? years.at(-1)!;

  // The groups side by side: those the set has besides the total, each with its complement where the set has the total.
  const present = new Set(series.map(groupOf));
  const sides = new Set<TStatisticGroup>();
  for (const group of present) {
    const other = complementGroup(group);
    if (!other) continue;
    sides.add(group);
    if (present.has('total')) sides.add(other);
  }
  const groups = STATISTIC_GROUPS.filter((group) => sides.has(group));
  // The lines of the chart and the maps: the groups side by side, or the total alone where the set has nothing else.
  const lines = groups.length > 0 ? groups : STATISTIC_GROUPS.filter((group) => present.has(group));
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
  const figureFacts = (group: TStatisticGroup, reference: SeriesRow): SeriesFacts => {
    const base = facts(reference);
    const other = derivedFrom(group);
    if (other === null) return base;
    // Derived: counted as the group subtracted is (the total may have no split of its own).
    const subtracted = sourcesOf(group).find((row) => groupOf(row) === other);
    return { ...base, key: `${base.key} (derived)`, groupCode: group, groupDefinition: facts(subtracted ?? reference).groupDefinition, denominator: null };
  };
  /** The population series a rate shown was divided by: their sources and caveats are the panel's too. */
  const usedDenominators = new Set<SeriesRow>();
  const rateOf = (group: TStatisticGroup, reference: SeriesRow, value: TFigureValue, code: string, place: Place, y: number) => {
    const figure = figureFacts(group, reference);
    const linked = figure.denominator?.seriesKey ? denominators.get(figure.denominator.seriesKey) : undefined;
    const denominator: Denominator | null = linked ? { series: facts(linked.series), values: linked.values.get(code) ?? new Map() } : null;
    const rate = rateFor({ figure, value, year: y, place, denominator });
    if (rate.valid && linked) usedDenominators.add(linked.series);
    return rate;
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
        ? `Derived by Demarche: the total minus ${STATISTIC_GROUP_LABELS[other].toLowerCase()}, each as the source counts them and by the same definitions. ` +
          'Within one offence key each person is counted once and in one of the two groups, so the difference is exact.'
        : null,
      seriesBreak: breakAt(reference, year),
      seriesKeys: used.map((row) => row.key),
    };
  };
  const figures = groups.map(figure).filter((item): item is TEvidenceFigure => item !== null);
  const total = present.has('total') ? figure('total') : null;

  const inRole = (role: Role) => byRole.get(role)?.get('total') ?? byRole.get(role)?.values().next().value;
  const reference = inRole('included') ?? inRole('excluded') ?? series[0]!;
  const shown = presentSeries(reference);
  const effective = !config.containsImmigrationLaw ? reference.immigrationLawOffences : options.mode === 'exclude' ? 'excluded' : 'included';
  // Every set's series agree on the group definition where they have one (definition-sets.ts); a total has none.
  const definition = (series.find((row) => row.groupDefinition !== 'none')?.groupDefinition ?? reference.groupDefinition) as TGroupDefinition;
  const allCountries = new Set<string>();
  for (const row of series) for (const code of own(row)?.keys() ?? []) allCountries.add(code);
  const map = lines.map((group) => {
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
  const shownGroups = [...(present.has('total') ? (['total'] as const) : []), ...groups];
  const idKey = `${config.source}/${config.indicatorPrefix}:${config.included ?? config.excluded ?? config.only}`;
  const title = `${shown.justiceStage.label.split(' (')[0]}: ${offenceRow.offenceName ?? offenceRow.indicatorName} (${reference.publisher}, ${reference.tableId})`;
  return {
    id: context.split ? `${idKey}#${shownGroups.join('+')}` : idKey,
    title: context.split ? `${title}: ${shownGroups.map((group) => STATISTIC_GROUP_LABELS[group].toLowerCase()).join(', ')}` : title,
    offence: { key: offenceRow.offenceKey ?? '', name: offenceRow.offenceName ?? offenceRow.indicatorName },
    definitions: {
      justiceStage: shown.justiceStage,
      groupDefinition: { code: definition, label: GROUP_DEFINITION_LABELS[definition] },
      immigrationLawOffences: { code: effective as never, label: IMMIGRATION_LAW_OFFENCE_LABELS[effective as keyof typeof IMMIGRATION_LAW_OFFENCE_LABELS] },
      standardisation: shown.standardisation,
      coverage: shown.coverage,
      unit: shown.unit,
    },
    figures,
    total,
    series: lines.map((group) => ({ group: labelled(group), points: years.map((y) => ({ year: y, value: yearFigure(group, country.code, y).value })) })),
    seriesBreaks: reference.seriesBreaks,
    map,
    caveats: [...new Set([...usedSeries, ...usedDenominators].flatMap((row) => row.caveats))],
    source: sourceOf(reference),
    denominatorSources: [...new Map([...usedDenominators].map((row) => [row.url + row.tableId, sourceOf(row)])).values()],
    years,
  };
}

function sourceOf(row: SeriesRow): TEvidencePanel['source'] {
  return { publisher: row.publisher, tableId: row.tableId, title: row.tableTitle, url: row.url, licence: row.licence, retrievedOn: row.retrievedOn };
}
