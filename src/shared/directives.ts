import { z } from 'zod';
import { ZDate } from './dates';
import { ZClearance } from './identity';
import { ZPageQuery } from './pagination';
import { patchOf } from './patch';
import { ZBureauCode } from './reference';

export const DIRECTIVE_STATUSES = ['draft', 'issued', 'superseded', 'rescinded'] as const;
export const ZDirectiveStatus = z.enum(DIRECTIVE_STATUSES, { error: `must be one of ${DIRECTIVE_STATUSES.join(', ')}` });
export type TDirectiveStatus = z.infer<typeof ZDirectiveStatus>;

export const POINT_SCOPES = ['all', 'bureaus', 'countries'] as const;
export const ZPointScope = z.enum(POINT_SCOPES, { error: `must be one of ${POINT_SCOPES.join(', ')}` });

/** How much of a talking point's wording is known (demo data from public reporting). */
export const POINT_WORDINGS = ['verbatim', 'paraphrase', 'unpublished'] as const;
export const ZPointWording = z.enum(POINT_WORDINGS, { error: `must be one of ${POINT_WORDINGS.join(', ')}` });

export const ZTagCode = z.string().regex(/^[A-Z]{4}$/, 'must be a four-letter TAGS code such as PREL');

export const ZTag = z.object({ code: z.string(), name: z.string() });
export type TTag = z.infer<typeof ZTag>;
export const ZTagCreate = z.object({ code: ZTagCode, name: z.string().trim().min(1, 'must not be empty').max(200) });

export const ZCounterArgument = z.object({
  argument: z.string().trim().min(1, 'must not be empty').max(4000),
  rebuttal: z.string().trim().min(1, 'must not be empty').max(4000),
});

export const ZTalkingPointInput = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(8000),
  scope: ZPointScope.default('all'),
  /** For scope 'bureaus'. */
  bureaus: z.array(ZBureauCode).default([]),
  /** ISO alpha-2 codes, for scope 'countries'. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO alpha-2 code such as DE')).default([]),
  rationale: z.string().trim().max(8000).nullable().optional(),
  wording: ZPointWording.default('verbatim'),
  attribution: z.string().trim().max(500).nullable().optional(),
  counterArguments: z.array(ZCounterArgument).max(20).default([]),
});
export type TTalkingPointInput = z.input<typeof ZTalkingPointInput>;

export const ZTalkingPoint = z.object({
  id: z.string().uuid(),
  /** 1-based, in directive order. */
  number: z.number().int(),
  text: z.string(),
  scope: ZPointScope,
  bureaus: z.array(z.string()),
  countries: z.array(z.string()),
  rationale: z.string().nullable(),
  wording: ZPointWording,
  attribution: z.string().nullable(),
  counterArguments: z.array(z.object({ argument: z.string(), rebuttal: z.string() })),
});
export type TTalkingPoint = z.infer<typeof ZTalkingPoint>;

const ZCadence = z
  .number({ error: 'must be a whole number of days' })
  .int('must be a whole number of days')
  .min(1, 'must be at least 1 day')
  .max(366, 'must be at most 366 days')
  .nullable();

/**
 * Addressees, chosen by bureau, by country or one by one; they add up. A draft keeps the
 * choice itself (a post added to a chosen bureau later is included); issuing the directive
 * resolves it to posts once, and those never change.
 */
export const ZAddressees = z.object({
  bureaus: z.array(ZBureauCode).max(20).default([]),
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO alpha-2 code such as DE'))
    .max(300)
    .default([]),
  posts: z.array(z.string().min(1).max(64)).max(1000).default([]),
});

/** The addressees as chosen, in the order chosen: codes of bureaus, countries (alpha-2) and posts. */
export const ZAddresseeChoice = z.object({ bureaus: z.array(z.string()), countries: z.array(z.string()), posts: z.array(z.string()) });
export type TAddresseeChoice = z.infer<typeof ZAddresseeChoice>;

/** The longest texts a directive holds, in characters: the form counts against them. */
export const DIRECTIVE_TEXT_MAX = { subject: 500, objective: 8000, background: 20000, sourceNote: 4000 } as const;

export const ZDirectiveInput = z.object({
  reference: z.string().trim().min(1, 'must not be empty').max(100),
  date: ZDate('2025-11-21'),
  subject: z.string().trim().min(1, 'must not be empty').max(DIRECTIVE_TEXT_MAX.subject),
  from: z.string().trim().min(1, 'must not be empty').max(200),
  objective: z.string().trim().min(1, 'must not be empty').max(DIRECTIVE_TEXT_MAX.objective),
  background: z.string().trim().max(DIRECTIVE_TEXT_MAX.background).default(''),
  classification: ZClearance,
  tags: z.array(ZTagCode).default([]),
  actionPosts: ZAddressees,
  infoPosts: ZAddressees.default({ bureaus: [], countries: [], posts: [] }),
  engagementCadenceDays: ZCadence.default(null),
  incidentCadenceDays: ZCadence.default(null),
  assessmentCadenceDays: ZCadence.default(null),
  supersedes: z.string().uuid().nullable().default(null).describe('Id of an issued directive this one replaces'),
  talkingPoints: z.array(ZTalkingPointInput).max(100).default([]),
  synthetic: z.boolean().default(false),
  sourceNote: z.string().max(DIRECTIVE_TEXT_MAX.sourceNote).nullable().default(null),
});
export type TDirectiveInput = z.input<typeof ZDirectiveInput>;

/** A draft may change in whole or in part; an issued directive never changes. */
export const ZDirectiveUpdate = patchOf(ZDirectiveInput);

export const ZDirectivePostRef = z.object({ code: z.string(), name: z.string(), country: z.string(), bureau: z.string().nullable() });

export const ZDirectiveSummary = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  date: z.string(),
  subject: z.string(),
  classification: ZClearance,
  status: ZDirectiveStatus,
  tags: z.array(z.string()),
  actionPostCount: z.number().int(),
  synthetic: z.boolean(),
  issuedAt: z.string().nullable(),
  allowedActions: z.array(z.string()),
});
export type TDirectiveSummary = z.infer<typeof ZDirectiveSummary>;

export const ZDirective = ZDirectiveSummary.extend({
  from: z.string(),
  objective: z.string(),
  background: z.string(),
  /** The posts addressed: for a draft, those its choice stands for today; once issued, frozen. */
  actionPosts: z.array(ZDirectivePostRef),
  infoPosts: z.array(ZDirectivePostRef),
  /** How the addressees were chosen; the form edits these (directives older than the choice: their posts one by one). */
  actionChoice: ZAddresseeChoice,
  infoChoice: ZAddresseeChoice,
  engagementCadenceDays: z.number().int().nullable(),
  incidentCadenceDays: z.number().int().nullable(),
  assessmentCadenceDays: z.number().int().nullable(),
  supersedes: z.string().uuid().nullable(),
  supersededBy: z.string().uuid().nullable(),
  sourceNote: z.string().nullable(),
  /** The points the viewer's post must deliver (all of them for headquarters). */
  talkingPoints: z.array(ZTalkingPoint),
});
export type TDirective = z.infer<typeof ZDirective>;

export const ZDirectiveListQuery = ZPageQuery.extend({
  status: ZDirectiveStatus.optional(),
  tag: ZTagCode.optional(),
  post: z.string().max(64).optional().describe('Only directives addressed to this post'),
  q: z.string().max(200).optional().describe('Matches reference or subject'),
});
export type TDirectiveListQuery = z.infer<typeof ZDirectiveListQuery>;

export const ZTalkingPointsQuery = z.object({
  post: z.string().max(64).optional().describe('The points that apply to this post (default: the viewer’s own post)'),
});
