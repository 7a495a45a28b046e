import { z } from 'zod';
import { ZDate } from './dates';
import { ZClearance } from './identity';
import { ZPageQuery } from './pagination';
import { patchOf } from './patch';
import { ZProblem } from './problem';
import { ZSource, ZSourceFields } from './sources';

/**
 * Third-country agreements: headquarters' outreach to a counterpart country, followed stage by
 * stage, with its terms, the engagements it rests on and its sources. The stage rules live
 * here so that the server and the board agree on which moves exist.
 */

export const AGREEMENT_TYPES = ['third_country_nationals', 'safe_third_country', 'readmission', 'return_hub'] as const;
export const ZAgreementType = z.enum(AGREEMENT_TYPES, { error: `must be one of ${AGREEMENT_TYPES.join(', ')}` });
export type TAgreementType = z.infer<typeof ZAgreementType>;

export const AGREEMENT_TYPE_LABELS: Record<TAgreementType, string> = {
  third_country_nationals: 'Acceptance of third-country nationals',
  safe_third_country: 'Safe third country',
  readmission: 'Readmission',
  return_hub: 'Hosting a return hub',
};

/** The pipeline, in order, then the two stages that stop it. */
export const PIPELINE_STAGES = ['identified', 'approached', 'negotiating', 'text_agreed', 'signed', 'in_force'] as const;
export const CLOSED_STAGES = ['declined', 'suspended'] as const;
export const AGREEMENT_STAGES = [...PIPELINE_STAGES, ...CLOSED_STAGES] as const;
export const ZAgreementStage = z.enum(AGREEMENT_STAGES, { error: `must be one of ${AGREEMENT_STAGES.join(', ')}` });
export type TAgreementStage = z.infer<typeof ZAgreementStage>;

export const AGREEMENT_STAGE_LABELS: Record<TAgreementStage, string> = {
  identified: 'Identified',
  approached: 'Approached',
  negotiating: 'Negotiating',
  text_agreed: 'Text agreed',
  signed: 'Signed',
  in_force: 'In force',
  declined: 'Declined',
  suspended: 'Suspended',
};

const isPipeline = (stage: TAgreementStage): stage is (typeof PIPELINE_STAGES)[number] => (PIPELINE_STAGES as readonly string[]).includes(stage);

/**
 * The stages an agreement may move to from `stage`:
 * - one step forward along the pipeline (identified → approached → … → in force);
 * - one step back while no text is signed (talks fall back: negotiating → approached);
 * - declined from any stage before it is in force (the counterpart says no, or does not ratify);
 * - suspended from any stage of the pipeline (talks or an agreement in force put on hold);
 * - from declined or suspended, reopening: back to the stage it stopped at (`stoppedAt`, the
 *   stage before the last move), and only there, so that a reopened agreement never skips a step.
 */
export function nextStages(stage: TAgreementStage, stoppedAt: TAgreementStage | null): TAgreementStage[] {
  if (!isPipeline(stage)) return stoppedAt && isPipeline(stoppedAt) ? [stoppedAt] : [];
  const index = PIPELINE_STAGES.indexOf(stage);
  const moves: TAgreementStage[] = [];
  const back = PIPELINE_STAGES[index - 1];
  if (back && index <= PIPELINE_STAGES.indexOf('text_agreed')) moves.push(back);
  const forward = PIPELINE_STAGES[index + 1];
  if (forward) moves.push(forward);
  if (stage !== 'in_force') moves.push('declined');
  moves.push('suspended');
  return moves;
}

export const AGREEMENT_NOTES_MAX = 4000;
export const STAGE_NOTE_MAX = 2000;
export const ASSISTANCE_MAX = 4000;

const ZCountryCode = z
  .string({ error: 'must be an ISO alpha-2 code such as RW' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be an ISO alpha-2 code such as RW');

const ZWhole = (max: number, what: string, one: string) =>
  z
    .number({ error: `must be a whole number of ${what}, or null when not agreed` })
    .int(`must be a whole number of ${what}`)
    .min(1, `must be at least 1 ${one}`)
    .max(max, `must be at most ${max.toLocaleString('en')} ${what}`)
    .nullable()
    .default(null);

/** The terms: what is on the table (while negotiating) or agreed (from text agreed on). */
const termsShape = {
  /** People per year the counterpart accepts. */
  annualCapacity: ZWhole(10_000_000, 'people', 'person'),
  /** ISO alpha-2 codes of the nationalities the counterpart accepts; empty when not limited or not agreed. */
  nationalities: z.array(ZCountryCode).max(250, 'must be at most 250 countries').default([]),
  assistanceOffered: z.string().trim().max(ASSISTANCE_MAX, `must be at most ${ASSISTANCE_MAX} characters`).default(''),
  durationMonths: ZWhole(1200, 'months', 'month'),
  reviewOn: ZDate('2027-01-15').nullable().default(null),
};

const agreementShape = {
  /** ISO alpha-2 code of the counterpart country. */
  country: ZCountryCode,
  type: ZAgreementType,
  notes: z.string().trim().max(AGREEMENT_NOTES_MAX, `must be at most ${AGREEMENT_NOTES_MAX} characters`).default(''),
  ...termsShape,
  /** Ids of engagements the agreement rests on; the list replaces the one stored (links you may not see are kept). */
  engagements: z.array(z.string().uuid('must be an engagement id')).max(200, 'must be at most 200 engagements').default([]),
  classification: ZClearance,
  synthetic: z.boolean({ error: 'must be true or false' }).default(false),
};

export const ZAgreementSourceInput = ZSourceFields;
export type TAgreementSourceInput = z.input<typeof ZAgreementSourceInput>;

export const ZAgreementInput = z.object({
  ...agreementShape,
  /** Where the outreach starts: identified by default; an agreement recorded late may start further on. */
  stage: z.enum(PIPELINE_STAGES, { error: `must be one of ${PIPELINE_STAGES.join(', ')} (an agreement starts in the pipeline)` }).default('identified'),
  /** The day it reached that stage; today (UTC) by default. */
  stageOn: ZDate('2026-03-02').optional(),
  sources: z.array(ZAgreementSourceInput).max(50, 'must be at most 50 sources').default([]),
});
export type TAgreementInput = z.input<typeof ZAgreementInput>;

/** The counterpart never changes: an agreement with another country is another agreement. */
export const ZAgreementUpdate = patchOf(z.object(agreementShape).omit({ country: true }));
export type TAgreementUpdate = z.input<typeof ZAgreementUpdate>;

export const ZStageMove = z.object({
  stage: ZAgreementStage,
  note: z.string().trim().max(STAGE_NOTE_MAX, `must be at most ${STAGE_NOTE_MAX} characters`).default(''),
  /** The day of the change; today (UTC) by default. Never in the future, nor before the previous change. */
  on: ZDate('2026-03-02').optional(),
});
export type TStageMove = z.input<typeof ZStageMove>;

/** A refused move: the problem names the agreement's stage and the stages it may move to. */
export const ZStageProblem = ZProblem.extend({
  stage: ZAgreementStage.optional(),
  allowedStages: z.array(ZAgreementStage).optional(),
});

export const AGREEMENT_SORTS = ['updated', 'distance', 'stage', 'country'] as const;
export const ZAgreementSort = z.enum(AGREEMENT_SORTS, { error: `must be one of ${AGREEMENT_SORTS.join(', ')}` });
export type TAgreementSort = z.infer<typeof ZAgreementSort>;

const ZListOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item).max(20)).optional();

export const ZAgreementListQuery = ZPageQuery.extend({
  stage: ZListOf(ZAgreementStage).describe('One stage or several, comma-separated'),
  type: ZListOf(ZAgreementType).describe('One type or several, comma-separated'),
  country: ZCountryCode.optional().describe('Counterpart country, ISO alpha-2'),
  sort: ZAgreementSort.default('updated'),
  order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).optional().describe('asc by default for distance, stage and country; desc for updated'),
});
export type TAgreementListQuery = z.infer<typeof ZAgreementListQuery>;

const ZPerson = z.object({ id: z.string(), name: z.string() }).nullable();

export const ZStageChange = z.object({
  id: z.string(),
  from: ZAgreementStage.nullable(),
  to: ZAgreementStage,
  on: z.string(),
  note: z.string(),
  by: ZPerson,
  at: z.string(),
});
export type TStageChange = z.infer<typeof ZStageChange>;

export const ZLinkedEngagement = z.object({
  id: z.string(),
  occurredAt: z.string(),
  kind: z.string(),
  post: z.string(),
  postName: z.string(),
  status: z.string(),
  classification: ZClearance,
});
export type TLinkedEngagement = z.infer<typeof ZLinkedEngagement>;

export const AGREEMENT_ACTIONS = ['update', 'move_stage', 'add_source', 'remove_source'] as const;
export type TAgreementAction = (typeof AGREEMENT_ACTIONS)[number];

export const ZAgreementSummary = z.object({
  id: z.string().uuid(),
  country: z.string(),
  countryName: z.string(),
  countryNumeric: z.string(),
  capital: z.string().nullable(),
  type: ZAgreementType,
  stage: ZAgreementStage,
  stageOn: z.string(),
  /** Great-circle distance from the home capital to the counterpart's capital, km; null without coordinates. */
  distanceKm: z.number().nullable(),
  annualCapacity: z.number().int().nullable(),
  reviewOn: z.string().nullable(),
  classification: ZClearance,
  synthetic: z.boolean(),
  /** The stages it may move to now, for whoever may move it; empty otherwise. */
  nextStages: z.array(ZAgreementStage),
  allowedActions: z.array(z.enum(AGREEMENT_ACTIONS)),
  updatedAt: z.string(),
});
export type TAgreementSummary = z.infer<typeof ZAgreementSummary>;

export const ZAgreement = ZAgreementSummary.extend({
  notes: z.string(),
  nationalities: z.array(z.object({ code: z.string(), name: z.string() })),
  assistanceOffered: z.string(),
  durationMonths: z.number().int().nullable(),
  engagements: z.array(ZLinkedEngagement),
  sources: z.array(ZSource),
  history: z.array(ZStageChange),
  createdBy: ZPerson,
  createdAt: z.string(),
});
export type TAgreement = z.infer<typeof ZAgreement>;

/** Where distances are measured from. */
export const ZHomeCapital = z.object({
  country: z.string(),
  countryName: z.string(),
  capital: z.string().nullable(),
  /** False when the reference data has no coordinates for it: then no distance is given. */
  located: z.boolean(),
});
export type THomeCapital = z.infer<typeof ZHomeCapital>;

export const ZAgreementPage = z.object({ items: z.array(ZAgreementSummary), nextCursor: z.string().nullable(), home: ZHomeCapital });
export type TAgreementPage = z.infer<typeof ZAgreementPage>;

/** Mean Earth radius (IUGG), km: distances are great circles on this sphere. */
export const EARTH_RADIUS_KM = 6371.0088;
