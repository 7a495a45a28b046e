import { z } from 'zod';
import { ZDate } from './dates';
import { ZPageQuery } from './pagination';
import { ZProblem } from './problem';

/**
 * Official statistics: aggregate figures published by a statistics office, a police or a
 * ministry, each with the definitions that say what it counts. A series (one publisher's
 * table, one indicator, one group) carries the definitions once; its yearly values per
 * country reference it. docs/statistics.md explains the model and the mapping files.
 */

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** How far along the justice process the figure counts: a suspect is not a convicted offender. */
export const JUSTICE_STAGES = ['recorded_offence', 'suspect', 'prosecuted', 'convicted', 'prisoner', 'not_applicable'] as const;
export const ZJusticeStage = oneOf(JUSTICE_STAGES);
export type TJusticeStage = (typeof JUSTICE_STAGES)[number];
export const JUSTICE_STAGE_LABELS: Record<TJusticeStage, string> = {
  recorded_offence: 'Recorded offences (crimes reported to or found by the police)',
  suspect: 'Suspects (identified by the police, not convicted)',
  prosecuted: 'Prosecuted',
  convicted: 'Convicted',
  prisoner: 'Prisoners',
  not_applicable: 'Not a justice statistic',
};

/** Who belongs to a group, and by what criterion. */
export const GROUP_DEFINITIONS = ['citizenship', 'country_of_birth', 'migration_background', 'none'] as const;
export const ZGroupDefinition = oneOf(GROUP_DEFINITIONS);
export type TGroupDefinition = (typeof GROUP_DEFINITIONS)[number];
export const GROUP_DEFINITION_LABELS: Record<TGroupDefinition, string> = {
  citizenship: 'By citizenship',
  country_of_birth: 'By country of birth',
  migration_background: 'By migration background',
  none: 'No split into groups',
};

export const STATISTIC_GROUPS = [
  'total',
  'nationals',
  'foreign_nationals',
  'native_born',
  'foreign_born',
  'with_migration_background',
  'without_migration_background',
] as const;
export const ZStatisticGroup = oneOf(STATISTIC_GROUPS);
export type TStatisticGroup = (typeof STATISTIC_GROUPS)[number];
export const STATISTIC_GROUP_LABELS: Record<TStatisticGroup, string> = {
  total: 'Total (everyone)',
  nationals: 'Nationals (citizens of the country)',
  foreign_nationals: 'Foreign nationals (non-citizens)',
  native_born: 'Native-born',
  foreign_born: 'Foreign-born',
  with_migration_background: 'With migration background',
  without_migration_background: 'Without migration background',
};

/** Offences against immigration and residence law, which only non-nationals can commit. */
export const IMMIGRATION_LAW_OFFENCES = ['included', 'excluded', 'only', 'not_applicable', 'unknown'] as const;
export const ZImmigrationLawOffences = oneOf(IMMIGRATION_LAW_OFFENCES);
export type TImmigrationLawOffences = (typeof IMMIGRATION_LAW_OFFENCES)[number];
export const IMMIGRATION_LAW_OFFENCE_LABELS: Record<TImmigrationLawOffences, string> = {
  included: 'Includes immigration-law offences',
  excluded: 'Excludes immigration-law offences',
  only: 'Immigration-law offences only',
  not_applicable: 'Not an offence statistic',
  unknown: 'Unknown whether immigration-law offences are included',
};

export const STANDARDISATIONS = ['none', 'age', 'age_sex', 'socio_economic'] as const;
export const ZStandardisation = oneOf(STANDARDISATIONS);
export type TStandardisation = (typeof STANDARDISATIONS)[number];
export const STANDARDISATION_LABELS: Record<TStandardisation, string> = {
  none: 'Not standardised',
  age: 'Standardised for age',
  age_sex: 'Standardised for age and sex',
  socio_economic: 'Standardised for socio-economic factors',
};

export const STATISTIC_UNITS = ['count', 'percent', 'per_100k'] as const;
export const ZStatisticUnit = oneOf(STATISTIC_UNITS);
export type TStatisticUnit = (typeof STATISTIC_UNITS)[number];
export const STATISTIC_UNIT_LABELS: Record<TStatisticUnit, string> = {
  count: 'Number',
  percent: 'Per cent',
  per_100k: 'Per 100,000 residents',
};

/**
 * What a series counts: figures (offences, suspects, shares), or a population that figures may
 * be divided by to give a rate (a denominator, linked by its series key).
 */
export const SERIES_KINDS = ['figure', 'population'] as const;
export const ZSeriesKind = oneOf(SERIES_KINDS);
export type TSeriesKind = (typeof SERIES_KINDS)[number];
export const SERIES_KIND_LABELS: Record<TSeriesKind, string> = {
  figure: 'Figure',
  population: 'Population (a denominator for rates)',
};

/**
 * Whom the figure covers. A rate per 100,000 residents needs a numerator of residents and a
 * resident population: suspects who include tourists and people without residence cannot be
 * divided by the resident population of their group.
 */
export const COVERAGES = ['residents', 'includes_non_residents', 'unknown', 'not_applicable'] as const;
export const ZCoverage = oneOf(COVERAGES);
export type TCoverage = (typeof COVERAGES)[number];
export const COVERAGE_LABELS: Record<TCoverage, string> = {
  residents: 'Residents only',
  includes_non_residents: 'Includes people who do not live in the country',
  unknown: 'Unknown whether non-residents are included',
  not_applicable: 'Not a count of people',
};

/** A code with its human label, as every enumeration leaves the API. */
const ZLabelled = <T extends z.ZodType>(code: T) => z.object({ code, label: z.string() });

// ---------------------------------------------------------------------------------------------
// The mapping file: how one publisher's table becomes series and values.

const ZText = (max = 500) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** A column of the table: its header text, or its position counted from 1. */
const ZColumnRef = z.union([ZText(200), z.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000')], {
  error: 'must be a column header (text) or a column number (1 = the first column)',
});
export type TColumnRef = z.infer<typeof ZColumnRef>;
/**
 * Text the import builds from a file's cells, at most (characters). Codes and keys are indexed
 * (an indicator code, an offence key, the series key made of them): PostgreSQL refuses an index
 * entry over about 2,700 bytes, and 200 characters are at most 600 bytes of UTF-8. Names are not
 * indexed, but a cell of a megabyte is no name either.
 */
export const STATISTIC_CODE_MAX_LENGTH = 200;
export const STATISTIC_NAME_MAX_LENGTH = 500;

/** Text with {Column header} placeholders, filled with the row's cells. */
const ZTemplate = (max: number) => ZText(max).describe('Text; {Header} is replaced by the trimmed cell of that column in each row');
/** An indicator code or offence key: the mapping's text, and what it becomes in each row, at most STATISTIC_CODE_MAX_LENGTH. */
const ZCodeTemplate = ZTemplate(STATISTIC_CODE_MAX_LENGTH);
const ZNameTemplate = ZTemplate(STATISTIC_NAME_MAX_LENGTH);

const ZCondition = z
  .strictObject({
    column: ZColumnRef,
    equals: z.string().max(500).optional(),
    in: z.array(z.string().max(500)).max(1000).optional(),
    notIn: z.array(z.string().max(500)).max(1000).optional(),
    /** A regular expression the trimmed cell must match. */
    pattern: z
      .string()
      .max(500)
      .refine((pattern) => {
        try {
          new RegExp(pattern, 'u');
          return true;
        } catch {
          return false;
        }
      }, 'must be a valid regular expression')
      .optional(),
  })
  .refine((c) => [c.equals, c.in, c.notIn, c.pattern].filter((v) => v !== undefined).length === 1, {
    message: 'must have exactly one of equals, in, notIn or pattern',
  });
export type TCondition = z.infer<typeof ZCondition>;

const ZDenominator = z
  .strictObject({
    /** The key of the series this figure may be divided by, once imported (source/indicator/group). */
    seriesKey: ZText(300).nullable().default(null),
    description: ZText(1000),
  })
  .nullable();

const definitionFields = {
  justiceStage: ZJusticeStage,
  groupDefinition: ZGroupDefinition,
  immigrationLawOffences: ZImmigrationLawOffences,
  standardisation: ZStandardisation,
  /** What the figure may be divided by to give a rate; null when nothing valid exists (say why in a caveat). */
  denominator: ZDenominator,
  /** A figure, or a population (a denominator other series link to). */
  kind: ZSeriesKind,
  /** Whom the figure covers: residents only, or non-residents too (then no rate per 100,000 residents is valid). */
  coverage: ZCoverage,
};

/** Definitions every value column has, unless it says otherwise. */
const ZDefinitions = z.strictObject({
  ...definitionFields,
  denominator: ZDenominator.default(null),
  kind: ZSeriesKind.default('figure'),
  coverage: ZCoverage.default('unknown'),
});

/**
 * Definitions that override the mapping's for one value column or rule: only the fields given.
 * (No defaults here: a default in a partial would override the mapping's own value.)
 */
const ZDefinitionOverrides = z.strictObject(definitionFields).partial();

const ZCaveats = z.array(ZText(2000)).max(50, 'must have at most 50 caveats');

export const STATISTIC_SEPARATORS = ['auto', ',', ';', '\t', '|'] as const;

export const ZStatisticsMapping = z.strictObject({
  /** Where the figures come from; every series of the file carries it. */
  source: z.strictObject({
    /** Demarche's name for this publisher's table: lowercase letters, digits and hyphens; it prefixes every series key. */
    id: z
      .string({ error: 'must be text' })
      .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'must be 2–80 lowercase letters, digits and hyphens, such as bka-pks-zr-f-01-t01'),
    publisher: ZText(300),
    tableId: ZText(200),
    title: ZText(500),
    url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000, 'must be at most 2000 characters'),
    licence: ZText(300),
    retrievedOn: ZDate('2024-04-09'),
  }),
  file: z.strictObject({
    format: oneOf(['csv', 'xlsx'] as const),
    /** `auto` detects it (a UTF-8 BOM or valid UTF-8, else chardet's guess); otherwise any name iconv-lite knows (latin1, windows-1252, utf-8). */
    encoding: ZText(40).default('auto'),
    separator: z.enum(STATISTIC_SEPARATORS, { error: 'must be auto, ",", ";", a tab or "|"' }).default('auto'),
    /** XLSX: the worksheet's name, or its position counted from 1 (default the first). */
    sheet: z.union([ZText(100), z.number().int().min(1).max(1000)], { error: 'must be a worksheet name or number' }).optional(),
    /** Rows above the header row (titles, notes, column numbers). */
    skipRows: z
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(1000, 'must be at most 1000')
      .default(0),
    decimal: z.enum(['.', ','], { error: 'must be "." or ","' }).default('.'),
    thousands: z.enum(['', ',', '.', ' ', "'"], { error: 'must be "", ",", ".", " " or "\'"' }).default(''),
    /** Cells that mean "no figure" (the value is left out, not an error). */
    missing: z.array(z.string().max(20)).max(20).default(['', '-', '..', '...', 'NA', 'n/a', ':']),
  }),
  /** Rows kept: every condition must hold (others are skipped and counted in the report). */
  filters: z.array(ZCondition).max(50).default([]),
  country: z.union(
    [
      z.strictObject({ constant: z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code such as DE') }),
      z.strictObject({
        column: ZColumnRef,
        codes: oneOf(['alpha2', 'alpha3', 'm49'] as const),
        /** A code that is no country of Demarche's reference data (a world region, say): skip the row (reported) or refuse the file. */
        unmatched: oneOf(['skip', 'error'] as const).default('error'),
      }),
    ],
    { error: 'must be { "constant": "DE" } or { "column": …, "codes": "alpha2" | "alpha3" | "m49" }' },
  ),
  year: z.strictObject({ column: ZColumnRef }),
  /** The indicator of every value column, unless it names its own. */
  indicator: z.strictObject({ code: ZCodeTemplate, name: ZNameTemplate }).optional(),
  /** The offence (key and name in the publisher's classification) the figures are about, if any. */
  offence: z.strictObject({ key: ZCodeTemplate, name: ZNameTemplate }).optional(),
  definitions: ZDefinitions,
  /** Caveats the publisher gives for every figure of the table. */
  caveats: ZCaveats.default([]),
  /** Years whose figures are not comparable with the year before (counting rules changed). */
  seriesBreaks: z
    .array(z.strictObject({ year: z.number().int().min(1800).max(2200), note: ZText(1000) }))
    .max(50)
    .default([]),
  /** Definitions and caveats that apply to some rows only (the offences of one key, say). */
  rules: z
    .array(
      z.strictObject({
        when: ZCondition,
        definitions: ZDefinitionOverrides.optional(),
        caveats: ZCaveats.optional(),
      }),
    )
    .max(100)
    .default([]),
  /** Columns holding figures: each becomes a series per indicator, for its group. */
  values: z
    .array(
      z.strictObject({
        column: ZColumnRef,
        group: ZStatisticGroup,
        unit: ZStatisticUnit,
        indicator: z.strictObject({ code: ZCodeTemplate, name: ZNameTemplate }).optional(),
        definitions: ZDefinitionOverrides.optional(),
        caveats: ZCaveats.optional(),
      }),
    )
    .min(1, 'must name at least one column of figures')
    .max(50),
});
export type TStatisticsMapping = z.infer<typeof ZStatisticsMapping>;
export type TStatisticsMappingInput = z.input<typeof ZStatisticsMapping>;

// ---------------------------------------------------------------------------------------------
// The import.

/** Bytes of one uploaded file (gzipped or not); the CLI has no limit but memory. */
export const STATISTICS_UPLOAD_MAX_BYTES = 20_000_000;

export const ZStatisticsImportRequest = z.object({
  /** The file's name; `.gz` at the end, or gzip's magic bytes, means gzipped. */
  fileName: ZText(255),
  /** The file's bytes, base64-encoded (CSV in any encoding, XLSX, either gzipped or not). */
  content: z
    .string({ error: 'is required: the file, base64-encoded' })
    .min(1, 'is required: the file, base64-encoded')
    .max(Math.ceil(STATISTICS_UPLOAD_MAX_BYTES / 3) * 4, `must be at most ${STATISTICS_UPLOAD_MAX_BYTES.toLocaleString('en')} bytes once decoded`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64 (A–Z, a–z, 0–9, +, /)'),
  mapping: ZStatisticsMapping,
  /** Read and check every row, writing nothing. */
  dryRun: z.boolean({ error: 'must be true or false' }).default(false),
});
export type TStatisticsImportRequest = z.input<typeof ZStatisticsImportRequest>;

/** One problem: the row of the file (counted from 1, the rows above the header included), the column, why. */
export const ZStatisticsRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type TStatisticsRowError = z.infer<typeof ZStatisticsRowError>;

const ZCounts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

export const ZStatisticsImportReport = z.object({
  dryRun: z.boolean(),
  source: z.string(),
  file: z.object({
    name: z.string(),
    format: z.enum(['csv', 'xlsx']),
    gzipped: z.boolean(),
    /** The encoding used (detected when the mapping says auto); null for XLSX. */
    encoding: z.string().nullable(),
    separator: z.string().nullable(),
    sha256: z.string(),
  }),
  /** Data rows read below the header. */
  rows: z.number().int(),
  /** Rows left out, by reason (a filter, a world region that is no country), with a few examples. */
  skipped: z.array(z.object({ reason: z.string(), rows: z.number().int(), examples: z.array(z.string()) })),
  series: ZCounts,
  values: ZCounts,
  errors: z.array(ZStatisticsRowError),
});
export type TStatisticsImportReport = z.infer<typeof ZStatisticsImportReport>;

export const ZStatisticsImportProblem = ZProblem.extend({
  rows: z.array(ZStatisticsRowError).optional(),
  report: ZStatisticsImportReport.optional(),
});

// ---------------------------------------------------------------------------------------------
// Reading: every figure with its definitions.

export const ZStatisticSeries = z.object({
  /** source/indicator/group, stable across imports. */
  key: z.string(),
  indicator: z.object({ code: z.string(), name: z.string() }),
  offence: z.object({ key: z.string(), name: z.string() }).nullable(),
  group: ZLabelled(ZStatisticGroup),
  groupDefinition: ZLabelled(ZGroupDefinition),
  justiceStage: ZLabelled(ZJusticeStage),
  immigrationLawOffences: ZLabelled(ZImmigrationLawOffences),
  standardisation: ZLabelled(ZStandardisation),
  unit: ZLabelled(ZStatisticUnit),
  kind: ZLabelled(ZSeriesKind),
  coverage: ZLabelled(ZCoverage),
  denominator: z.object({ seriesKey: z.string().nullable(), description: z.string() }).nullable(),
  seriesBreaks: z.array(z.object({ year: z.number().int(), note: z.string() })),
  source: z.object({ id: z.string(), publisher: z.string(), tableId: z.string(), title: z.string(), url: z.string() }),
  licence: z.string(),
  retrievedOn: z.string(),
  caveats: z.array(z.string()),
  classification: z.string(),
});
export type TStatisticSeries = z.infer<typeof ZStatisticSeries>;

export const ZStatistic = z.object({
  country: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  value: z.number(),
  /** A series break falls between the year before and this one: the two are not comparable. */
  seriesBreak: z.boolean(),
  series: ZStatisticSeries,
});
export type TStatistic = z.infer<typeof ZStatistic>;

export const ZYear = z.coerce
  .number({ error: 'must be a year such as 2023' })
  .int('must be a year such as 2023')
  .min(1800, 'must be 1800 or later')
  .max(2200, 'must be 2200 or earlier');

export const ZStatisticListQuery = ZPageQuery.extend({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code such as DE')
    .optional(),
  source: z.string().max(80).optional(),
  indicator: z.string().max(500).optional(),
  /** The offence key in the publisher's classification (BKA: ------ for all offences). */
  offence: z.string().max(500).optional(),
  group: ZStatisticGroup.optional(),
  groupDefinition: ZGroupDefinition.optional(),
  justiceStage: ZJusticeStage.optional(),
  immigrationLawOffences: ZImmigrationLawOffences.optional(),
  kind: ZSeriesKind.optional(),
  from: ZYear.optional(),
  to: ZYear.optional(),
}).refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, {
  message: 'must not be after `to`',
  path: ['from'],
});
export type TStatisticListQuery = z.infer<typeof ZStatisticListQuery>;
