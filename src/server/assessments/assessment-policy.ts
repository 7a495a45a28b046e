import { and, type Column, eq, ne, or, type SQL } from 'drizzle-orm';
import { ASSESSMENT_ACTIONS, type TAssessmentAction } from '../../shared/assessments';
import { POST_ROLES } from '../../shared/identity';
import { assessments } from '../db/schema/index';
import { AppError, type Refusal, refusal } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { canSee, requireVisible, visibleRecords, type ScopedRecord } from '../identity/access-policy';
import { hasEditingStep } from '../workflow/record-activity';
import { decidableBy, workflowRefusal } from '../workflow/workflow-policy';
import { ASSESSMENT_WORKFLOW } from './assessment-workflow-definition';

/**
 * Who sees an assessment, and what they may do with it: the one access rule (post scope and
 * marking) plus the draft rule of every workflow record (a draft is the post's working copy,
 * seen only by its officers and approvers). The SQL form serves lists, the map, the timeline,
 * the change view and the deadlines; the predicate serves one record.
 */
export interface AssessmentScope extends ScopedRecord {
  status: string;
  draftedBy: string;
  approvedAt: Date | null;
}

export interface AssessmentSubject extends AssessmentScope {
  editors: readonly string[];
}

const seesDrafts = (viewer: Actor) => POST_ROLES.includes(viewer.role);

/** The columns the rule reads, so that it also applies to an alias of the table (the assessment a draft was copied from). */
type AssessmentColumns = { postId: Column; classification: Column; status: Column };

export function visibleAssessments(viewer: Actor, table: AssessmentColumns = assessments): SQL {
  const scoped = visibleRecords(viewer, { postId: table.postId, classification: table.classification });
  return seesDrafts(viewer) ? scoped : (and(scoped, ne(table.status, 'draft')) as SQL);
}

export function canSeeAssessment(viewer: Actor, assessment: Pick<AssessmentScope, 'postId' | 'postBureauCode' | 'classification' | 'status'>): boolean {
  return canSee(viewer, assessment) && (assessment.status !== 'draft' || seesDrafts(viewer));
}

export function requireVisibleAssessment<T extends AssessmentScope>(viewer: Actor, assessment: T | undefined): T {
  const record = requireVisible(viewer, assessment, 'Assessment');
  if (!canSeeAssessment(viewer, record)) throw AppError.notFound('Assessment');
  return record;
}

/** The assessment with its drafter among its editors, as the shared workflow expects it. */
export function workflowSubject<T extends AssessmentSubject>(assessment: T): T {
  return { ...assessment, editors: [assessment.draftedBy, ...assessment.editors] };
}

const frozen = (assessment: AssessmentScope) =>
  refusal(
    'conflict',
    `The assessment was approved${assessment.approvedAt ? ` on ${assessment.approvedAt.toISOString().slice(0, 10)}` : ''} and is frozen: nothing in it changes. Start the next period's assessment, which begins as a copy of it.`,
  );

/** Why the viewer may not do this now, as the refusal the command throws, or undefined. */
export function assessmentRefusal(viewer: Actor, assessment: AssessmentSubject, action: TAssessmentAction): Refusal | undefined {
  if (assessment.status === 'approved') return frozen(assessment);
  return workflowRefusal(ASSESSMENT_WORKFLOW, viewer, workflowSubject(assessment), action === 'update' ? 'edit' : action);
}

export function assertAssessmentAction(viewer: Actor, assessment: AssessmentSubject, action: TAssessmentAction): void {
  const refused = assessmentRefusal(viewer, assessment, action);
  if (refused) throw AppError.from(refused);
}

export function assessmentActions(viewer: Actor, assessment: AssessmentSubject): TAssessmentAction[] {
  if (!canSeeAssessment(viewer, assessment)) return [];
  return ASSESSMENT_ACTIONS.filter((action) => !assessmentRefusal(viewer, assessment, action));
}

/** The drafter or anyone with an editing step: `workflowSubject`'s editors as a condition. */
export function assessmentEditedBy(userId: string): SQL {
  return or(eq(assessments.draftedBy, userId), hasEditingStep(ASSESSMENT_WORKFLOW.recordType, assessments.id, userId)) as SQL;
}

/** Assessments the viewer may approve now (never one they wrote). */
export function assessmentsAwaitingDecisionBy(viewer: Actor): SQL {
  return and(visibleAssessments(viewer), decidableBy(ASSESSMENT_WORKFLOW, viewer, assessments, assessmentEditedBy)) as SQL;
}
