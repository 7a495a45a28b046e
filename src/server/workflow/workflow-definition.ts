import type { TPermission } from '../../shared/identity';

/**
 * A record type that a post drafts and a second person approves (or verifies), declared once:
 * its states, the states in which its content may change, and its transitions. Engagements
 * declare theirs in engagement-workflow.ts; incidents, assessments and reports will declare
 * theirs the same way and get four eyes, returns with a reason, the activity timeline and the
 * approval notifications from this module.
 */
export const WORKFLOW_ACTIONS = ['submit', 'approve', 'return'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export interface TransitionRule {
  from: readonly string[];
  to: string;
  /** The role permission the actor needs (the actor must also belong to the record's post). */
  permission: TPermission;
  /** Refused to everyone who created or edited the content: four eyes. */
  fourEyes?: boolean;
  /** A written reason is required; it reaches the drafter on the record and in a notification. */
  reasonRequired?: boolean;
}

export interface Workflow {
  /** Stored in activity, comments, notifications and the audit trail: `engagement`. */
  recordType: string;
  /** In messages: "engagement". */
  label: string;
  /** The web path of a record: `/engagements`. */
  path: string;
  states: readonly string[];
  /** States in which the content may change (by the post's drafters). */
  editableIn: readonly string[];
  transitions: Record<WorkflowAction, TransitionRule>;
}

/** Checks the declaration when the module loads, so a typo in a state fails at start-up. */
export function defineWorkflow<W extends Workflow>(workflow: W): W {
  const known = new Set(workflow.states);
  const named = [...workflow.editableIn, ...Object.values(workflow.transitions).flatMap((rule) => [...rule.from, rule.to])];
  const unknown = named.filter((state) => !known.has(state));
  if (unknown.length > 0) throw new Error(`workflow ${workflow.recordType} names unknown states: ${unknown.join(', ')}`);
  return workflow;
}

/** The activity kind and audit verb of each transition. */
export const TRANSITION_PAST: Record<WorkflowAction, 'submitted' | 'approved' | 'returned'> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
};
