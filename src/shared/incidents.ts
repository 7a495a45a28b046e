import { z } from 'zod';
import { checkDateRange, ZDate } from './dates';
import { ZClearance } from './identity';
import { ZPageQuery } from './pagination';
import { patchOf } from './patch';
import { ZReliability, ZSource, ZSourceFields } from './sources';
import { ZReturned } from './workflow';

/**
 * Incidents: reported events a directive asks about. Every suspect status is recorded alike
 * (nationals as well as foreign nationals, "not stated" as well as "unknown"), and attacks on
 * migrants are a category like any other: the model is not pre-filtered through suspicion.
 */

export const INCIDENT_STATUSES = ['draft', 'submitted', 'verified', 'rejected'] as const;
export const ZIncidentStatus = z.enum(INCIDENT_STATUSES, { error: `must be one of ${INCIDENT_STATUSES.join(', ')}` });
export type TIncidentStatus = z.infer<typeof ZIncidentStatus>;

export const GEO_PRECISIONS = ['exact', 'town', 'district', 'region', 'country'] as const;
export const ZGeoPrecision = z.enum(GEO_PRECISIONS, { error: `must be one of ${GEO_PRECISIONS.join(', ')}` });

export const TIME_PRECISIONS = ['day', 'week', 'month'] as const;
export const ZTimePrecision = z.enum(TIME_PRECISIONS, { error: `must be one of ${TIME_PRECISIONS.join(', ')}` });

/** reported → under investigation → charged → convicted | acquitted | dismissed. */
export const LEGAL_STATUSES = ['reported', 'under_investigation', 'charged', 'convicted', 'acquitted', 'dismissed'] as const;
export const ZLegalStatus = z.enum(LEGAL_STATUSES, { error: `must be one of ${LEGAL_STATUSES.join(', ')}` });
export type TLegalStatus = z.infer<typeof ZLegalStatus>;

/**
 * The statuses each legal status may move to. A step may be skipped (a source first reports
 * the charge); a case closes as convicted, acquitted or dismissed; an appeal that overturns a
 * verdict is recorded as the new outcome (convicted → acquitted, acquitted → convicted).
 */
export const LEGAL_NEXT: Record<TLegalStatus, readonly TLegalStatus[]> = {
  reported: ['under_investigation', 'charged', 'dismissed'],
  under_investigation: ['charged', 'dismissed'],
  charged: ['convicted', 'acquitted', 'dismissed'],
  convicted: ['acquitted'],
  acquitted: ['convicted'],
  dismissed: ['under_investigation'],
};

/** The words every view uses, so an allegation never reads as a conviction. */
export const LEGAL_STATUS_LABELS: Record<TLegalStatus, string> = {
  reported: 'Reported (allegation, no charge)',
  under_investigation: 'Under investigation (no charge)',
  charged: 'Charged (not convicted)',
  convicted: 'Convicted',
  acquitted: 'Acquitted',
  dismissed: 'Dismissed',
};

/** As the source reports it; never ethnicity, religion, a name or any other identifier. */
export const SUSPECT_STATUSES = ['national', 'foreign_national', 'asylum_seeker', 'no_residence_status', 'unknown', 'not_stated'] as const;
export const ZSuspectStatus = z.enum(SUSPECT_STATUSES, { error: `must be one of ${SUSPECT_STATUSES.join(', ')}` });
export type TSuspectStatus = z.infer<typeof ZSuspectStatus>;

export const SUSPECT_STATUS_LABELS: Record<TSuspectStatus, string> = {
  national: 'National',
  foreign_national: 'Foreign national',
  asylum_seeker: 'Asylum seeker',
  no_residence_status: 'Person without residence status',
  unknown: 'Unknown',
  not_stated: 'Not stated',
};

export const INCIDENT_SUMMARY_MAX = 4000;
export const PLACE_NAME_MAX = 200;

/** A source of an incident: the shared source fields and what it says of the suspect. */
export const ZIncidentSourceInput = ZSourceFields.extend({
  suspectStatus: ZSuspectStatus.default('not_stated'),
});
export type TIncidentSourceInput = z.input<typeof ZIncidentSourceInput>;

const ZCount = z
  .number({ error: 'must be a whole number, or null when no source gives one' })
  .int('must be a whole number')
  .min(0, 'must be zero or more')
  .max(100_000, 'must be at most 100,000')
  .nullable()
  .default(null);

const ZCoordinate = (name: 'latitude' | 'longitude', limit: number) =>
  z
    .number({ error: `must be a ${name} in degrees, from -${limit} to ${limit}` })
    .min(-limit, `must be a ${name} from -${limit} to ${limit}`)
    .max(limit, `must be a ${name} from -${limit} to ${limit}`)
    .nullable()
    .default(null);

const incidentShape = {
  /** Post code; defaults to the drafter's home post. */
  post: z.string().max(64).optional(),
  /** ISO alpha-2 code of the country where it happened; defaults to the post's country. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO alpha-2 code such as DE')
    .optional(),
  placeName: z
    .string({ error: 'is required: name the town or area' })
    .trim()
    .min(1, 'is required: name the town or area')
    .max(PLACE_NAME_MAX, `must be at most ${PLACE_NAME_MAX} characters`),
  latitude: ZCoordinate('latitude', 90),
  longitude: ZCoordinate('longitude', 180),
  geoPrecision: ZGeoPrecision,
  /** The day, or the first day of the week or month, when only that is known. */
  occurredOn: ZDate('2026-03-02'),
  timePrecision: ZTimePrecision.default('day'),
  category: z.string({ error: 'is required: choose a category' }).min(1, 'is required: choose a category').max(64),
  summary: z
    .string({ error: 'is required: describe what happened' })
    .trim()
    .min(1, 'is required: describe what happened')
    .max(INCIDENT_SUMMARY_MAX, `must be at most ${INCIDENT_SUMMARY_MAX} characters`),
  killed: ZCount,
  injured: ZCount,
  humanRightsRelevant: z.boolean({ error: 'must be true or false' }).default(false),
  classification: ZClearance,
  /** Names of public officials in their official role that the identifier guard may let through. */
  allowedNames: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  synthetic: z.boolean({ error: 'must be true or false' }).default(false),
};

const coordinatesTogether = <T extends { latitude?: number | null | undefined; longitude?: number | null | undefined }>(value: T) =>
  (value.latitude === null || value.latitude === undefined) === (value.longitude === null || value.longitude === undefined);

export const ZIncidentInput = z
  .object({
    ...incidentShape,
    /** At least one: an unsourced claim cannot be verified. */
    sources: z.array(ZIncidentSourceInput).min(1, 'needs at least one source: an unsourced claim cannot be verified').max(50, 'must be at most 50 sources'),
    /** The legal status when filed; `reported` on the incident's date by default. */
    legalStatus: z.object({ status: ZLegalStatus, effectiveOn: ZDate('2026-03-05'), source: z.number().int().min(0).nullable().default(null) }).optional(),
    /** The importing system's id (bulk import): a second import of the same id changes nothing. */
    externalId: z.string().trim().min(1).max(200).optional(),
  })
  .refine(coordinatesTogether, { message: 'needs both latitude and longitude, or neither', path: ['longitude'] });
export type TIncidentInput = z.input<typeof ZIncidentInput>;

export const ZIncidentUpdate = patchOf(z.object(incidentShape)).refine(coordinatesTogether, {
  message: 'needs both latitude and longitude, or neither',
  path: ['longitude'],
});
export type TIncidentUpdate = z.input<typeof ZIncidentUpdate>;

export const ZLegalStatusInput = z.object({
  status: ZLegalStatus,
  effectiveOn: ZDate('2026-03-05'),
  /** The id of one of the incident's sources that states it. */
  source: z.string().uuid('must be the id of one of the incident’s sources').nullable().default(null),
});
export type TLegalStatusInput = z.input<typeof ZLegalStatusInput>;

export const ZIncidentSource = ZSource.extend({ suspectStatus: ZSuspectStatus });
export type TIncidentSource = z.infer<typeof ZIncidentSource>;

export const ZLegalStatusEntry = z.object({
  id: z.string(),
  status: ZLegalStatus,
  effectiveOn: z.string(),
  source: z.object({ id: z.string(), outlet: z.string(), url: z.string() }).nullable(),
  recordedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  recordedAt: z.string(),
});

/** A suspect status and the sources that state it; two or more entries mean the sources disagree. */
export const ZSuspectClaim = z.object({
  status: ZSuspectStatus,
  sources: z.array(z.object({ id: z.string(), outlet: z.string() })),
});

export const ZDuplicateCandidate = z.object({
  id: z.string(),
  post: z.string(),
  postName: z.string(),
  country: z.string(),
  occurredOn: z.string(),
  category: z.string(),
  summary: z.string(),
  status: ZIncidentStatus,
  legalStatus: ZLegalStatus,
  /** Summary similarity, 0 … 1. */
  score: z.number(),
  dismissed: z.boolean(),
});
export type TDuplicateCandidate = z.infer<typeof ZDuplicateCandidate>;

export const ZIncident = z.object({
  id: z.string().uuid(),
  post: z.string(),
  postName: z.string(),
  country: z.string(),
  countryName: z.string(),
  placeName: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  geoPrecision: ZGeoPrecision,
  occurredOn: z.string(),
  timePrecision: ZTimePrecision,
  category: z.string(),
  categoryName: z.string(),
  summary: z.string(),
  killed: z.number().int().nullable(),
  injured: z.number().int().nullable(),
  humanRightsRelevant: z.boolean(),
  classification: ZClearance,
  status: ZIncidentStatus,
  legalStatus: ZLegalStatus,
  legalStatusLabel: z.string(),
  legalHistory: z.array(ZLegalStatusEntry),
  suspectStatuses: z.array(ZSuspectClaim),
  /** True when the sources state different suspect statuses (unknown and not stated aside). */
  suspectStatusDisputed: z.boolean(),
  sources: z.array(ZIncidentSource),
  /** The best (lowest letter) reliability among the sources. */
  bestReliability: ZReliability.nullable(),
  allowedNames: z.array(z.string()),
  externalId: z.string().nullable(),
  /** Set when this incident was merged into another: read the survivor. */
  mergedInto: z.string().nullable(),
  /** Incidents merged into this one (that the reader may see). */
  mergedFrom: z.array(z.string()),
  synthetic: z.boolean(),
  draftedBy: z.object({ id: z.string(), name: z.string() }),
  verifiedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  submittedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  returned: ZReturned.nullable(),
  allowedActions: z.array(z.string()),
});
export type TIncident = z.infer<typeof ZIncident>;

/** A row of the list: the incident without its histories. */
export const ZIncidentSummary = ZIncident.omit({ legalHistory: true, allowedNames: true });
export type TIncidentSummary = z.infer<typeof ZIncidentSummary>;

const ZOneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.includes(',') ? value.split(',') : value), z.union([item, z.array(item)]).optional());

export const INCIDENT_FORMATS = ['json', 'csv', 'geojson'] as const;

/** The list's fields, without the check of its date range (so that the map can leave the paging out). */
export const ZIncidentListFields = ZPageQuery.extend({
  post: z.string().max(64).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO alpha-2 code such as DE')
    .optional(),
  category: ZOneOrMany(z.string().max(64)),
  legalStatus: ZOneOrMany(ZLegalStatus),
  suspectStatus: ZOneOrMany(ZSuspectStatus),
  status: ZOneOrMany(ZIncidentStatus),
  /** Incidents with at least one source of this reliability or better (A best). */
  reliability: ZReliability.optional(),
  from: ZDate('2026-01-01').optional(),
  to: ZDate('2026-12-31').optional(),
  format: z.enum(INCIDENT_FORMATS, { error: `must be one of ${INCIDENT_FORMATS.join(', ')}` }).default('json'),
});
export const ZIncidentListQuery = ZIncidentListFields.superRefine(checkDateRange);
export type TIncidentListQuery = z.output<typeof ZIncidentListQuery>;

/** What the form checks before saving: the identifier guard's spans and the duplicate candidates. */
export const ZIncidentCheckInput = z.object({
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO alpha-2 code such as DE')
    .optional(),
  occurredOn: ZDate('2026-03-02'),
  summary: z.string().max(INCIDENT_SUMMARY_MAX, `must be at most ${INCIDENT_SUMMARY_MAX} characters`),
  placeName: z.string().max(PLACE_NAME_MAX).default(''),
  allowedNames: z.array(z.string().max(200)).max(50).default([]),
  /** Leave the incident being edited out of its own candidates. */
  exclude: z.string().uuid().optional(),
});
export type TIncidentCheckInput = z.infer<typeof ZIncidentCheckInput>;

export const IDENTIFIER_KINDS = ['person_name', 'email', 'phone', 'id_document'] as const;
export const ZIdentifierKind = z.enum(IDENTIFIER_KINDS);
export type TIdentifierKind = z.infer<typeof ZIdentifierKind>;

export const ZIdentifierSpan = z.object({
  /** The input field, as in problem+json errors: `body.summary`. */
  field: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  kind: ZIdentifierKind,
});
export type TIdentifierSpan = z.infer<typeof ZIdentifierSpan>;

export const ZIncidentCheck = z.object({ identifiers: z.array(ZIdentifierSpan), duplicates: z.array(ZDuplicateCandidate) });
export type TIncidentCheck = z.infer<typeof ZIncidentCheck>;

export const ZIncidentCategory = z.object({ code: z.string(), name: z.string(), description: z.string(), retired: z.boolean() });
export type TIncidentCategory = z.infer<typeof ZIncidentCategory>;

export const ZIncidentCategoryInput = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'must be lower-case letters, digits and underscores, such as hate_speech'),
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  description: z.string().trim().max(1000, 'must be at most 1,000 characters').default(''),
});

export const ZRevision = z.object({
  id: z.string(),
  incidentId: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  at: z.string(),
  statusAtChange: ZIncidentStatus,
  change: z.record(z.string(), z.unknown()),
});
export type TRevision = z.infer<typeof ZRevision>;

/** Places with incidents, for the map: counts by place, never a rate. */
export const ZIncidentMapPoint = z.object({
  placeName: z.string(),
  country: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  geoPrecision: ZGeoPrecision,
  count: z.number().int(),
  byLegalStatus: z.record(z.string(), z.number().int()),
});
export const ZIncidentMap = z.object({
  /** Always shown with the map: these are reports, not a crime rate. */
  label: z.literal('Reported incidents, not a crime rate'),
  points: z.array(ZIncidentMapPoint),
  /** Incidents that match but have no coordinates. */
  withoutCoordinates: z.number().int(),
});
export type TIncidentMap = z.infer<typeof ZIncidentMap>;
