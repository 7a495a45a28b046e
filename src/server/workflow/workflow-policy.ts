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
