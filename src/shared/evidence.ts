import { z } from 'zod';
import {
  ZCoverage,
  ZGroupDefinition,
  ZImmigrationLawOffences,
  ZJusticeStage,
  ZStandardisation,
  ZStatisticGroup,
  ZStatisticSeries,
  ZStatisticUnit,
  ZYear,
} from './statistics';

/**
 * The evidence panel's contract: official figures for both groups with their definitions, a
 * rate only where a valid denominator exists (else the reason in words), immigration-law
 * offences excluded by default (a bounded range where the source cannot separate them),
 * warnings on definition mismatches, every caveat and source; beside them the incidents posts
 * reported, counted for the reader and labelled as reported incidents, not a crime rate.
 * The rules themselves are in src/server/evidence/evidence-rules.ts (docs/evidence.md).
 */

export const IMMIGRATION_LAW_MODES = ['exclude', 'include'] as const;
export const ZImmigrationLawMode = z.enum(IMMIGRATION_LAW_MODES, { error: 'must be include or exclude' });
export type TImmigrationLawMode = (typeof IMMIGRATION_LAW_MODES)[number];

export const ZEvidenceQuery = z.object({
  country: z.string({ error: 'is required: an ISO 3166 alpha-2 code such as DE' }).regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code such as DE'),
  /** An incident category; its official figures are shown where it maps to an offence group. */
  category: z.string().max(100, 'must be at most 100 characters').optional(),
  /** The year of the figures shown side by side (default: the latest year with official figures). */
  year: ZYear.optional(),
  /** Immigration-law offences are excluded by default. */
  immigrationLaw: ZImmigrationLawMode.default('exclude'),
});
export type TEvidenceQuery = z.infer<typeof ZEvidenceQuery>;

const ZLabelled = <T extends z.ZodType>(code: T) => z.object({ code, label: z.string() });

/** A figure as the data supports it: exact, a bounded range with its reason, or none with its reason. */
export const ZFigureValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exact'), value: z.number() }),
  z.object({ kind: z.literal('range'), low: z.number(), high: z.number(), reason: z.string() }),
  z.object({ kind: z.literal('none'), reason: z.string() }),
]);
export type TFigureValue = z.infer<typeof ZFigureValue>;

/** A rate per 100,000 of the group's residents, or the reason why none is given. */
export const ZRate = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    /** Per 100,000; a pair when the figure is a range. */
    low: z.number(),
    high: z.number(),
    denominator: z.object({ seriesKey: z.string(), year: z.number().int(), value: z.number(), description: z.string() }),
  }),
  z.object({ valid: z.literal(false), reason: z.string() }),
]);
export type TRate = z.infer<typeof ZRate>;

export const ZEvidenceFigure = z.object({
  group: ZLabelled(ZStatisticGroup),
  year: z.number().int(),
  value: ZFigureValue,
  /** How immigration-law offences are treated in this figure, in words. */
  immigrationLaw: z.string(),
  rate: ZRate,
  /** How Demarche derived it from published figures (null: published as is). */
  derived: z.string().nullable(),
  /** A series break falls between the year before and this one. */
  seriesBreak: z.string().nullable(),
  /** The series the figure was read or derived from. */
  seriesKeys: z.array(z.string()),
});
export type TEvidenceFigure = z.infer<typeof ZEvidenceFigure>;

export const ZEvidencePoint = z.object({ year: z.number().int(), value: ZFigureValue });

/** One definition set (one source, one offence group, one justice stage): one chart, both groups side by side. */
export const ZEvidencePanel = z.object({
  id: z.string(),
  title: z.string(),
  offence: z.object({ key: z.string(), name: z.string() }),
  definitions: z.object({
    justiceStage: ZLabelled(ZJusticeStage),
    groupDefinition: ZLabelled(ZGroupDefinition),
    immigrationLawOffences: ZLabelled(ZImmigrationLawOffences),
    standardisation: ZLabelled(ZStandardisation),
    coverage: ZLabelled(ZCoverage),
    unit: ZLabelled(ZStatisticUnit),
  }),
  /** The two groups of the definition, in the same layout and precision. */
  figures: z.array(ZEvidenceFigure),
  /** Everyone, for context (null when the source has no total). */
  total: ZEvidenceFigure.nullable(),
  /** Per group, every year the source has: the time series of the chart. */
  series: z.array(z.object({ group: ZLabelled(ZStatisticGroup), points: z.array(ZEvidencePoint) })),
  seriesBreaks: z.array(z.object({ year: z.number().int(), note: z.string() })),
  /** Valid rates per country for the year (the choropleth), or why there are none. */
  map: z.array(
    z.object({
      group: ZLabelled(ZStatisticGroup),
      rates: z.array(z.object({ country: z.string(), name: z.string(), low: z.number(), high: z.number() })),
      none: z.string().nullable(),
    }),
  ),
  caveats: z.array(z.string()),
  source: z.object({
    publisher: z.string(),
    tableId: z.string(),
    title: z.string(),
    url: z.string(),
    licence: z.string(),
    retrievedOn: z.string(),
  }),
});
export type TEvidencePanel = z.infer<typeof ZEvidencePanel>;

export const ZEvidenceWarning = z.object({ kind: z.enum(['definition_mismatch', 'series_break', 'category_unmapped']), message: z.string() });
export type TEvidenceWarning = z.infer<typeof ZEvidenceWarning>;

export const ZCountedBy = z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int() }));

export const ZEvidence = z.object({
  country: z.object({ code: z.string(), name: z.string() }),
  /** The year of the figures side by side; null when there are no official figures. */
  year: z.number().int().nullable(),
  /** Years with official figures in any panel, oldest first. */
  years: z.array(z.number().int()),
  immigrationLaw: ZImmigrationLawMode,
  category: z.object({ code: z.string(), name: z.string() }).nullable(),
  offenceGroup: z.object({ id: z.string(), label: z.string(), description: z.string() }),
  panels: z.array(ZEvidencePanel),
  /** Official figures about the country of another kind (population shares), with their own definitions. */
  context: z.array(z.object({ year: z.number().int(), value: z.number(), series: ZStatisticSeries })),
  warnings: z.array(ZEvidenceWarning),
  /** Every caveat of the figures shown, once. */
  caveats: z.array(z.string()),
  sources: z.array(z.object({ publisher: z.string(), tableId: z.string(), title: z.string(), url: z.string(), licence: z.string(), retrievedOn: z.string() })),
  reported: z.object({
    label: z.string(),
    note: z.string(),
    total: z.number().int(),
    byLegalStatus: ZCountedBy,
    byVerification: ZCountedBy,
    byReliability: ZCountedBy,
  }),
});
export type TEvidence = z.infer<typeof ZEvidence>;

/** The offence groups the panel can show, and which incident categories map to them. */
export const ZOffenceGroupList = z.object({
  items: z.array(z.object({ id: z.string(), label: z.string(), description: z.string(), categories: z.array(z.string()) })),
});
