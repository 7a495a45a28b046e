import type { TActivity, TActivityItem } from '../../shared/workflow';
import type { AuditContext } from '../audit/audit-context';
import type { Executor } from '../db/client';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { addComment } from '../workflow/comments';
import { loadActivity } from '../workflow/record-activity';
import { assertEngagementAction, requireVisibleEngagement } from './engagement-policy';
import { findEngagementRow, findEngagementSubject } from './engagement-queries';
import { ENGAGEMENT_WORKFLOW } from './engagement-workflow-definition';

/** The timeline of an engagement the reader may see (404 otherwise). */
export async function engagementActivity(db: Executor, id: string, reader: Actor): Promise<TActivity> {
  requirePermission(reader, 'records.read');
  requireVisibleEngagement(reader, await findEngagementRow(db, id));
  return { items: await loadActivity(db, ENGAGEMENT_WORKFLOW.recordType, id) };
}

/** A comment by someone who may read the engagement. */
export async function commentOnEngagement(db: Executor, id: string, input: unknown, context: AuditContext, actor: Actor): Promise<TActivityItem> {
  requirePermission(actor, 'records.read');
  const engagement = requireVisibleEngagement(actor, await findEngagementSubject(db, id));
  assertEngagementAction(actor, engagement, 'comment');
  return addComment(db, { workflow: ENGAGEMENT_WORKFLOW, record: engagement, actor, input, context });
}
