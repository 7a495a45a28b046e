import { and, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { POST_ROLES } from '../../shared/identity';
import { incidents } from '../db/schema/index';
import { AppError, type Refusal, refusal } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { canSee, hasPermission, requireVisible, visibleRecords, type ScopedRecord } from '../identity/access-policy';
import { hasEditingStep } from '../workflow/record-activity';
import { decidableBy, workflowRefusal } from '../workflow/workflow-policy';
import { INCIDENT_WORKFLOW } from './incident-workflow-definition';

/**
 * Who sees an incident, and what they may do with it. The one access rule (post scope and
 * marking) plus the draft rule engagements have: a draft is the post's working copy, seen
 * only by its officers and approvers. The SQL form (lists, counts, map, export, duplicate
 * candidates) and the predicate (one record) take the draft rule from `seesDrafts`;
 * incident-policy.test.ts checks they agree.
 */
export interface IncidentScope extends ScopedRecord {
  status: string;
  draftedBy: string;
  mergedIntoId: string | null;
}

export interface IncidentSubject extends IncidentScope {
  /** Users with a created, edited or merged step in its activity or in that of incidents merged into it. */
  editors: readonly string[];
}

export function seesDrafts(viewer: Actor): boolean {
  return POST_ROLES.includes(viewer.role);
}

export function visibleIncidents(viewer: Actor): SQL {
  const scoped = visibleRecords(viewer, { postId: incidents.postId, classification: incidents.classification });
  return seesDrafts(viewer) ? scoped : (and(scoped, ne(incidents.status, 'draft')) as SQL);
}

/** Visible and not merged away: what lists, counts, maps and exports show. */
export function listedIncidents(viewer: Actor): SQL {
  return and(visibleIncidents(viewer), isNull(incidents.mergedIntoId)) as SQL;
}

export function canSeeIncident(viewer: Actor, incident: Pick<IncidentScope, 'postId' | 'postBureauCode' | 'classification' | 'status'>): boolean {
  return canSee(viewer, incident) && (incident.status !== 'draft' || seesDrafts(viewer));
}

/** 404 for an incident the viewer may not see: for them it does not exist. */
export function requireVisibleIncident<T extends IncidentScope>(viewer: Actor, incident: T | undefined): T {
  const record = requireVisible(viewer, incident, 'Incident');
  if (!canSeeIncident(viewer, record)) throw AppError.notFound('Incident');
  return record;
}

export const INCIDENT_ACTIONS = [
  'update',
  'submit',
  'verify',
  'return',
  'reject',
  'add_source',
  'remove_source',
  'set_legal_status',
  'comment',
  'merge',
  'unmerge',
  'dismiss_duplicate',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

function withDrafter<T extends IncidentSubject>(incident: T): T & { editors: string[] } {
  return { ...incident, editors: [incident.draftedBy, ...incident.editors] };
}

/** The incident with its drafter among the editors, as the shared workflow expects it. */
export function workflowSubject<T extends IncidentSubject>(incident: T): T {
  return withDrafter(incident);
}

const merged = () => refusal('conflict', 'The incident was merged into another; change the incident it was merged into, or undo the merge.');

/**
 * Why the viewer may not do this now, as the error the command throws, or undefined when
 * allowed. Commands and the presenter's allowedActions both ask here, so a button is shown
 * only when it would work. The caller has checked that the viewer sees the incident.
 */
export function actionRefusal(viewer: Actor, incident: IncidentSubject, action: IncidentAction): Refusal | undefined {
  switch (action) {
    case 'update':
    case 'add_source':
    case 'remove_source':
    case 'set_legal_status':
      if (incident.mergedIntoId) return merged();
      return workflowRefusal(INCIDENT_WORKFLOW, viewer, withDrafter(incident), 'edit');
    case 'submit':
    case 'verify':
    case 'return':
    case 'reject':
      if (incident.mergedIntoId) return merged();
      return workflowRefusal(INCIDENT_WORKFLOW, viewer, withDrafter(incident), action);
    case 'comment':
      return hasPermission(viewer, 'records.read') ? undefined : refusal('forbidden', `Your role (${viewer.role}) does not comment on records.`);
    case 'merge':
    case 'dismiss_duplicate':
      if (!hasPermission(viewer, 'incidents.triage')) return refusal('forbidden', 'Only approvers and analysts merge incidents and dismiss duplicates.');
      if (incident.mergedIntoId) return merged();
      if (incident.status === 'rejected') return refusal('conflict', 'The incident was rejected; a rejected incident is not merged.');
      return undefined;
    case 'unmerge':
      if (!hasPermission(viewer, 'incidents.triage')) return refusal('forbidden', 'Only approvers and analysts undo merges.');
      return incident.mergedIntoId ? undefined : refusal('conflict', 'The incident is not merged into another.');
  }
}

export function assertIncidentAction(viewer: Actor, incident: IncidentSubject, action: IncidentAction): void {
  const refused = actionRefusal(viewer, incident, action);
  if (refused) throw AppError.from(refused);
}

/** What the viewer may do now; the web app shows only these buttons. */
export function incidentActions(viewer: Actor, incident: IncidentSubject): IncidentAction[] {
  if (!canSeeIncident(viewer, incident)) return [];
  return INCIDENT_ACTIONS.filter((action) => !actionRefusal(viewer, incident, action));
}

/** Incidents merged into the one in hand (`from incidents as merged_in` below). */
const mergedIn = alias(incidents, 'merged_in');

/**
 * `workflowSubject`'s editors as a condition (loadIncidentEditors): the user drafted the
 * incident, or has an editing step on it or on an incident merged into it.
 */
export function incidentEditedBy(userId: string): SQL {
  return or(
    eq(incidents.draftedBy, userId),
    hasEditingStep(INCIDENT_WORKFLOW.recordType, incidents.id, userId),
    sql`exists (select 1 from ${incidents} as ${sql.identifier('merged_in')} where ${mergedIn.mergedIntoId} = ${incidents.id} and ${hasEditingStep(INCIDENT_WORKFLOW.recordType, mergedIn.id, userId)})`,
  ) as SQL;
}

/** Listed incidents the viewer may verify now (never one they wrote): the list form of `actionRefusal(…, 'verify')`. */
export function incidentsAwaitingDecisionBy(viewer: Actor): SQL {
  return and(listedIncidents(viewer), decidableBy(INCIDENT_WORKFLOW, viewer, incidents, incidentEditedBy)) as SQL;
}
