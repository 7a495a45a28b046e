import { z } from 'zod';
import { ZCadenceStatus, ZEngagementKind } from './engagements';
import { ZClearance } from './identity';
import { ZTimePrecision } from './incidents';
import { ZNotification } from './notifications';
import { ZPerson, ZReturned } from './workflow';

/**
 * What needs the signed-in user now, computed for them alone (`GET /api/v1/inbox`): records
 * awaiting their decision, their drafts returned to them, their post's deadlines, their open
 * follow-ups, their unread notifications and, for readers of several posts, the posts overdue
 * in their scope. A section is null when it does not concern the reader's role; each lists at
 * most a few items, with the total and where the full list is.
 */
export const INBOX_SHOWN = 10;
export const INBOX_NOTIFICATIONS_SHOWN = 5;

/** A drafted-and-approved record, with what names it to a reader who may see it. */
export const ZInboxRecord = z.discriminatedUnion('recordType', [
  z.object({
    recordType: z.literal('engagement'),
    id: z.string(),
    postName: z.string(),
    classification: ZClearance,
    kind: ZEngagementKind,
    occurredAt: z.string(),
  }),
  z.object({
    recordType: z.literal('incident'),
    id: z.string(),
    postName: z.string(),
    classification: ZClearance,
    categoryName: z.string(),
    placeName: z.string(),
    occurredOn: z.string(),
    timePrecision: ZTimePrecision,
  }),
  z.object({
    recordType: z.literal('assessment'),
    id: z.string(),
    postName: z.string(),
    classification: ZClearance,
    countryName: z.string(),
    /** "2026-Q3" */
    period: z.string(),
  }),
]);
export type TInboxRecord = z.infer<typeof ZInboxRecord>;

/** A bounded list: the first items, how many there are in all, and the page that lists them all. */
const section = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), link: z.string() });

export const ZAwaitingItem = z.object({ record: ZInboxRecord, submittedAt: z.string(), draftedBy: ZPerson, link: z.string() });
export type TAwaitingItem = z.infer<typeof ZAwaitingItem>;

export const ZReturnedItem = z.object({ record: ZInboxRecord, returned: ZReturned, link: z.string() });
export type TReturnedItem = z.infer<typeof ZReturnedItem>;

export const ZInboxDeadline = z.object({
  directiveId: z.string(),
  reference: z.string(),
  cadenceDays: z.number().int(),
  lastEngagementAt: z.string().nullable(),
  nextDueAt: z.string(),
  status: ZCadenceStatus,
  neverEngaged: z.boolean(),
});
export type TInboxDeadline = z.infer<typeof ZInboxDeadline>;

export const ZInboxFollowUp = z.object({
  id: z.string(),
  action: z.string(),
  dueDate: z.string(),
  /** Due before today (UTC). */
  overdue: z.boolean(),
  engagement: ZInboxRecord,
  link: z.string(),
});
export type TInboxFollowUp = z.infer<typeof ZInboxFollowUp>;

/** A post with at least one directive overdue, and which. */
export const ZOverduePost = z.object({
  post: z.string(),
  postName: z.string(),
  bureau: z.string().nullable(),
  directives: z.array(z.object({ directiveId: z.string(), reference: z.string(), nextDueAt: z.string(), neverEngaged: z.boolean() })),
  link: z.string(),
});
export type TOverduePost = z.infer<typeof ZOverduePost>;

export const ZInbox = z.object({
  asOf: z.string(),
  /** Submitted records of the reader's post that they may approve or verify (never one they wrote). */
  awaitingDecision: section(ZAwaitingItem).nullable(),
  /** Drafts the reader wrote that an approver returned, with the reason; gone once submitted again. */
  returned: section(ZReturnedItem).nullable(),
  /** The reader's post's next due dates, the soonest (overdue) first. */
  deadlines: section(ZInboxDeadline)
    .extend({ post: z.object({ code: z.string(), name: z.string() }), overdue: z.number().int() })
    .nullable(),
  /** Follow-ups the reader owns and has not done, the soonest due first. */
  followUps: section(ZInboxFollowUp).extend({ overdue: z.number().int() }).nullable(),
  /** Unread notifications: the newest few and their count. */
  notifications: section(ZNotification),
  /** For readers of several posts: the posts with an overdue directive, the longest overdue first. */
  overduePosts: section(ZOverduePost).extend({ overdueDirectives: z.number().int() }).nullable(),
});
export type TInbox = z.infer<typeof ZInbox>;
