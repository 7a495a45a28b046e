import { submitGaps, type TEngagement } from '../../shared/engagements';
import { AppError } from '../http/app-error';
import type { AuditContext } from '../audit/audit-context';
import type { Executor } from '../db/client';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { runTransition } from '../workflow/run-transition';
import { requireVisibleEngagement, workflowSubject } from './engagement-policy';
import { findEngagementSubject, getEngagement } from './engagement-queries';
import { ENGAGEMENT_TABLE, ENGAGEMENT_WORKFLOW } from './engagement-workflow-definition';

/** Engagement columns each step sets besides the status. */
type EngagementStep = 'submit' | 'approve' | 'return';
const SETS: Record<EngagementStep, (actor: Actor, now: Date) => Record<string, unknown>> = {
  submit: (_, now) => ({ submittedAt: now }),
  approve: (actor, now) => ({ approvedBy: actor.id, approvedAt: now }),
  return: () => ({ submittedAt: null }),
};

async function transition(db: Executor, id: string, action: EngagementStep, context: AuditContext, actor: Actor, input?: unknown): Promise<TEngagement> {
  requirePermission(actor, ENGAGEMENT_WORKFLOW.transitions[action].permission);
  const row = requireVisibleEngagement(actor, await findEngagementSubject(db, id));
  await runTransition(db, {
    workflow: ENGAGEMENT_WORKFLOW,
    table: ENGAGEMENT_TABLE,
    action,
    record: workflowSubject(row),
    actor,
    context,
    input,
    set: (now) => SETS[action](actor, now),
  });
  return getEngagement(db, id, actor);
}

/**
 * The post sends its draft for approval; the post's approvers who may approve it are notified.
 * A draft that records nothing, or a delivered point without its reception, is refused (409)
 * with what it lacks: once submitted, the drafter cannot add it.
 */
export async function submitEngagement(db: Executor, id: string, context: AuditContext, actor: Actor): Promise<TEngagement> {
  requirePermission(actor, ENGAGEMENT_WORKFLOW.transitions.submit.permission);
  const row = requireVisibleEngagement(actor, await findEngagementSubject(db, id));
  if (row.status === 'draft') {
    const gaps = submitGaps(await getEngagement(db, id, actor));
    if (gaps.length > 0) throw new AppError('conflict', `This engagement cannot be submitted yet: ${gaps.join('; ')}.`);
  }
  return transition(db, id, 'submit', context, actor);
}

/** An approver of the post approves what others wrote: never content they created or changed (four eyes). */
export function approveEngagement(db: Executor, id: string, context: AuditContext, actor: Actor): Promise<TEngagement> {
  return transition(db, id, 'approve', context, actor);
}

/** An approver sends a submitted engagement back to draft with a reason (`{ reason }`), which its writers read. */
export function returnEngagement(db: Executor, id: string, input: unknown, context: AuditContext, actor: Actor): Promise<TEngagement> {
  return transition(db, id, 'return', context, actor, input);
}
