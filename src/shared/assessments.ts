import { z } from 'zod';
import { PERIOD_KINDS, PERIOD_MESSAGE, parsePeriod } from './assessment-periods';
import { ZClearance } from './identity';
import { ZPageQuery } from './pagination';
import { ZPolicyDirection, ZPolicyMeasureStatus } from './policy-measures';
import { ZPerson, ZReturned } from './workflow';

/**
 * Periodic assessments of a host government by a post: a score per policy area from −2 (most
 * restrictive) to +2 (most open) with a justification each, a narrative, and the flag
 * "policies unduly favor migrants at the expense of local populations", which needs a written
 * rationale and links to the evidence it rests on.
 */
export const FLAG_STATEMENT = 'Policies unduly favor migrants at the expense of local populations';

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'approved'] as const;
export const ZAssessmentStatus = z.enum(ASSESSMENT_STATUSES, { error: `must be one of ${ASSESSMENT_STATUSES.join(', ')}` });
export type TAssessmentStatus = z.infer<typeof ZAssessmentStatus>;

export const SCORE_MIN = -2;
export const SCORE_MAX = 2;
export const SCORE_LABELS: Record<number, string> = {
  [-2]: 'Most restrictive',
  [-1]: 'Restrictive',
  0: 'Balanced',
  1: 'Open',
  2: 'Most open',
};

export const ASSESSMENT_TEXT_MAX = { narrative: 20000, justification: 4000, flagRationale: 8000 } as const;

export const ZPeriodName = z
  .string({ error: PERIOD_MESSAGE })
  .max(7, PERIOD_MESSAGE)
  .refine((value) => parsePeriod(value) !== null, PERIOD_MESSAGE);

export const EVIDENCE_TYPES = ['policy_measure', 'incident', 'engagement', 'statistic'] as const;
export const ZEvidenceType = z.enum(EVIDENCE_TYPES, { error: `must be one of ${EVIDENCE_TYPES.join(', ')}` });
export type TEvidenceType = z.infer<typeof ZEvidenceType>;
export const EVIDENCE_TYPE_LABELS: Record<TEvidenceType, string> = {
  policy_measure: 'Policy measure',
  incident: 'Incident',
  engagement: 'Engagement',
  statistic: 'Statistic series',
};

export const ZEvidenceRef = z.object({
  type: ZEvidenceType,
  id: z.string({ error: 'must be an id such as 0b6f3a52-…' }).uuid('must be an id such as 0b6f3a52-…'),
});
export type TEvidenceRef = z.infer<typeof ZEvidenceRef>;

export const ZScoreInput = z.object({
  area: z.string({ error: 'is required: name the policy area' }).min(1, 'is required: name the policy area').max(64, 'must be at most 64 characters'),
  score: z
    .number({ error: 'must be a whole number from −2 (most restrictive) to +2 (most open)' })
    .int('must be a whole number from −2 (most restrictive) to +2 (most open)')
    .min(SCORE_MIN, 'must be a whole number from −2 (most restrictive) to +2 (most open)')
    .max(SCORE_MAX, 'must be a whole number from −2 (most restrictive) to +2 (most open)'),
  justification: z
    .string({ error: 'is required: say why the area has this score' })
    .trim()
    .min(1, 'is required: say why the area has this score')
    .max(ASSESSMENT_TEXT_MAX.justification, `must be at most ${ASSESSMENT_TEXT_MAX.justification.toLocaleString('en')} characters`),
});
export type TScoreInput = z.input<typeof ZScoreInput>;

/** The content of an assessment, as the form edits it; every field is optional on a change. */
const content = {
  narrative: z
    .string({ error: 'must be text' })
    .trim()
    .max(ASSESSMENT_TEXT_MAX.narrative, `must be at most ${ASSESSMENT_TEXT_MAX.narrative.toLocaleString('en')} characters`),
  scores: z.array(ZScoreInput, { error: 'must be a list of scores' }).max(50, 'must have at most 50 items'),
  flagged: z.boolean({ error: 'must be true or false' }),
  flagRationale: z
    .string({ error: 'must be text' })
    .trim()
    .max(ASSESSMENT_TEXT_MAX.flagRationale, `must be at most ${ASSESSMENT_TEXT_MAX.flagRationale.toLocaleString('en')} characters`)
    .nullable(),
  evidence: z.array(ZEvidenceRef, { error: 'must be a list of records' }).max(50, 'must have at most 50 items'),
  classification: ZClearance,
};

export const ZAssessmentInput = z.object({
  /** The writer's home post by default; no other post may be named. */
  post: z.string().max(64).optional(),
  /** The post's country by default; no other country may be named. */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO alpha-2 code such as DE')
    .transform((code) => code.toUpperCase())
    .optional(),
  /** The post's last ended period by default. */
  period: ZPeriodName.optional(),
  narrative: content.narrative.optional(),
  scores: content.scores.optional(),
  flagged: content.flagged.optional(),
  flagRationale: content.flagRationale.optional(),
  evidence: content.evidence.optional(),
  classification: content.classification.optional(),
  synthetic: z.boolean({ error: 'must be true or false' }).default(false),
});
export type TAssessmentInput = z.input<typeof ZAssessmentInput>;

export const ZAssessmentUpdate = z.object({
  narrative: content.narrative.optional(),
  scores: content.scores.optional(),
  flagged: content.flagged.optional(),
  flagRationale: content.flagRationale.optional(),
  evidence: content.evidence.optional(),
  classification: content.classification.optional(),
});
export type TAssessmentUpdate = z.input<typeof ZAssessmentUpdate>;

export const ZAreaScore = z.object({ area: z.string(), areaName: z.string(), score: z.number().int(), justification: z.string() });
export type TAreaScore = z.infer<typeof ZAreaScore>;

export const ZEvidenceLink = z.object({ type: ZEvidenceType, id: z.string(), label: z.string(), link: z.string().nullable() });
export type TEvidenceLink = z.infer<typeof ZEvidenceLink>;

export const EVIDENCE_OPTIONS_LIMIT_MAX = 50;
/** The records an author may link as evidence, of one type, found by country and by words. */
export const ZEvidenceOptionsQuery = z.object({
  type: ZEvidenceType,
  country: z.string({ error: 'is required: an ISO alpha-2 code such as DE' }).regex(/^[A-Za-z]{2}$/, 'must be an ISO alpha-2 code such as DE'),
  q: z.string({ error: 'must be text' }).max(200, 'must be at most 200 characters').optional(),
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(EVIDENCE_OPTIONS_LIMIT_MAX, `must be at most ${EVIDENCE_OPTIONS_LIMIT_MAX}`)
    .default(20),
});
export type TEvidenceOptionsQuery = z.input<typeof ZEvidenceOptionsQuery>;
export const ZEvidenceOption = ZEvidenceLink.extend({ detail: z.string() });
export type TEvidenceOption = z.infer<typeof ZEvidenceOption>;
export const ZEvidenceOptions = z.object({ items: z.array(ZEvidenceOption) });

export const ASSESSMENT_ACTIONS = ['update', 'submit', 'approve', 'return'] as const;
export type TAssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

export const ZAssessmentSummary = z.object({
  id: z.string(),
  post: z.string(),
  postName: z.string(),
  country: z.string(),
  countryName: z.string(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: ZAssessmentStatus,
  classification: ZClearance,
  /** The mean of the areas scored, or null when none is. */
  overall: z.number().nullable(),
  scoredAreas: z.number().int(),
  flagged: z.boolean(),
  synthetic: z.boolean(),
  draftedBy: ZPerson,
  approvedBy: ZPerson.nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(ASSESSMENT_ACTIONS)),
});
export type TAssessmentSummary = z.infer<typeof ZAssessmentSummary>;

export const ZAssessment = ZAssessmentSummary.extend({
  narrative: z.string(),
  scores: z.array(ZAreaScore),
  flagRationale: z.string().nullable(),
  /** The records it rests on that the reader may see (a link to a record the reader may not see is left out). */
  evidence: z.array(ZEvidenceLink),
  copiedFrom: z.object({ id: z.string(), period: z.string() }).nullable(),
  returned: ZReturned.nullable(),
});
export type TAssessment = z.infer<typeof ZAssessment>;

const ZOneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.includes(',') ? value.split(',') : value), z.union([item, z.array(item)]).optional());

export const ZAssessmentListQuery = ZPageQuery.extend({
  post: z.string().max(64).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO alpha-2 code such as DE')
    .optional(),
  status: ZOneOrMany(ZAssessmentStatus),
  period: ZPeriodName.optional(),
  flagged: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
});
export type TAssessmentListQuery = z.output<typeof ZAssessmentListQuery>;

export const ZChangesQuery = z.object({
  country: z.string({ error: 'is required: an ISO alpha-2 code such as DE' }).regex(/^[A-Za-z]{2}$/, 'must be an ISO alpha-2 code such as DE'),
  /** The earlier period; by default the one before `to`. */
  from: ZPeriodName.optional(),
  /** The later period; by default the latest one assessed. */
  to: ZPeriodName.optional(),
});

export const ZChangeSide = z.object({
  assessmentId: z.string(),
  period: z.string(),
  status: ZAssessmentStatus,
  overall: z.number().nullable(),
  flagged: z.boolean(),
});

export const ZChangeMeasure = z.object({
  id: z.string(),
  title: z.string(),
  status: ZPolicyMeasureStatus,
  effectiveOn: z.string(),
  direction: ZPolicyDirection,
});

export const ZAreaChange = z.object({
  area: z.string(),
  areaName: z.string(),
  earlier: z.number().int().nullable(),
  later: z.number().int().nullable(),
  /** later − earlier; null when either is not assessed. */
  change: z.number().int().nullable(),
  earlierJustification: z.string().nullable(),
  laterJustification: z.string().nullable(),
  /** Status changes of the country's measures in this area dated within the later period. */
  measures: z.array(ZChangeMeasure),
});
export type TAreaChange = z.infer<typeof ZAreaChange>;

export const ZAssessmentChanges = z.object({
  country: z.string(),
  countryName: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  earlier: ZChangeSide.nullable(),
  later: ZChangeSide.nullable(),
  areas: z.array(ZAreaChange),
});
export type TAssessmentChanges = z.infer<typeof ZAssessmentChanges>;

export const ZAssessmentMapQuery = z.object({ area: z.string().max(64).optional() });

export const ZAssessmentMapItem = z.object({
  country: z.string(),
  countryName: z.string(),
  numeric: z.string(),
  assessmentId: z.string(),
  period: z.string(),
  /** The overall score, or the chosen area's; null when that area was not assessed. */
  score: z.number().nullable(),
  flagged: z.boolean(),
});
export const ZAssessmentMap = z.object({ area: z.string().nullable(), items: z.array(ZAssessmentMapItem) });
export type TAssessmentMap = z.infer<typeof ZAssessmentMap>;

export const ZTimelineQuery = z.object({
  country: z.string({ error: 'is required: an ISO alpha-2 code such as DE' }).regex(/^[A-Za-z]{2}$/, 'must be an ISO alpha-2 code such as DE'),
});
export const ZAssessmentTimeline = z.object({
  country: z.string(),
  countryName: z.string(),
  items: z.array(
    z.object({
      assessmentId: z.string(),
      post: z.string(),
      period: z.string(),
      periodStart: z.string(),
      overall: z.number().nullable(),
      flagged: z.boolean(),
      scores: z.record(z.string(), z.number()),
    }),
  ),
});
export type TAssessmentTimeline = z.infer<typeof ZAssessmentTimeline>;

export const DEADLINE_STATUSES = ['approved', 'submitted', 'due', 'overdue'] as const;
export const ZAssessmentDeadline = z.object({
  post: z.string(),
  postName: z.string(),
  country: z.string(),
  countryName: z.string(),
  directive: z.object({ id: z.string(), reference: z.string() }),
  periodKind: z.enum(PERIOD_KINDS),
  /** The last period that has ended. */
  period: z.string(),
  dueOn: z.string(),
  status: z.enum(DEADLINE_STATUSES),
  assessmentId: z.string().nullable(),
});
export type TAssessmentDeadline = z.infer<typeof ZAssessmentDeadline>;
export const ZAssessmentDeadlines = z.object({ items: z.array(ZAssessmentDeadline) });
