import { z } from 'zod';
import { checkDateRange, ZDateTime } from './dates';
import { ZClearance } from './identity';
import { ZPageQuery } from './pagination';

/** The kinds of record the trail speaks of, with the word a reader sees (filter, record column). */
export const AUDIT_RECORD_TYPE_LABEL: Record<string, string> = {
  user: 'User',
  api_token: 'API token',
  session: 'Session',
  directive: 'Directive',
  tag: 'TAGS',
  engagement: 'Engagement',
  follow_up: 'Follow-up',
  contact: 'Contact',
  incident: 'Incident',
  incident_category: 'Incident category',
  agreement: 'Agreement',
  policy_measure: 'Policy measure',
  policy_area: 'Policy area',
  assessment: 'Policy assessment',
  comment: 'Comment',
  notification: 'Notification',
  post: 'Post',
  audit: 'Audit trail',
};
export const AUDIT_RECORD_TYPES = Object.keys(AUDIT_RECORD_TYPE_LABEL);

/** What a reader is told in place of the name of a record they may not open. */
export const WITHHELD_RECORD = 'a record you may not open';

export const ZAuditRecord = z.object({
  type: z.string(),
  /** "Engagement", "User": the kind of record in words. */
  typeLabel: z.string(),
  id: z.string().nullable(),
  /** The record's name for this reader; null when they may not open it (or it has no name). */
  name: z.string().nullable(),
  /** The page of the record, when the reader may open it and it has one. */
  href: z.string().nullable(),
  /** True when the record exists for others but not for this reader: its name and the change's values are withheld. */
  withheld: z.boolean(),
});
export type TAuditRecord = z.infer<typeof ZAuditRecord>;

/** One changed field in words: "Status" and "draft → submitted"; `text` is null when the value is withheld. */
export const ZAuditChangeItem = z.object({
  field: z.string(),
  label: z.string(),
  text: z.string().nullable(),
});
export type TAuditChangeItem = z.infer<typeof ZAuditChangeItem>;

export const ZAuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  /** The actor's name as it is now; null for Demarche itself, the command line, or an unknown email. */
  actorName: z.string().nullable(),
  via: z.enum(['session', 'token', 'cli', 'system']),
  action: z.string(),
  /** The action in words: "Signed in", "Password changed". */
  actionLabel: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  record: ZAuditRecord,
  /** The change as stored; null when the reader may not open the record. */
  change: z.unknown(),
  /** The change in words, one item per field. */
  changes: z.array(ZAuditChangeItem),
  address: z.string().nullable(),
  /** The marking of the record the event is about; events above the reader's clearance are not listed. */
  classification: ZClearance,
  prevHash: z.string(),
  hash: z.string(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditQuery = ZPageQuery.extend({
  actor: z.string().max(254).optional().describe('Actor email or id'),
  action: z.string().max(100).optional().describe('Exact action, e.g. session.sign_in_failed'),
  recordType: z.string().max(100).optional(),
  recordId: z.string().max(100).optional(),
  from: ZDateTime().optional(),
  to: ZDateTime().optional(),
}).superRefine(checkDateRange);
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
