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

const ZEvidenceSource = z.object({
  publisher: z.string(),
  tableId: z.string(),
  title: z.string(),
  url: z.string(),
  licence: z.string(),
  retrievedOn: z.string(),
});

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
  /** Every caveat of the figures shown, the populations their rates were divided by included. */
  caveats: z.array(z.string()),
  source: ZEvidenceSource,
  /** The sources of the population series the panel's rates were divided by (empty when it shows no rate). */
  denominatorSources: z.array(ZEvidenceSource),
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

// ---------------------------------------------------------------------------------------------
// The offence groups: which official figures the panel shows for an incident category. Data, not
// code (docs/mappings/offence-groups.json, read at start-up): a new publisher's table needs its
// statistics mapping and an entry here, no code.

const ZOffenceKey = z
  .string({ error: 'must be text: an offence key of the source' })
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/** Where one source counts an offence group: indicator codes `${indicatorPrefix}:${key}` of the source's series. */
export const ZOffenceGroupSource = z
  .strictObject({
    /** The statistics mapping's source id (bka-pks-zr-f-01-t01). */
    source: z.string({ error: 'must be a source id' }).regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'must be a source id such as bka-pks-zr-f-01-t01'),
    /** Indicator codes are `${indicatorPrefix}:${key}` (the BKA mapping: suspects:------). */
    indicatorPrefix: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
    /** The key of the offence group with immigration-law offences in it, where it has them (BKA: ------). */
    included: ZOffenceKey.optional(),
    /** The key of the offence group without them, or of a group that never had them (BKA: 890000, 892000). */
    excluded: ZOffenceKey.optional(),
    /** The key of the immigration-law offences alone (BKA: 725000). */
    only: ZOffenceKey.optional(),
    /** Whether the offence group contains immigration-law offences at all (violent crime does not). */
    containsImmigrationLaw: z.boolean({ error: 'must be true or false' }),
  })
  .refine((s) => s.included !== undefined || s.excluded !== undefined || s.only !== undefined, {
    message: 'must name at least one of the keys included, excluded or only',
  })
  .refine((s) => s.containsImmigrationLaw || (s.included === undefined && s.only === undefined), {
    message: 'has no immigration-law offences (containsImmigrationLaw: false), so it names only the key `excluded`',
  });
export type TOffenceGroupSource = z.infer<typeof ZOffenceGroupSource>;

export const ZOffenceGroup = z.strictObject({
  id: z.string({ error: 'must be text' }).regex(/^[a-z0-9_]{2,60}$/, 'must be 2–60 lowercase letters, digits and underscores'),
  label: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  description: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
  /** Incident categories (codes) whose official figures these are; none for all offences. */
  categories: z.array(z.string().min(1).max(100)).max(100),
  sources: z.array(ZOffenceGroupSource).max(20),
});
export type TOffenceGroup = z.infer<typeof ZOffenceGroup>;

/** The id of the offence group shown when no incident category is chosen. */
export const ALL_OFFENCES = 'all_offences';

export const ZOffenceGroupsFile = z
  .strictObject({ groups: z.array(ZOffenceGroup).min(1, 'must list at least the offence group all_offences').max(200) })
  .superRefine(({ groups }, context) => {
    const ids = new Map<string, number>();
    const categories = new Map<string, string>();
    for (const [index, group] of groups.entries()) {
      if (ids.has(group.id)) context.addIssue({ code: 'custom', path: ['groups', index, 'id'], message: `repeats the id of groups.${ids.get(group.id)}` });
      ids.set(group.id, index);
      for (const category of group.categories) {
        const earlier = categories.get(category);
        if (earlier) context.addIssue({ code: 'custom', path: ['groups', index, 'categories'], message: `maps "${category}", which ${earlier} maps already` });
        categories.set(category, group.id);
      }
    }
    if (!ids.has(ALL_OFFENCES))
      context.addIssue({ code: 'custom', path: ['groups'], message: `must have the group "${ALL_OFFENCES}", shown without a category` });
    const all = groups.find((group) => group.id === ALL_OFFENCES);
    if (all && all.categories.length > 0)
      context.addIssue({
        code: 'custom',
        path: ['groups', ids.get(ALL_OFFENCES)!, 'categories'],
        message: 'must be empty: all offences are shown when no category is chosen',
      });
  });
