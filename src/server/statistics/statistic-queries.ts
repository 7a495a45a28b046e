import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { TPage } from '../../shared/pagination';
import {
  COVERAGE_LABELS,
  SERIES_KIND_LABELS,
  type TCoverage,
  type TSeriesKind,
  GROUP_DEFINITION_LABELS,
  IMMIGRATION_LAW_OFFENCE_LABELS,
  JUSTICE_STAGE_LABELS,
  STANDARDISATION_LABELS,
  STATISTIC_GROUP_LABELS,
  STATISTIC_UNIT_LABELS,
  type TGroupDefinition,
  type TImmigrationLawOffences,
  type TJusticeStage,
  type TStandardisation,
  type TStatistic,
  type TStatisticGroup,
  type TStatisticListQuery,
  type TStatisticSeries,
  type TStatisticUnit,
} from '../../shared/statistics';
import type { Executor } from '../db/client';
import { countries, statisticSeries, statisticValues } from '../db/schema/index';
import { decodeCursor, toPage } from '../http/cursor';
import type { Actor } from '../identity/actor';
import { markingReadable } from '../identity/access-policy';

type SeriesRow = typeof statisticSeries.$inferSelect;

/**
 * The figures matching the filters, each with its series' definitions and caveats (never a
 * bare number), by country, series and year. Statistics are public official data: every
 * signed-in user reads them, under the same marking rule as any record (they are marked U).
 */
export async function listStatistics(db: Executor, query: TStatisticListQuery, viewer: Actor): Promise<TPage<TStatistic>> {
  const after = decodeCursor(query.cursor, ['text', 'text', 'integer']);
  const rows = await db
    .select({
      series: statisticSeries,
      country: statisticValues.countryAlpha2,
      countryName: countries.name,
      year: statisticValues.year,
      value: statisticValues.value,
    })
    .from(statisticValues)
    .innerJoin(statisticSeries, eq(statisticSeries.id, statisticValues.seriesId))
    .innerJoin(countries, eq(countries.alpha2, statisticValues.countryAlpha2))
    .where(
      and(
        statisticConditions(query, viewer),
        after
          ? sql`(${statisticValues.countryAlpha2}, ${statisticSeries.key}, ${statisticValues.year}) > (${String(after[0])}, ${String(after[1])}, ${Number(after[2])}::int)`
          : undefined,
      ),
    )
    .orderBy(asc(statisticValues.countryAlpha2), asc(statisticSeries.key), asc(statisticValues.year))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => [row.country, row.series.key, row.year]);
  return {
    items: page.items.map((row) => ({
      country: { code: row.country, name: row.countryName },
      year: row.year,
      value: row.value,
      seriesBreak: row.series.seriesBreaks.some((seriesBreak) => seriesBreak.year === row.year),
      series: presentSeries(row.series),
    })),
    nextCursor: page.nextCursor,
  };
}

export function statisticConditions(query: Omit<TStatisticListQuery, 'limit' | 'cursor'>, viewer: Actor): SQL {
  return and(
    markingReadable(viewer, statisticSeries.classification),
    query.country ? eq(statisticValues.countryAlpha2, query.country.toUpperCase()) : undefined,
    query.source ? eq(statisticSeries.sourceId, query.source) : undefined,
    query.indicator ? eq(statisticSeries.indicatorCode, query.indicator) : undefined,
    query.offence ? eq(statisticSeries.offenceKey, query.offence) : undefined,
    query.group ? eq(statisticSeries.groupCode, query.group) : undefined,
    query.groupDefinition ? eq(statisticSeries.groupDefinition, query.groupDefinition) : undefined,
    query.justiceStage ? eq(statisticSeries.justiceStage, query.justiceStage) : undefined,
    query.immigrationLawOffences ? eq(statisticSeries.immigrationLawOffences, query.immigrationLawOffences) : undefined,
    query.kind ? eq(statisticSeries.kind, query.kind) : undefined,
    query.from !== undefined ? gte(statisticValues.year, query.from) : undefined,
    query.to !== undefined ? lte(statisticValues.year, query.to) : undefined,
  ) as SQL;
}

const labelled = <T extends string>(code: string, labels: Record<T, string>) => ({ code: code as T, label: labels[code as T] ?? code });

export function presentSeries(row: SeriesRow): TStatisticSeries {
  return {
    key: row.key,
    indicator: { code: row.indicatorCode, name: row.indicatorName },
    offence: row.offenceKey === null ? null : { key: row.offenceKey, name: row.offenceName ?? row.offenceKey },
    group: labelled<TStatisticGroup>(row.groupCode, STATISTIC_GROUP_LABELS),
    groupDefinition: labelled<TGroupDefinition>(row.groupDefinition, GROUP_DEFINITION_LABELS),
    justiceStage: labelled<TJusticeStage>(row.justiceStage, JUSTICE_STAGE_LABELS),
    immigrationLawOffences: labelled<TImmigrationLawOffences>(row.immigrationLawOffences, IMMIGRATION_LAW_OFFENCE_LABELS),
    standardisation: labelled<TStandardisation>(row.standardisation, STANDARDISATION_LABELS),
    unit: labelled<TStatisticUnit>(row.unit, STATISTIC_UNIT_LABELS),
    kind: labelled<TSeriesKind>(row.kind, SERIES_KIND_LABELS),
    coverage: labelled<TCoverage>(row.coverage, COVERAGE_LABELS),
    denominator: row.denominator,
    seriesBreaks: row.seriesBreaks,
    source: { id: row.sourceId, publisher: row.publisher, tableId: row.tableId, title: row.tableTitle, url: row.url },
    licence: row.licence,
    retrievedOn: row.retrievedOn,
    caveats: row.caveats,
    classification: row.classification,
  };
}
