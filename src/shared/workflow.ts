import { z } from 'zod';

/**
 * The record workflow every drafted-and-approved record type shares (engagements now;
 * incidents, assessments and reports next): its activity timeline, comments and returns.
 */
export const ACTIVITY_KINDS = ['created', 'edited', 'submitted', 'returned', 'approved', 'verified', 'rejected', 'merged', 'unmerged', 'comment'] as const;
export const ZActivityKind = z.enum(ACTIVITY_KINDS);
export type TActivityKind = z.infer<typeof ZActivityKind>;

export const ZPerson = z.object({ id: z.string(), name: z.string() });
export type TPerson = z.infer<typeof ZPerson>;

export const ZActivityItem = z.object({
  id: z.string(),
  kind: ZActivityKind,
  /** Null for work the system did. */
  actor: ZPerson.nullable(),
  at: z.string(),
  /** For `edited`: the fields that changed. */
  fields: z.array(z.string()),
  /** The reason of a return, or the text of a comment. */
  note: z.string().nullable(),
});
export type TActivityItem = z.infer<typeof ZActivityItem>;

export const ZActivity = z.object({ items: z.array(ZActivityItem) });
export type TActivity = z.infer<typeof ZActivity>;

export const COMMENT_MAX = 4000;
export const ZCommentInput = z.object({
  body: z
    .string({ error: 'is required: write the comment' })
    .trim()
    .min(1, 'is empty: write the comment')
    .max(COMMENT_MAX, `must be at most ${COMMENT_MAX} characters`),
});
export type TCommentInput = z.input<typeof ZCommentInput>;

export const RETURN_REASON_MAX = 2000;
export const ZReturnInput = z.object({
  reason: z
    .string({ error: 'is required: say what the drafter should change' })
    .trim()
    .min(1, 'is required: say what the drafter should change')
    .max(RETURN_REASON_MAX, `must be at most ${RETURN_REASON_MAX} characters`),
});
export type TReturnInput = z.input<typeof ZReturnInput>;

/** The latest return of a record that is back in draft: shown to the drafter on the record. */
export const ZReturned = z.object({ reason: z.string(), by: ZPerson.nullable(), at: z.string() });
export type TReturned = z.infer<typeof ZReturned>;
