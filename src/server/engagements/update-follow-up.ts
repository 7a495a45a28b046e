import { and, eq } from 'drizzle-orm';
import type { TEngagement } from '../../shared/engagements';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { followUps } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { resolveNotifications } from '../notifications/notification-store';
import { assertEngagementAction, requireVisibleEngagement } from './engagement-policy';
import { findEngagementSubject, getEngagement } from './engagement-queries';

/** Marks a follow-up done or not; allowed on approved engagements, whose facts stay frozen. */
export async function updateFollowUp(
  db: Executor,
  engagementId: string,
  followUpId: string,
  done: boolean,
  context: AuditContext,
  actor: Actor,
): Promise<TEngagement> {
  requirePermission(actor, 'records.draft');
  const engagement = requireVisibleEngagement(actor, await findEngagementSubject(db, engagementId));
  assertEngagementAction(actor, engagement, 'update_follow_up');
  const [followUp] = await db
    .select({ id: followUps.id, doneAt: followUps.doneAt })
    .from(followUps)
    .where(and(eq(followUps.id, followUpId), eq(followUps.engagementId, engagementId)))
    .limit(1);
  if (!followUp) throw AppError.notFound('Follow-up');
  if ((followUp.doneAt !== null) !== done) {
    await db.transaction(async (tx) => {
      await tx
        .update(followUps)
        .set({ doneAt: done ? new Date() : null })
        .where(eq(followUps.id, followUpId));
      await recordAudit(tx, context, {
        action: 'follow_up.updated',
        recordType: 'follow_up',
        recordId: followUpId,
        change: { engagement: engagementId, done: { from: !done, to: done } },
        classification: engagement.classification,
      });
      // Done: its overdue reminder needs nobody any more.
      if (done) {
        await resolveNotifications(tx, {
          recordType: 'engagement',
          recordId: engagementId,
          kinds: ['follow_up.overdue'],
          resolution: 'done',
          param: { name: 'followUpId', value: followUpId },
        });
      }
    });
  }
  return getEngagement(db, engagementId, actor);
}
