import { z } from 'zod';
import { checkDateRange, ZDate } from './dates';
import { ZClearance } from './identity';
import { ZPageQuery } from './pagination';
import { ZSource, ZSourceFields } from './sources';

/**
 * Host-government laws and policies, recorded by a post for its country: the area they fall
 * under, their status over time, their direction and their sources. Assessments score the
 * same areas, and the change view explains a score's move by the measures whose status
 * changed in the period.
 */
export const POLICY_MEASURE_STATUSES = ['proposed', 'adopted', 'in_force', 'suspended', 'repealed'] as const;
export const ZPolicyMeasureStatus = z.enum(POLICY_MEASURE_STATUSES, { error: `must be one of ${POLICY_MEASURE_STATUSES.join(', ')}` });
export type TPolicyMeasureStatus = z.infer<typeof ZPolicyMeasureStatus>;
export const POLICY_MEASURE_STATUS_LABELS: Record<TPolicyMeasureStatus, string> = {
  proposed: 'Proposed',
  adopted: 'Adopted',
  in_force: 'In force',
  suspended: 'Suspended',
  repealed: 'Repealed',
};

export const POLICY_DIRECTIONS = ['more_restrictive', 'more_open', 'neutral'] as const;
export const ZPolicyDirection = z.enum(POLICY_DIRECTIONS, { error: `must be one of ${POLICY_DIRECTIONS.join(', ')}` });
export type TPolicyDirection = z.infer<typeof ZPolicyDirection>;
export const POLICY_DIRECTION_LABELS: Record<TPolicyDirection, string> = {
  more_restrictive: 'More restrictive',
  more_open: 'More open',
  neutral: 'Neutral',
};

export const MEASURE_TEXT_MAX = { title: 300, summary: 8000 } as const;

const ZAlpha2 = z
  .string({ error: 'must be an ISO alpha-2 code such as DE' })
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO alpha-2 code such as DE')
  .transform((code) => code.toUpperCase());

export const ZPolicyMeasureSourceInput = ZSourceFields;
export type TPolicyMeasureSourceInput = z.input<typeof ZPolicyMeasureSourceInput>;

export const ZPolicyMeasureInput = z.object({
  /** The writer's home post by default; no other post may be named. */
  post: z.string().max(64).optional(),
  /** The post's country by default; no other country may be named. */
  country: ZAlpha2.optional(),
  area: z.string({ error: 'is required: choose a policy area' }).min(1, 'is required: choose a policy area').max(64, 'must be at most 64 characters'),
  title: z
    .string({ error: 'is required: name the law or policy' })
    .trim()
    .min(1, 'is required: name the law or policy')
    .max(MEASURE_TEXT_MAX.title, `must be at most ${MEASURE_TEXT_MAX.title} characters`),
  status: ZPolicyMeasureStatus.default('proposed'),
  /** When the status took effect (proposed on, adopted on, in force from…). */
  statusOn: ZDate('2026-03-02'),
  direction: ZPolicyDirection,
  summary: z
    .string({ error: 'is required: say what the measure does' })
    .trim()
    .min(1, 'is required: say what the measure does')
    .max(MEASURE_TEXT_MAX.summary, `must be at most ${MEASURE_TEXT_MAX.summary.toLocaleString('en')} characters`),
  classification: ZClearance.default('U'),
  sources: z
    .array(ZPolicyMeasureSourceInput, { error: 'is required: give at least one source' })
    .min(1, 'must have at least one source: an unsourced measure cannot be checked')
    .max(20, 'must have at most 20 items'),
  synthetic: z.boolean({ error: 'must be true or false' }).default(false),
});
export type TPolicyMeasureInput = z.input<typeof ZPolicyMeasureInput>;

/** What may change after the measure is recorded (status changes are steps of their own). */
export const ZPolicyMeasureUpdate = z.object({
  area: ZPolicyMeasureInput.shape.area.optional(),
  title: ZPolicyMeasureInput.shape.title.optional(),
  direction: ZPolicyDirection.optional(),
  summary: ZPolicyMeasureInput.shape.summary.optional(),
  classification: ZClearance.optional(),
});
export type TPolicyMeasureUpdate = z.input<typeof ZPolicyMeasureUpdate>;

export const ZPolicyMeasureStatusInput = z.object({
  status: ZPolicyMeasureStatus,
  effectiveOn: ZDate('2026-03-02'),
});
export type TPolicyMeasureStatusInput = z.input<typeof ZPolicyMeasureStatusInput>;

export const ZPolicyMeasureStatusStep = z.object({
  status: ZPolicyMeasureStatus,
  effectiveOn: z.string(),
  recordedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  recordedAt: z.string(),
});
export type TPolicyMeasureStatusStep = z.infer<typeof ZPolicyMeasureStatusStep>;

export const POLICY_MEASURE_ACTIONS = ['update', 'set_status', 'add_source', 'remove_source'] as const;
export type TPolicyMeasureAction = (typeof POLICY_MEASURE_ACTIONS)[number];

export const ZPolicyMeasureSummary = z.object({
  id: z.string(),
  post: z.string(),
  postName: z.string(),
  country: z.string(),
  countryName: z.string(),
  area: z.string(),
  areaName: z.string(),
  title: z.string(),
  status: ZPolicyMeasureStatus,
  statusOn: z.string(),
  direction: ZPolicyDirection,
  summary: z.string(),
  classification: ZClearance,
  synthetic: z.boolean(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(POLICY_MEASURE_ACTIONS)),
});
export type TPolicyMeasureSummary = z.infer<typeof ZPolicyMeasureSummary>;

export const ZPolicyMeasure = ZPolicyMeasureSummary.extend({
  statusHistory: z.array(ZPolicyMeasureStatusStep),
  sources: z.array(ZSource),
});
export type TPolicyMeasure = z.infer<typeof ZPolicyMeasure>;

const ZOneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.includes(',') ? value.split(',') : value), z.union([item, z.array(item)]).optional());

export const ZPolicyMeasureListFields = ZPageQuery.extend({
  post: z.string().max(64).optional(),
  country: ZAlpha2.optional(),
  area: ZOneOrMany(z.string().max(64)),
  status: ZOneOrMany(ZPolicyMeasureStatus),
  direction: ZOneOrMany(ZPolicyDirection),
  /** Measures with a status change dated on or after this day… */
  from: ZDate('2026-01-01').optional(),
  /** …and on or before this one. */
  to: ZDate('2026-12-31').optional(),
  q: z.string().max(200, 'must be at most 200 characters').optional(),
});
export const ZPolicyMeasureListQuery = ZPolicyMeasureListFields.superRefine(checkDateRange);
export type TPolicyMeasureListQuery = z.output<typeof ZPolicyMeasureListQuery>;

export const ZPolicyArea = z.object({ code: z.string(), name: z.string(), description: z.string(), retired: z.boolean() });
export type TPolicyArea = z.infer<typeof ZPolicyArea>;

export const ZPolicyAreaInput = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'must be lower-case letters, digits and underscores, such as border_control'),
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  description: z.string().trim().max(1000, 'must be at most 1,000 characters').default(''),
});
export type TPolicyAreaInput = z.input<typeof ZPolicyAreaInput>;

export const ZPolicyAreaUpdate = z.object({
  name: ZPolicyAreaInput.shape.name.optional(),
  description: z.string().trim().max(1000, 'must be at most 1,000 characters').optional(),
  retired: z.boolean({ error: 'must be true or false' }).optional(),
});
