import { assessments } from '../db/schema/index';
import type { WorkflowTable } from '../workflow/run-transition';
import { defineWorkflow } from '../workflow/workflow-definition';

/**
 * draft → submitted → approved; a return sends a submitted assessment back to draft with a
 * reason. Only a draft changes: an approved assessment is frozen, and the next period starts
 * from a copy of it.
 */
export const ASSESSMENT_WORKFLOW = defineWorkflow({
  recordType: 'assessment',
  label: 'assessment',
  path: '/policy/assessments',
  states: ['draft', 'submitted', 'approved'],
  editableIn: ['draft'],
  transitions: {
    submit: { from: ['draft'], to: 'submitted', permission: 'records.draft', past: 'submitted', effect: 'requests_approval' },
    approve: { from: ['submitted'], to: 'approved', permission: 'records.approve', fourEyes: true, past: 'approved', effect: 'decides' },
    return: { from: ['submitted'], to: 'draft', permission: 'records.approve', reasonRequired: true, past: 'returned', effect: 'sends_back' },
  },
});

export const ASSESSMENT_TABLE: WorkflowTable = assessments;
