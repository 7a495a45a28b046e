import { and, ne, type SQL } from 'drizzle-orm';
import { POST_ROLES, type TPermission } from '../../shared/identity';
import { engagements } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { assertFourEyes, canSee, hasPermission, requireVisible, visibleRecords, type ScopedRecord } from '../identity/access-policy';

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

export const ENGAGEMENT_ACTIONS = ['update', 'submit', 'approve', 'return', 'update_follow_up'] as const;
export type EngagementAction = (typeof ENGAGEMENT_ACTIONS)[number];

const RULES: Record<EngagementAction, { permission: TPermission; from: string[] }> = {
  update: { permission: 'records.draft', from: ['draft'] },
  submit: { permission: 'records.draft', from: ['draft'] },
  approve: { permission: 'records.approve', from: ['submitted'] },
  return: { permission: 'records.approve', from: ['submitted'] },
  // Follow-ups are worked after approval too: marking one done changes no reported fact.
  update_follow_up: { permission: 'records.draft', from: ['draft', 'submitted', 'approved'] },
};

/**
 * Why the viewer may not do this now, as the error the command throws (403 for the role or
 * post, 409 for the status, 403 for four eyes), or undefined when allowed. Commands and the
 * presenter's allowedActions both ask here, so a button is shown only when it would work.
 */
export function actionRefusal(viewer: Actor, engagement: EngagementScope, action: EngagementAction): AppError | undefined {
  const rule = RULES[action];
  if (!hasPermission(viewer, rule.permission) || viewer.postId !== engagement.postId) {
    return new AppError(
      'forbidden',
      `Only ${rule.permission === 'records.approve' ? 'approvers' : 'officers and approvers'} of the engagement's post may do this (${action}).`,
    );
  }
  if (!rule.from.includes(engagement.status)) {
    return new AppError('conflict', `The engagement is ${engagement.status}; ${action} needs it ${rule.from.join(' or ')}.`);
  }
  if (action === 'approve') {
    try {
      assertFourEyes(viewer, engagement.draftedBy, 'this engagement');
    } catch (error) {
      return error as AppError;
    }
  }
  return undefined;
}

export function assertEngagementAction(viewer: Actor, engagement: EngagementScope, action: EngagementAction): void {
  const refusal = actionRefusal(viewer, engagement, action);
  if (refusal) throw refusal;
}

/** What the viewer may do now; the web app shows only these buttons. */
export function engagementActions(viewer: Actor, engagement: EngagementScope): string[] {
  if (!canSeeEngagement(viewer, engagement)) return [];
  return ENGAGEMENT_ACTIONS.filter((action) => !actionRefusal(viewer, engagement, action));
}
