import { and, eq, ne, or, type SQL } from 'drizzle-orm';
import { POST_ROLES } from '../../shared/identity';
import { engagements } from '../db/schema/index';
import { AppError, type Refusal, refusal } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { canSee, hasPermission, requireVisible, visibleRecords, type ScopedRecord } from '../identity/access-policy';
import { hasEditingStep } from '../workflow/record-activity';
import { decidableBy, workflowRefusal } from '../workflow/workflow-policy';
import { ENGAGEMENT_WORKFLOW } from './engagement-workflow-definition';

/**
 * Who sees an engagement, and what they may do with it. Engagements follow the one access
 * rule (post scope and marking) plus one more: a draft is the post's working copy, seen only
 * by the post's officers and approvers; bureau and headquarters readers see what the post has
 * submitted or approved. Both forms, SQL for lists and counts and a predicate for one record,
 * take the draft rule from `seesDrafts`, and engagement-policy.test.ts checks they agree.
 */
export interface EngagementScope extends ScopedRecord {
  status: string;
  draftedBy: string;
}

/** An engagement as the workflow rules see it: with everyone who wrote its content. */
export interface EngagementSubject extends EngagementScope {
  /** Users with a created or edited step in its activity (the drafter is added in any case). */
  editors: readonly string[];
}

export function seesDrafts(viewer: Actor): boolean {
  return POST_ROLES.includes(viewer.role);
}

export function visibleEngagements(viewer: Actor): SQL {
  const scoped = visibleRecords(viewer, { postId: engagements.postId, classification: engagements.classification });
  return seesDrafts(viewer) ? scoped : (and(scoped, ne(engagements.status, 'draft')) as SQL);
}

export function canSeeEngagement(viewer: Actor, engagement: Omit<EngagementScope, 'draftedBy'>): boolean {
  return canSee(viewer, engagement) && (engagement.status !== 'draft' || seesDrafts(viewer));
}

/** 404 for an engagement the viewer may not see: for them it does not exist. */
export function requireVisibleEngagement<T extends EngagementScope>(viewer: Actor, engagement: T | undefined): T {
  const record = requireVisible(viewer, engagement, 'Engagement');
  if (!canSeeEngagement(viewer, record)) throw AppError.notFound('Engagement');
  return record;
}

export const ENGAGEMENT_ACTIONS = ['update', 'submit', 'approve', 'return', 'update_follow_up', 'comment'] as const;
export type EngagementAction = (typeof ENGAGEMENT_ACTIONS)[number];

function withDrafter<T extends EngagementSubject>(engagement: T): T & { editors: string[] } {
  return { ...engagement, editors: [engagement.draftedBy, ...engagement.editors] };
}

/**
 * Why the viewer may not do this now, as the error the command throws, or undefined when
 * allowed. The drafting steps are the shared workflow's (engagement-workflow-definition.ts);
 * follow-ups and comments are engagements' own. Commands and the presenter's allowedActions
 * both ask here, so a button is shown only when it would work.
 */
export function actionRefusal(viewer: Actor, engagement: EngagementSubject, action: EngagementAction): Refusal | undefined {
  switch (action) {
    case 'update':
      return workflowRefusal(ENGAGEMENT_WORKFLOW, viewer, withDrafter(engagement), 'edit');
    case 'submit':
    case 'approve':
    case 'return':
      return workflowRefusal(ENGAGEMENT_WORKFLOW, viewer, withDrafter(engagement), action);
    case 'update_follow_up':
      // Follow-ups are worked after approval too: marking one done changes no reported fact.
      return hasPermission(viewer, 'records.draft') && viewer.postId === engagement.postId
        ? undefined
        : refusal('forbidden', 'Only officers and approvers of the engagement’s post may update its follow-ups.');
    case 'comment':
      // Whoever may read the engagement may discuss it; a comment changes none of its content.
      return hasPermission(viewer, 'records.read') ? undefined : refusal('forbidden', `Your role (${viewer.role}) does not comment on records.`);
  }
}

export function assertEngagementAction(viewer: Actor, engagement: EngagementSubject, action: EngagementAction): void {
  const refused = actionRefusal(viewer, engagement, action);
  if (refused) throw AppError.from(refused);
}

/** The engagement with its drafter among the editors, as the shared workflow expects it. */
export function workflowSubject<T extends EngagementSubject>(engagement: T): T {
  return withDrafter(engagement);
}

/** What the viewer may do now; the web app shows only these buttons. */
export function engagementActions(viewer: Actor, engagement: EngagementSubject): string[] {
  if (!canSeeEngagement(viewer, engagement)) return [];
  return ENGAGEMENT_ACTIONS.filter((action) => !actionRefusal(viewer, engagement, action));
}

/** `workflowSubject`'s editors as a condition: the user drafted the engagement or has an editing step. */
export function engagementEditedBy(userId: string): SQL {
  return or(eq(engagements.draftedBy, userId), hasEditingStep(ENGAGEMENT_WORKFLOW.recordType, engagements.id, userId)) as SQL;
}

/** Engagements the viewer sees and may approve now (never one they wrote): the list form of `actionRefusal(…, 'approve')`. */
export function engagementsAwaitingDecisionBy(viewer: Actor): SQL {
  return and(visibleEngagements(viewer), decidableBy(ENGAGEMENT_WORKFLOW, viewer, engagements, engagementEditedBy)) as SQL;
}
