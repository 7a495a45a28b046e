import { z } from 'zod';

/** A notification as its reader reads it: composed at read time, about a record the reader may see now. */
export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  /** Composed when read, from what the reader may see now. */
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  recordType: z.string(),
  recordId: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** When nothing is left to do: the record was approved, verified, returned or rejected, the follow-up done. */
  resolvedAt: z.string().nullable(),
  resolution: z.enum(['approved', 'verified', 'returned', 'rejected', 'done']).nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;
