import { z } from 'zod';
import { checkDateRange, ZDate, ZDateTime } from './dates';
import { ZClearance } from './identity';
import { ZPageQuery } from './pagination';
import { patchOf } from './patch';
import { ZReturned } from './workflow';

export const ORGANIZATION_TYPES = [
  'ministry_of_interior',
  'ministry_of_justice',
  'ministry_of_foreign_affairs',
  'head_of_government_office',
  'parliament',
  'political_party',
  'ngo',
  'media',
  'academia',
  'international_organization',
  'other',
] as const;
export const ZOrganizationType = z.enum(ORGANIZATION_TYPES, { error: `must be one of ${ORGANIZATION_TYPES.join(', ')}` });

export const ENGAGEMENT_KINDS = ['demarche', 'meeting', 'call', 'letter', 'event', 'non_paper'] as const;
export const ZEngagementKind = z.enum(ENGAGEMENT_KINDS, { error: `must be one of ${ENGAGEMENT_KINDS.join(', ')}` });

export const ENGAGEMENT_STATUSES = ['draft', 'submitted', 'approved'] as const;
export const ZEngagementStatus = z.enum(ENGAGEMENT_STATUSES, { error: `must be one of ${ENGAGEMENT_STATUSES.join(', ')}` });

export const RECEPTIONS = ['receptive', 'noncommittal', 'disagreed'] as const;
export const ZReception = z.enum(RECEPTIONS, { error: `must be one of ${RECEPTIONS.join(', ')}` });

// ---- Contacts -------------------------------------------------------------------------

export const ZContactInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  title: z.string().trim().min(1, 'must not be empty').max(300),
  organization: z.string().trim().min(1, 'must not be empty').max(300),
  organizationType: ZOrganizationType,
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO alpha-2 code such as DE'),
  /** Owning post code; defaults to the officer's home post. */
  post: z.string().max(64).optional(),
  classification: ZClearance.default('U'),
  synthetic: z.boolean().default(false),
});
export const ZContactUpdate = patchOf(ZContactInput);

export const ZContact = z.object({
  id: z.string().uuid(),
  name: z.string(),
  title: z.string(),
  organization: z.string(),
  organizationType: ZOrganizationType,
  country: z.string(),
  countryName: z.string(),
  post: z.string(),
  postName: z.string(),
  classification: ZClearance,
  synthetic: z.boolean(),
  /** Engagements citing this contact that the reader may see (never a count of hidden ones). */
  engagementCount: z.number().int(),
  allowedActions: z.array(z.string()),
});
export type TContact = z.infer<typeof ZContact>;

export const ZContactListQuery = ZPageQuery.extend({
  /** Code of the owning post, e.g. berlin. */
  post: z.string().max(64, 'must be a post code of at most 64 characters, such as berlin').optional(),
  /** ISO alpha-2 code of the contact's country. */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO alpha-2 code such as DE')
    .optional(),
  organizationType: ZOrganizationType.optional(),
  /** Part of the name, title or organization. */
  q: z.string().max(200, 'must be at most 200 characters').optional(),
});

/** Merge `duplicate` into the contact in the path: its engagements move over, it disappears. */
export const ZContactMerge = z.object({ duplicate: z.string().uuid('must be a contact id') });

// ---- Engagements ----------------------------------------------------------------------

export const ZPointDelivery = z
  .object({
    talkingPointId: z.string().uuid(),
    delivered: z.boolean(),
    reception: ZReception.nullable().default(null),
  })
  .refine((p) => p.delivered || p.reception === null, { message: 'a point not delivered has no reception', path: ['reception'] });

export const ZFollowUpInput = z.object({
  action: z.string().trim().min(1, 'must not be empty').max(2000),
  /** Owner's user id; defaults to the drafter. */
  owner: z.string().uuid().nullable().optional(),
  dueDate: ZDate('2026-12-01'),
  done: z.boolean().default(false),
});

/** The words for a delivered point without its reception, on save, on submit and in the form. */
export const receptionMissing = (number: number) => `point ${number} is marked delivered: choose how it was received`;

/**
 * What an engagement still lacks before it can be submitted, in words (empty when nothing):
 * one with no directive, no contact and no readout records nothing an approver could check,
 * and a delivered point needs its reception. The server refuses the submit with these words
 * and the engagement's page shows them in place of the Submit button.
 */
export function submitGaps(engagement: {
  directives: readonly unknown[];
  contacts: readonly unknown[];
  ourReadout: string;
  points: readonly { number: number; delivered: boolean; reception: string | null }[];
}): string[] {
  const gaps: string[] = [];
  if (engagement.directives.length === 0 && engagement.contacts.length === 0 && engagement.ourReadout.trim() === '') {
    gaps.push('it records no directive, no contact and no readout: add the directive it answers, the contact met or our readout');
  }
  for (const point of engagement.points) if (point.delivered && point.reception === null) gaps.push(receptionMissing(point.number));
  return gaps;
}

/** The longest texts an engagement holds, in characters: the form counts against them. */
export const ENGAGEMENT_TEXT_MAX = { commitments: 8000, ourReadout: 20000, counterpartAccount: 20000 } as const;

export const ZEngagementInput = z.object({
  /** Post code; defaults to the drafter's home post. */
  post: z.string().max(64).optional(),
  occurredAt: ZDateTime(),
  kind: ZEngagementKind,
  classification: ZClearance,
  directives: z.array(z.string().uuid()).default([]),
  contacts: z.array(z.string().uuid()).default([]),
  /** User ids of the officers present; the drafter is always included. */
  officers: z.array(z.string().uuid()).default([]),
  points: z.array(ZPointDelivery).default([]),
  commitments: z.string().max(ENGAGEMENT_TEXT_MAX.commitments).default(''),
  ourReadout: z.string().max(ENGAGEMENT_TEXT_MAX.ourReadout).default(''),
  counterpartAccount: z.string().max(ENGAGEMENT_TEXT_MAX.counterpartAccount).nullable().default(null),
  // Shown as a link: only web addresses, never javascript: or data: URLs.
  counterpartSourceUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://example.org/statement' })
    .nullable()
    .default(null),
  counterpartDate: ZDate('2025-04-30').nullable().default(null),
  followUps: z.array(ZFollowUpInput).max(50).default([]),
  synthetic: z.boolean().default(false),
});
export type TEngagementInput = z.input<typeof ZEngagementInput>;
export const ZEngagementUpdate = patchOf(ZEngagementInput);

export const ZEngagement = z.object({
  id: z.string().uuid(),
  post: z.string(),
  postName: z.string(),
  country: z.string(),
  occurredAt: z.string(),
  kind: ZEngagementKind,
  classification: ZClearance,
  status: ZEngagementStatus,
  directives: z.array(z.object({ id: z.string(), reference: z.string(), subject: z.string() })),
  contacts: z.array(z.object({ id: z.string(), name: z.string(), title: z.string(), organization: z.string() })),
  officers: z.array(z.object({ id: z.string(), name: z.string() })),
  points: z.array(
    z.object({
      talkingPointId: z.string(),
      directiveId: z.string(),
      number: z.number().int(),
      text: z.string(),
      delivered: z.boolean(),
      reception: ZReception.nullable(),
    }),
  ),
  /**
   * How many talking points of its directives (those the reader may see) apply to its post:
   * the points it could have delivered. `points` holds those recorded, delivered or not.
   */
  pointsApplicable: z.number().int(),
  commitments: z.string(),
  ourReadout: z.string(),
  counterpartAccount: z.string().nullable(),
  counterpartSourceUrl: z.string().nullable(),
  counterpartDate: z.string().nullable(),
  followUps: z.array(
    z.object({ id: z.string(), action: z.string(), owner: z.string().nullable(), ownerName: z.string().nullable(), dueDate: z.string(), done: z.boolean() }),
  ),
  synthetic: z.boolean(),
  draftedBy: z.object({ id: z.string(), name: z.string() }),
  approvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** Set while the engagement is back in draft after a return: the approver's reason. */
  returned: ZReturned.nullable(),
  allowedActions: z.array(z.string()),
});
export type TEngagement = z.infer<typeof ZEngagement>;

/**
 * An engagement as a list shows it: what it is, who, when, its directives and contacts, its
 * points delivered (without their text) and its status, not its readouts, commitments,
 * follow-ups or officers, which its own page (`GET /engagements/{id}`) gives. A page of whole
 * engagements was 115 KB, most of it text no list shows, written and checked on every request.
 */
export const ZEngagementSummary = ZEngagement.omit({
  officers: true,
  points: true,
  commitments: true,
  ourReadout: true,
  counterpartAccount: true,
  counterpartSourceUrl: true,
  counterpartDate: true,
  followUps: true,
}).extend({
  points: z.array(ZEngagement.shape.points.element.omit({ text: true })),
  /** Whether it records the counterpart's own account of the meeting. */
  hasCounterpartAccount: z.boolean(),
  /** Follow-ups not yet done. */
  openFollowUps: z.number().int(),
});
export type TEngagementSummary = z.infer<typeof ZEngagementSummary>;

/** What the "points delivered" figure counts, said beside it wherever it is shown ("Points delivered: …"). */
export const POINTS_DELIVERED_MEANING = 'talking points recorded as delivered, of the points of its directives that apply to the post (those you may see)';

/**
 * An engagement's "points delivered" figure, the one definition every list and page uses:
 * its talking points recorded as delivered, of those of its directives that apply to its post.
 * A point the engagement does not record counts as not delivered. "—" without any point to
 * deliver (no directive, or none with points for the post).
 */
export function pointsDelivered(engagement: { points: readonly { delivered: boolean }[]; pointsApplicable: number }): {
  delivered: number;
  applicable: number;
  text: string;
} {
  const delivered = engagement.points.filter((point) => point.delivered).length;
  const applicable = engagement.pointsApplicable;
  return { delivered, applicable, text: applicable === 0 && delivered === 0 ? '—' : `${delivered} of ${applicable}` };
}

export const ZEngagementListQuery = ZPageQuery.extend({
  post: z.string().max(64).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional(),
  directive: z.string().uuid().optional(),
  contact: z.string().uuid().optional(),
  status: ZEngagementStatus.optional(),
  from: ZDate('2026-01-01').optional(),
  to: ZDate('2026-12-31').optional(),
}).superRefine(checkDateRange);

/**
 * How a sentence of one account stands against the other account: `shared` (its closest
 * counterpart covers most of its content, in agreement), `partial` (some of it), `only_here`
 * (little or none), `contradicted` (a sentence about the same thing says it with the opposite
 * polarity: "did not discuss", "refused to condemn"), `not_compared` (no other account, the two
 * are in different languages or not in English, or the sentence has no content words).
 */
export const READOUT_SENTENCE_STATUSES = ['shared', 'partial', 'only_here', 'contradicted', 'not_compared'] as const;
export const ZReadoutSentenceStatus = z.enum(READOUT_SENTENCE_STATUSES);
export type TReadoutSentenceStatus = z.infer<typeof ZReadoutSentenceStatus>;

/**
 * The thresholds of the readout comparison, shared by the server that applies them and the
 * legend that states them. Scores are the share of a sentence's content (its words, weighted,
 * a title such as "Secretary" counting a third) found in its closest counterpart.
 */
export const READOUT_MATCH = {
  /** Shared: its counterpart covers at least this share of it… */
  sharedCoverage: 0.5,
  /** …and misses less than this weight, one content word. */
  sharedMissingBelow: 1,
  /** Partial: its counterpart covers at least this share of it… */
  partialCoverage: 0.25,
  /** …including one content word or a synonym of it (a shared title, "urged", or a merely related word is not enough). */
  partialContent: 0.9,
  /** A contradiction needs sentences about the same thing: one at least this much covered by the other… */
  contradictionOverlap: 0.5,
  /** …and this share of what they have in common said with the opposite polarity. */
  contradictionShare: 0.3,
} as const;

export const ZReadoutSentence = z.object({
  text: z.string(),
  /**
   * Kept for older clients: true when no sentence of the other account says the same thing
   * (status only_here, partial or contradicted); false when shared or not compared.
   */
  onlyHere: z.boolean(),
  status: ZReadoutSentenceStatus,
  /** The sentence contains a negation or refusal ("not", "never", "refused to", "without"…). */
  negated: z.boolean(),
  /** The other account's sentence closest to this one (its index there) and the share of this one's content it covers, 0 to 1. */
  closest: z.object({ index: z.number().int().min(0), score: z.number().min(0).max(1) }).nullable(),
});
export type TReadoutSentence = z.infer<typeof ZReadoutSentence>;

export const READOUT_NOTE_KINDS = ['source_note', 'editorial', 'attribution'] as const;
/** Text that is about the account rather than part of it: "(Paraphrase of … as reported.)", "[…]", "— Ministry statement". */
export const ZReadoutNote = z.object({ text: z.string(), kind: z.enum(READOUT_NOTE_KINDS) });
export type TReadoutNote = z.infer<typeof ZReadoutNote>;

/** ISO 639-3 code as detected ("und" when the text is too short to tell), and its English name. */
export const ZReadoutLanguage = z.object({ code: z.string(), name: z.string().nullable() });

/** Our readout beside the counterpart's account. */
export const ZReadoutComparison = z.object({
  ourReadout: z.string(),
  counterpartAccount: z.string().nullable(),
  counterpartSourceUrl: z.string().nullable(),
  /** Points we record as delivered that the counterpart's account does not mention (empty when not compared). */
  pointsNotMentioned: z.array(z.object({ talkingPointId: z.string(), number: z.number().int(), text: z.string() })),
  /** The statements of each account (notes left out), each with its status and closest counterpart. */
  ourSentences: z.array(ZReadoutSentence),
  counterpartSentences: z.array(ZReadoutSentence),
  ourNotes: z.array(ZReadoutNote),
  counterpartNotes: z.array(ZReadoutNote),
  languages: z.object({ ours: ZReadoutLanguage, theirs: ZReadoutLanguage.nullable() }),
  /** Whether the sentences were compared at all; when not, `notice` says why. */
  compared: z.boolean(),
  notice: z.string().nullable(),
});
export type TReadoutComparison = z.infer<typeof ZReadoutComparison>;

// ---- Cadence, coverage, notifications ---------------------------------------------------

/** By the due date alone: a post that never engaged is due at issue + cadence, and overdue after it. */
export const CADENCE_STATUSES = ['on_time', 'due_soon', 'overdue'] as const;
export const ZCadenceStatus = z.enum(CADENCE_STATUSES);

export const ZCadenceRow = z.object({
  directiveId: z.string(),
  reference: z.string(),
  post: z.string(),
  postName: z.string(),
  country: z.string(),
  bureau: z.string().nullable(),
  cadenceDays: z.number().int(),
  lastEngagementAt: z.string().nullable(),
  nextDueAt: z.string(),
  status: ZCadenceStatus,
  /** No approved engagement since the directive was issued (whatever the status). */
  neverEngaged: z.boolean(),
  /** When the directive was issued: its clock starts then. */
  issuedAt: z.string(),
});
export type TCadenceRow = z.infer<typeof ZCadenceRow>;

export const ZCadenceQuery = z.object({
  directive: z.string().uuid().optional(),
  bureau: z.string().optional(),
  weeks: z.coerce.number().int().min(1).max(52).default(12),
});

/**
 * Posts × ISO weeks (Monday, UTC). With a directive chosen, the weeks since its issue (the
 * latest 52 at most) and, per cell, the post's status at the end of that week; otherwise the
 * last `weeks` weeks and counts only. Posts grouped by bureau, then by name.
 */
export const ZCadenceHeatmap = z.object({
  weeks: z.array(z.string()),
  directiveId: z.string().nullable(),
  posts: z.array(z.object({ code: z.string(), name: z.string(), bureau: z.string().nullable() })),
  /** Approved engagements that count, per post and week. */
  counts: z.array(z.array(z.number().int())),
  /** The status at the end of each week; null before the issue or without a chosen directive. */
  statuses: z.array(z.array(ZCadenceStatus.nullable())),
});

/** Per directive, over the action posts the reader sees. */
export const ZCadenceRollup = z.object({
  directiveId: z.string(),
  reference: z.string(),
  actionPosts: z.number().int(),
  statuses: z.object({ on_time: z.number().int(), due_soon: z.number().int(), overdue: z.number().int() }),
  /** Posts with no approved engagement since issue (counted in their status too). */
  neverEngaged: z.number().int(),
  /** Talking points delivered, counted as (point, post) pairs over those that apply. */
  points: z.object({ delivered: z.number().int(), applicable: z.number().int() }),
  /** Deliveries of the directive's points per month (UTC), by reception. */
  receptionByMonth: z.array(
    z.object({ month: z.string(), receptive: z.number().int(), noncommittal: z.number().int(), disagreed: z.number().int(), notRecorded: z.number().int() }),
  ),
});
export type TCadenceRollup = z.infer<typeof ZCadenceRollup>;

export const ZCadenceReport = z.object({
  asOf: z.string(),
  rows: z.array(ZCadenceRow),
  heatmap: ZCadenceHeatmap,
  rollup: z.array(ZCadenceRollup),
});
export type TCadenceReport = z.infer<typeof ZCadenceReport>;

export const ZCoverage = z.object({
  directiveId: z.string(),
  points: z.array(
    z.object({
      talkingPointId: z.string(),
      number: z.number().int(),
      text: z.string(),
      /** Posts the point applies to, that the viewer can see. */
      applicablePosts: z.number().int(),
      deliveredPosts: z.number().int(),
      reception: z.object({ receptive: z.number().int(), noncommittal: z.number().int(), disagreed: z.number().int() }),
      /** Every country with a post the point applies to (in the viewer's scope), or with a delivery. */
      byCountry: z.array(
        z.object({
          country: z.string(),
          /** Posts of the country the point applies to, that the viewer can see. */
          applicable: z.number().int(),
          delivered: z.number().int(),
          receptive: z.number().int(),
          noncommittal: z.number().int(),
          disagreed: z.number().int(),
        }),
      ),
    }),
  ),
});
export type TCoverage = z.infer<typeof ZCoverage>;
