import { and, eq, inArray, ne } from 'drizzle-orm';
import { CLEARANCES, type TClearance } from '../../shared/identity';
import { clearanceRank } from '../identity/access-policy';
import type { Executor } from '../db/client';
import { engagements, posts, users } from '../db/schema/index';
import { notify } from '../cadence/notification-store';

/**
 * Tells the people who must act next: on submit, the post's approvers (other than the
 * submitter, and cleared for the engagement's marking); on return, whoever drafted it.
 */
export async function notifyWorkflowStep(db: Executor, engagementId: string, step: 'submit' | 'return', actorId: string, at: Date): Promise<void> {
  const [engagement] = await db
    .select({
      postId: engagements.postId,
      postName: posts.name,
      classification: engagements.classification,
      draftedBy: engagements.draftedBy,
      kind: engagements.kind,
    })
    .from(engagements)
    .innerJoin(posts, eq(posts.id, engagements.postId))
    .where(eq(engagements.id, engagementId));
  if (!engagement) return;
  const link = `/engagements/${engagementId}`;
  if (step === 'return') {
    await notify(db, [
      {
        userId: engagement.draftedBy,
        kind: 'engagement.returned',
        title: 'Engagement returned to draft',
        body: `An approver at ${engagement.postName} returned your ${engagement.kind} for changes.`,
        link,
        dedupeKey: `engagement:${engagementId}:returned:${at.getTime()}`,
      },
    ]);
    return;
  }
  const approvers = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.postId, engagement.postId),
        eq(users.role, 'approver'),
        eq(users.disabled, false),
        ne(users.id, actorId),
        // Cleared for the engagement's marking: that level or above.
        inArray(users.clearance, CLEARANCES.slice(clearanceRank(engagement.classification as TClearance))),
      ),
    );
  await notify(
    db,
    approvers.map((approver) => ({
      userId: approver.id,
      kind: 'engagement.submitted',
      title: 'Engagement awaiting approval',
      body: `A ${engagement.kind} at ${engagement.postName} was submitted for your approval.`,
      link,
      dedupeKey: `engagement:${engagementId}:submitted:${at.getTime()}:${approver.id}`,
    })),
  );
}
