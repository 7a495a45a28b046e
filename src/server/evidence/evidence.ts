import { createRequire } from 'node:module';
import { and, desc, eq, lte, type SQL } from 'drizzle-orm';
import type { Country } from 'world-countries';
import type { TEvidence, TEvidenceQuery, TEvidenceWarning } from '../../shared/evidence';
import type { Executor } from '../db/client';
import { countries, incidentCategories, statisticSeries, statisticValues } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { markingReadable, requirePermission } from '../identity/access-policy';
import { presentSeries } from '../statistics/statistic-queries';
import { definitionMismatches, breaksBetween } from './evidence-rules';
import { type LoadedPanel, loadPanels } from './evidence-panels';
import { loadPlaces } from './panel-data';
import { type OffenceGroup, offenceGroupFor, offenceGroups } from './offence-groups';
import { reportedIncidents } from './reported-incidents';

const require = createRequire(import.meta.url);
let demonyms: Map<string, string> | undefined;
function demonymsByCountry(): Map<string, string> {
  demonyms ??= new Map(
    (require('world-countries') as Country[]).flatMap((country): [string, string][] =>
      country.demonyms?.eng?.m ? [[country.cca2, country.demonyms.eng.m]] : [],
    ),
  );
  return demonyms;
}

/**
 * The evidence panel for a country: the official figures of the offence group (the category's,
 * or all offences) for both groups, as the validity rules allow (evidence-rules.ts), with every
 * warning, caveat and source; and the incidents reported by posts that the reader may see.
 */
export async function getEvidence(
  db: Executor,
  query: TEvidenceQuery,
  reader: Actor,
  options: { offenceGroups?: readonly OffenceGroup[] } = {},
): Promise<TEvidence> {
  requirePermission(reader, 'records.read');
  const code = query.country.toUpperCase();
  const [country] = await db.select({ code: countries.alpha2, name: countries.name }).from(countries).where(eq(countries.alpha2, code)).limit(1);
  if (!country) throw AppError.validation([{ field: 'query.country', message: `must be a country of the reference data; ${code} is none` }]);
  let category: TEvidence['category'] = null;
  if (query.category !== undefined) {
    const [row] = await db
      .select({ code: incidentCategories.code, name: incidentCategories.name })
      .from(incidentCategories)
      .where(eq(incidentCategories.code, query.category))
      .limit(1);
    if (!row) throw AppError.validation([{ field: 'query.category', message: `must be an incident category; "${query.category}" is none` }]);
    category = row;
  }
  const groups = options.offenceGroups ?? offenceGroups();
  const offenceGroup = offenceGroupFor(query.category, groups);
  const warnings: TEvidenceWarning[] = [];
  if (!offenceGroup && category)
    warnings.push({
      kind: 'category_unmapped',
      message: `No official statistic counts offences of the category “${category.name}” as such, so no official figures are shown for it: figures of another offence group would not be about the same thing.`,
    });

  const places = await loadPlaces(db, demonymsByCountry());
  const place = places.get(country.code) ?? { name: country.name, demonym: null };
  // Per source, its panels (one per definition set) and why its series were kept apart.
  const panels: (LoadedPanel & { origin: number })[] = [];
  for (const [origin, source] of (offenceGroup?.sources ?? []).entries()) {
    const loaded = await loadPanels(db, reader, source, { code: country.code, place }, { year: query.year, mode: query.immigrationLaw, places });
    panels.push(...loaded.panels.map((panel) => ({ ...panel, origin })));
    for (const message of loaded.warnings) warnings.push({ kind: 'definition_mismatch', message });
  }
  const years = [...new Set(panels.flatMap((panel) => panel.years))].sort((a, b) => a - b);
  const year = panels.length === 0 ? null : (query.year ?? years.at(-1)!);

  for (const panel of panels) {
    const breaks = breaksBetween(panel, panel.years[0]!, panel.years.at(-1)!);
    for (const seriesBreak of breaks)
      warnings.push({
        kind: 'series_break',
        message: `${panel.title}: a series break in ${seriesBreak.year}. ${seriesBreak.note} The chart marks it; do not compare figures across it.`,
      });
  }
  const compared = panels.map((panel) => ({
    origin: panel.origin,
    label: panel.title,
    groupDefinition: panel.definitions.groupDefinition.code,
    justiceStage: panel.definitions.justiceStage.code,
    immigrationLawOffences: panel.definitions.immigrationLawOffences.code,
    standardisation: panel.definitions.standardisation.code,
    unit: panel.definitions.unit.code,
  }));
  // Panels of different sources (the panels of one source were compared series by series above).
  for (let i = 0; i < compared.length; i += 1)
    for (let j = i + 1; j < compared.length; j += 1)
      if (compared[i]!.origin !== compared[j]!.origin)
        for (const message of definitionMismatches(compared[i]!, compared[j]!)) warnings.push({ kind: 'definition_mismatch', message });

  const context = await contextFigures(db, reader, country.code, year);
  for (const item of context)
    for (const panel of compared)
      for (const message of definitionMismatches(panel, {
        label: item.series.indicator.name,
        groupDefinition: item.series.groupDefinition.code,
        justiceStage: item.series.justiceStage.code,
        immigrationLawOffences: item.series.immigrationLawOffences.code,
        standardisation: item.series.standardisation.code,
        unit: item.series.unit.code,
      }))
        warnings.push({ kind: 'definition_mismatch', message });

  const sources = new Map<string, TEvidence['sources'][number]>();
  for (const panel of panels) for (const source of [panel.source, ...panel.denominatorSources]) sources.set(source.url + source.tableId, source);
  for (const item of context) {
    const { source, licence, retrievedOn } = item.series;
    sources.set(source.url + source.tableId, {
      publisher: source.publisher,
      tableId: source.tableId,
      title: source.title,
      url: source.url,
      licence,
      retrievedOn,
    });
  }
  return {
    country,
    year,
    years,
    immigrationLaw: query.immigrationLaw,
    category,
    offenceGroup: offenceGroup
      ? { id: offenceGroup.id, label: offenceGroup.label, description: offenceGroup.description }
      : { id: 'none', label: 'No matching offence group', description: 'The category maps to no offence group of the official statistics.' },
    panels: panels.map(({ years: _years, origin: _origin, ...panel }) => panel),
    context,
    warnings,
    caveats: [...new Set([...panels.flatMap((panel) => panel.caveats), ...context.flatMap((item) => item.series.caveats)])],
    sources: [...sources.values()],
    reported: await reportedIncidents(db, reader, country, query.category),
  };
}

/**
 * Official figures about the country that are not justice statistics (the share of the
 * population born abroad): the latest value up to the year, with its own definitions, so that
 * the panel can say why they are not compared with the crime figures.
 */
async function contextFigures(db: Executor, reader: Actor, country: string, year: number | null): Promise<TEvidence['context']> {
  const rows = await db
    .selectDistinctOn([statisticSeries.key], { series: statisticSeries, year: statisticValues.year, value: statisticValues.value })
    .from(statisticValues)
    .innerJoin(statisticSeries, eq(statisticSeries.id, statisticValues.seriesId))
    .where(
      and(
        markingReadable(reader, statisticSeries.classification),
        eq(statisticValues.countryAlpha2, country),
        eq(statisticSeries.kind, 'figure'),
        eq(statisticSeries.justiceStage, 'not_applicable'),
        year === null ? undefined : lte(statisticValues.year, year),
      ) as SQL,
    )
    .orderBy(statisticSeries.key, desc(statisticValues.year))
    .limit(20);
  return rows.map((row) => ({ year: row.year, value: row.value, series: presentSeries(row.series) }));
}
