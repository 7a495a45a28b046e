import { and, eq, inArray, not, or, sql, type Column, type SQL } from 'drizzle-orm';
import { type Refusal, refusal } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { hasPermission, type ScopedRecord } from '../identity/access-policy';
import { transitionRule, type Workflow, type WorkflowAction } from './workflow-definition';

/** What the workflow rules need to know about a record. */
export interface WorkflowSubject extends ScopedRecord {
  status: string;
  /** Everyone who created or changed the content, the drafter included. */
  editors: readonly string[];
}

export type WorkflowStep = WorkflowAction | 'edit';

/**
 * Why the viewer may not take this step now, as the refusal the command throws (403 for the
 * role, the post or four eyes; 409 for the status), or undefined when allowed. Commands and
 * the presenters' allowedActions both ask here, so a button is shown only when it would work.
 * The caller has already checked that the viewer may see the record (404 otherwise).
 */
export function workflowRefusal(workflow: Workflow, viewer: Actor, record: WorkflowSubject, step: WorkflowStep): Refusal | undefined {
  const rule = step === 'edit' ? { permission: 'records.draft' as const, from: workflow.editableIn, fourEyes: false } : transitionRule(workflow, step);
  if (!hasPermission(viewer, rule.permission) || viewer.postId !== record.postId) {
    const who = rule.permission === 'records.approve' ? 'approvers' : 'officers and approvers';
    return refusal('forbidden', `Only ${who} of the ${workflow.label}'s post may do this (${step}).`);
  }
  if (!rule.from.includes(record.status)) {
    return refusal('conflict', `The ${workflow.label} is ${record.status}; ${step} needs it ${rule.from.join(' or ')}.`);
  }
  if (rule.fourEyes && record.editors.includes(viewer.id)) {
    return refusal('forbidden', `You drafted or changed this ${workflow.label}; someone who did not edit it must ${step} it (four eyes).`);
  }
  return undefined;
}

/**
 * The records this viewer may decide now (approve, verify): `workflowRefusal` for the
 * deciding steps, as a SQL condition on the record type's columns, for lists and counts of
 * what awaits the viewer (the home inbox). `editedBy(userId)` is the record type's own notion
 * of its editors (the drafter and everyone with an editing step), the one its subject gives
 * the predicate. The caller adds the record type's access rule (it cannot decide what it
 * cannot see); inbox.test.ts checks each record listed against the predicate's answer.
 */
export function decidableBy(workflow: Workflow, viewer: Actor, record: { postId: Column; status: Column }, editedBy: (userId: string) => SQL): SQL {
  const postId = viewer.postId;
  const deciding = Object.values(workflow.transitions).filter((rule) => rule?.effect === 'decides');
  const conditions = deciding.map((rule) =>
    !rule || postId === null || !hasPermission(viewer, rule.permission)
      ? sql`false`
      : (and(eq(record.postId, postId), inArray(record.status, [...rule.from]), rule.fourEyes ? not(editedBy(viewer.id)) : undefined) as SQL),
  );
  return conditions.length === 0 ? sql`false` : (or(...conditions) as SQL);
}
