import { incidents } from '../db/schema/index';
import type { WorkflowTable } from '../workflow/run-transition';
import { defineWorkflow } from '../workflow/workflow-definition';

/**
 * draft → submitted → verified | rejected; a return sends a submitted incident back to draft.
 * A verified incident stays open to the post's drafters (a charge, a verdict, a new source
 * arrive later): each change is kept as a revision. A rejected one is frozen.
 */
export const INCIDENT_WORKFLOW = defineWorkflow({
  recordType: 'incident',
  label: 'incident',
  path: '/incidents',
  states: ['draft', 'submitted', 'verified', 'rejected'],
  editableIn: ['draft', 'verified'],
  transitions: {
    submit: { from: ['draft'], to: 'submitted', permission: 'records.draft', past: 'submitted', effect: 'requests_approval' },
    verify: { from: ['submitted'], to: 'verified', permission: 'records.approve', fourEyes: true, past: 'verified', effect: 'decides' },
    return: { from: ['submitted'], to: 'draft', permission: 'records.approve', reasonRequired: true, past: 'returned', effect: 'sends_back' },
    reject: {
      from: ['submitted'],
      to: 'rejected',
      permission: 'records.approve',
      fourEyes: true,
      reasonRequired: true,
      past: 'rejected',
      effect: 'sends_back',
    },
  },
});

export const INCIDENT_TABLE: WorkflowTable = incidents;
