import { and, eq } from 'drizzle-orm';
import type { TEngagement } from '../../shared/engagements';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { engagements } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { assertEngagementAction, requireVisibleEngagement, type EngagementAction } from './engagement-policy';
import { findEngagementRow, getEngagement } from './engagement-queries';
import { notifyWorkflowStep } from './engagement-notifications';

interface Transition {
  action: Extract<EngagementAction, 'submit' | 'approve' | 'return'>;
  from: string;
  to: string;
  set: (actor: Actor, now: Date) => Partial<typeof engagements.$inferInsert>;
  audit: string;
}

const SUBMIT: Transition = { action: 'submit', from: 'draft', to: 'submitted', set: (_, now) => ({ submittedAt: now }), audit: 'engagement.submitted' };
const APPROVE: Transition = {
  action: 'approve',
  from: 'submitted',
  to: 'approved',
  set: (actor, now) => ({ approvedBy: actor.id, approvedAt: now }),
  audit: 'engagement.approved',
};
const RETURN: Transition = { action: 'return', from: 'submitted', to: 'draft', set: () => ({ submittedAt: null }), audit: 'engagement.returned' };

/**
 * draft → submitted → approved, and submitted → draft when returned. The status is checked
 * again in the UPDATE itself, so two approvers acting at once cannot both succeed.
 */
async function transition(
  db: Executor,
  id: string,
  step: Transition,
  context: AuditContext,
  actor: Actor,
  change: Record<string, unknown> = {},
): Promise<TEngagement> {
  requirePermission(actor, step.action === 'submit' ? 'records.draft' : 'records.approve');
  const row = requireVisibleEngagement(actor, await findEngagementRow(db, id));
  assertEngagementAction(actor, row, step.action);
  await db.transaction(async (tx) => {
    const now = new Date();
    const [moved] = await tx
      .update(engagements)
      .set({ status: step.to, ...step.set(actor, now), updatedAt: now })
      .where(and(eq(engagements.id, id), eq(engagements.status, step.from)))
      .returning({ id: engagements.id });
    if (!moved) throw new AppError('conflict', `The engagement is no longer ${step.from}.`);
    await recordAudit(tx, context, {
      action: step.audit,
      recordType: 'engagement',
      recordId: id,
      change: { status: { from: step.from, to: step.to }, ...change },
      classification: row.classification,
    });
    if (step.action !== 'approve') await notifyWorkflowStep(tx, id, step.action, actor.id, now);
  });
  return getEngagement(db, id, actor);
}

/** The post sends its draft for approval. */
export function submitEngagement(db: Executor, id: string, context: AuditContext, actor: Actor): Promise<TEngagement> {
  return transition(db, id, SUBMIT, context, actor);
}

/** An approver of the post approves what someone else drafted (four eyes). */
export function approveEngagement(db: Executor, id: string, context: AuditContext, actor: Actor): Promise<TEngagement> {
  return transition(db, id, APPROVE, context, actor);
}

/** An approver sends a submitted engagement back to draft, with the reason when given. */
export function returnEngagement(db: Executor, id: string, reason: string | undefined, context: AuditContext, actor: Actor): Promise<TEngagement> {
  return transition(db, id, RETURN, context, actor, reason ? { reason } : {});
}
