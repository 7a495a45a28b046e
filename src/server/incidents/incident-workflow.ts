import type { TIncident } from '../../shared/incidents';
import type { AuditContext } from '../audit/audit-context';
import type { Executor } from '../db/client';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { runTransition } from '../workflow/run-transition';
import { transitionRule } from '../workflow/workflow-definition';
import { assertIncidentAction, workflowSubject } from './incident-policy';
import { findIncidentSubject, getIncident } from './incident-queries';
import { INCIDENT_TABLE, INCIDENT_WORKFLOW } from './incident-workflow-definition';

type IncidentStep = 'submit' | 'verify' | 'return' | 'reject';

/** Incident columns each step sets besides the status. */
const SETS: Record<IncidentStep, (actor: Actor, now: Date) => Record<string, unknown>> = {
  submit: (_, now) => ({ submittedAt: now }),
  verify: (actor, now) => ({ verifiedBy: actor.id, verifiedAt: now }),
  return: () => ({ submittedAt: null }),
  reject: () => ({}),
};

async function transition(db: Executor, id: string, action: IncidentStep, context: AuditContext, actor: Actor, input?: unknown): Promise<TIncident> {
  requirePermission(actor, transitionRule(INCIDENT_WORKFLOW, action).permission);
  const subject = await findIncidentSubject(db, id, actor);
  // Merged incidents are pointers: the incident's own rule refuses before the shared one runs.
  assertIncidentAction(actor, subject, action);
  await runTransition(db, {
    workflow: INCIDENT_WORKFLOW,
    table: INCIDENT_TABLE,
    action,
    record: workflowSubject(subject),
    actor,
    context,
    input,
    set: (now) => SETS[action](actor, now),
  });
  return getIncident(db, id, actor);
}

/** The post sends its draft for verification; the post's approvers who may verify it are notified. */
export function submitIncident(db: Executor, id: string, context: AuditContext, actor: Actor): Promise<TIncident> {
  return transition(db, id, 'submit', context, actor);
}

/** An approver of the post verifies what others wrote: never an incident they created, edited or merged content into. */
export function verifyIncident(db: Executor, id: string, context: AuditContext, actor: Actor): Promise<TIncident> {
  return transition(db, id, 'verify', context, actor);
}

/** Back to draft with a reason (`{ reason }`), which its writers read. */
export function returnIncident(db: Executor, id: string, input: unknown, context: AuditContext, actor: Actor): Promise<TIncident> {
  return transition(db, id, 'return', context, actor, input);
}

/** Rejected with a reason (`{ reason }`): the incident is kept, frozen, and its writers are told why. */
export function rejectIncident(db: Executor, id: string, input: unknown, context: AuditContext, actor: Actor): Promise<TIncident> {
  return transition(db, id, 'reject', context, actor, input);
}
