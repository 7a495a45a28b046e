import { engagements } from '../db/schema/index';
import type { WorkflowTable } from '../workflow/run-transition';
import { defineWorkflow } from '../workflow/workflow-definition';

/** draft → submitted → approved; a return sends a submitted engagement back to draft. */
export const ENGAGEMENT_WORKFLOW = defineWorkflow({
  recordType: 'engagement',
  label: 'engagement',
  path: '/engagements',
  states: ['draft', 'submitted', 'approved'],
  editableIn: ['draft'],
  transitions: {
    submit: { from: ['draft'], to: 'submitted', permission: 'records.draft', past: 'submitted', effect: 'requests_approval' },
    approve: { from: ['submitted'], to: 'approved', permission: 'records.approve', fourEyes: true, past: 'approved', effect: 'decides' },
    return: { from: ['submitted'], to: 'draft', permission: 'records.approve', reasonRequired: true, past: 'returned', effect: 'sends_back' },
  },
});

export const ENGAGEMENT_TABLE: WorkflowTable = engagements;
