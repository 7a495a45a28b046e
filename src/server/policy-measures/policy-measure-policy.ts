import type { SQL } from 'drizzle-orm';
import type { TPolicyMeasureAction } from '../../shared/policy-measures';
import { POLICY_MEASURE_ACTIONS } from '../../shared/policy-measures';
import { policyMeasures } from '../db/schema/index';
import { AppError, type Refusal, refusal } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { canSee, hasPermission, requireVisible, visibleRecords, type ScopedRecord } from '../identity/access-policy';

/**
 * Who sees a policy measure, and who changes it. Measures follow the one access rule (post
 * scope and marking) and have no workflow: a law is a fact the post records with its sources,
 * and each change is audited. The post that recorded it keeps it up to date.
 */
export type PolicyMeasureScope = ScopedRecord;

export function visiblePolicyMeasures(viewer: Actor): SQL {
  return visibleRecords(viewer, { postId: policyMeasures.postId, classification: policyMeasures.classification });
}

/** 404 for a measure the viewer may not see: for them it does not exist. */
export function requireVisibleMeasure<T extends PolicyMeasureScope>(viewer: Actor, measure: T | undefined): T {
  return requireVisible(viewer, measure, 'Policy measure');
}

/** Why the viewer may not change this measure, or undefined; commands and allowedActions both ask here. */
export function measureRefusal(viewer: Actor, measure: PolicyMeasureScope, _action: TPolicyMeasureAction): Refusal | undefined {
  if (!hasPermission(viewer, 'records.draft') || viewer.postId !== measure.postId) {
    return refusal('forbidden', 'Only officers and approvers of the post that recorded the measure change it.');
  }
  return undefined;
}

export function assertMeasureAction(viewer: Actor, measure: PolicyMeasureScope, action: TPolicyMeasureAction): void {
  const refused = measureRefusal(viewer, measure, action);
  if (refused) throw AppError.from(refused);
}

export function measureActions(viewer: Actor, measure: PolicyMeasureScope): TPolicyMeasureAction[] {
  if (!canSee(viewer, measure)) return [];
  return POLICY_MEASURE_ACTIONS.filter((action) => !measureRefusal(viewer, measure, action));
}
