import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { countries } from './reference';

/**
 * A series of official figures: one publisher's table, one indicator, one group. It carries
 * the definitions once (justice stage, group definition, immigration-law offences,
 * standardisation, unit, denominator, series breaks, source, licence, caveats); its yearly
 * values per country are in statistic_values. `key` is source/indicator/group, stable across
 * imports, so that a second import finds and compares what the first one wrote.
 */
export const statisticSeries = pgTable(
  'statistic_series',
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull().unique(),
    /** The mapping's source id (the publisher's table, in Demarche's words). */
    sourceId: text().notNull(),
    publisher: text().notNull(),
    tableId: text().notNull(),
    tableTitle: text().notNull(),
    url: text().notNull(),
    licence: text().notNull(),
    retrievedOn: date({ mode: 'string' }).notNull(),
    indicatorCode: text().notNull(),
    indicatorName: text().notNull(),
    offenceKey: text(),
    offenceName: text(),
    /** total, nationals, foreign_nationals, native_born, foreign_born, … (src/shared/statistics.ts) */
    groupCode: text().notNull(),
    groupDefinition: text().notNull(),
    justiceStage: text().notNull(),
    immigrationLawOffences: text().notNull(),
    standardisation: text().notNull(),
    unit: text().notNull(),
    /** figure, or population (a denominator other series link to by key). */
    kind: text().notNull().default('figure'),
    /** residents, includes_non_residents, unknown, not_applicable: whom the figure covers. */
    coverage: text().notNull().default('unknown'),
    /** { seriesKey, description } of what the figures may be divided by, or null: no valid denominator. */
    denominator: jsonb().$type<{ seriesKey: string | null; description: string } | null>(),
    seriesBreaks: jsonb().$type<{ year: number; note: string }[]>().notNull().default([]),
    caveats: jsonb().$type<string[]>().notNull().default([]),
    /** Official statistics are public: U. The column lets the access rule treat them like any record. */
    classification: text().notNull().default('U'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('statistic_series_source_idx').on(t.sourceId),
    index('statistic_series_indicator_idx').on(t.indicatorCode),
    index('statistic_series_offence_idx').on(t.offenceKey),
    index('statistic_series_kind_idx').on(t.kind),
  ],
);

/** One figure: a series' value for a country and a year. */
export const statisticValues = pgTable(
  'statistic_values',
  {
    seriesId: uuid()
      .notNull()
      .references(() => statisticSeries.id, { onDelete: 'cascade' }),
    countryAlpha2: text()
      .notNull()
      .references(() => countries.alpha2),
    year: integer().notNull(),
    value: doublePrecision().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.countryAlpha2, t.year] }), index('statistic_values_country_year_idx').on(t.countryAlpha2, t.year)],
);
