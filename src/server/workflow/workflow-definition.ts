import type { TPermission } from '../../shared/identity';

/**
 * A record type that a post drafts and a second person approves (or verifies), declared once:
 * its states, the states in which its content may change, and its transitions. Engagements
 * (submit, approve, return) and incidents (submit, verify, return, reject) declare theirs
 * beside their commands; assessments and reports will declare theirs the same way and get
 * four eyes, returns with a reason, the activity timeline and the notifications from here.
 */
export type WorkflowAction = 'submit' | 'approve' | 'verify' | 'return' | 'reject';

/** What a step means for the people waiting on the record. */
export type TransitionEffect =
  /** The record now awaits a second person: the approvers who could take it are notified. */
  | 'requests_approval'
  /** The record was decided: whoever was asked is no longer awaited. */
  | 'decides'
  /** The record goes back to its writers with the reason: they are notified, nobody is awaited. */
  | 'sends_back';

export interface TransitionRule {
  /** The activity kind and audit verb of the step: `submitted`, `verified`… */
  past: 'submitted' | 'approved' | 'verified' | 'returned' | 'rejected';
  effect: TransitionEffect;
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
  transitions: Partial<Record<WorkflowAction, TransitionRule>>;
}

/** Checks the declaration when the module loads, so a typo in a state fails at start-up. */
export function defineWorkflow<W extends Workflow>(workflow: W): W {
  const known = new Set(workflow.states);
  const named = [...workflow.editableIn, ...Object.values(workflow.transitions).flatMap((rule) => [...(rule?.from ?? []), rule?.to ?? ''])];
  const unknown = named.filter((state) => !known.has(state));
  if (unknown.length > 0) throw new Error(`workflow ${workflow.recordType} names unknown states: ${unknown.join(', ')}`);
  return workflow;
}

/** The rule of a step the workflow declares; a step it does not declare is a programming error. */
export function transitionRule(workflow: Workflow, action: WorkflowAction): TransitionRule {
  const rule = workflow.transitions[action];
  if (!rule) throw new Error(`workflow ${workflow.recordType} has no ${action} step`);
  return rule;
}

/** The step that decides a record in this state (approve, verify): whom a submission waits for. */
export function decidingAction(workflow: Workflow, state: string): WorkflowAction | undefined {
  return (Object.entries(workflow.transitions) as [WorkflowAction, TransitionRule][]).find(
    ([, rule]) => rule.effect === 'decides' && rule.from.includes(state),
  )?.[0];
}
