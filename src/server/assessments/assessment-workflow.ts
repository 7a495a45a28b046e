import { count, eq } from 'drizzle-orm';
import type { TAssessment } from '../../shared/assessments';
import type { AuditContext } from '../audit/audit-context';
import type { Executor } from '../db/client';
import { assessmentEvidence, assessmentScores } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { runTransition } from '../workflow/run-transition';
import { transitionRule } from '../workflow/workflow-definition';
import { submitProblem } from './assessment-content';
import { assertAssessmentAction, workflowSubject } from './assessment-policy';
import { findAssessmentSubject, getAssessment } from './assessment-queries';
import { ASSESSMENT_TABLE, ASSESSMENT_WORKFLOW } from './assessment-workflow-definition';

type AssessmentStep = 'submit' | 'approve' | 'return';

const SETS: Record<AssessmentStep, (actor: Actor, now: Date) => Record<string, unknown>> = {
  submit: (_, now) => ({ submittedAt: now }),
  approve: (actor, now) => ({ approvedBy: actor.id, approvedAt: now }),
  return: () => ({ submittedAt: null }),
};

async function transition(db: Executor, id: string, action: AssessmentStep, context: AuditContext, actor: Actor, input?: unknown): Promise<TAssessment> {
  requirePermission(actor, transitionRule(ASSESSMENT_WORKFLOW, action).permission);
  const subject = await findAssessmentSubject(db, id, actor);
  assertAssessmentAction(actor, subject, action);
  if (action === 'submit') {
    const [[scores], [evidence]] = await Promise.all([
      db.select({ n: count() }).from(assessmentScores).where(eq(assessmentScores.assessmentId, id)),
      db.select({ n: count() }).from(assessmentEvidence).where(eq(assessmentEvidence.assessmentId, id)),
    ]);
    const problem = submitProblem({ scores: scores?.n ?? 0, flagged: subject.flagged, flagRationale: subject.flagRationale, evidence: evidence?.n ?? 0 });
    if (problem) throw new AppError('conflict', problem);
  }
  await runTransition(db, {
    workflow: ASSESSMENT_WORKFLOW,
    table: ASSESSMENT_TABLE,
    action,
    record: workflowSubject(subject),
    actor,
    context,
    input,
    set: (now) => SETS[action](actor, now),
  });
  return getAssessment(db, id, actor);
}

/** The post sends its draft for approval; the post's approvers who may approve it are notified. */
export function submitAssessment(db: Executor, id: string, context: AuditContext, actor: Actor): Promise<TAssessment> {
  return transition(db, id, 'submit', context, actor);
}

/** An approver of the post who did not write it approves it; from then on it is frozen. */
export function approveAssessment(db: Executor, id: string, context: AuditContext, actor: Actor): Promise<TAssessment> {
  return transition(db, id, 'approve', context, actor);
}

/** Back to draft with a reason (`{ reason }`), which its writers read. */
export function returnAssessment(db: Executor, id: string, input: unknown, context: AuditContext, actor: Actor): Promise<TAssessment> {
  return transition(db, id, 'return', context, actor, input);
}
