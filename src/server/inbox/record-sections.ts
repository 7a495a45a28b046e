import { and, eq, type SQL } from 'drizzle-orm';
import { INBOX_SHOWN, type TInbox } from '../../shared/inbox';
import type { Executor } from '../db/client';
import { assessments, engagements, incidents } from '../db/schema/index';
import { assessmentEditedBy, assessmentsAwaitingDecisionBy, visibleAssessments } from '../assessments/assessment-policy';
import { ASSESSMENT_WORKFLOW } from '../assessments/assessment-workflow-definition';
import { engagementEditedBy, engagementsAwaitingDecisionBy, visibleEngagements } from '../engagements/engagement-policy';
import { ENGAGEMENT_WORKFLOW } from '../engagements/engagement-workflow-definition';
import { incidentEditedBy, incidentsAwaitingDecisionBy, listedIncidents } from '../incidents/incident-policy';
import { INCIDENT_WORKFLOW } from '../incidents/incident-workflow-definition';
import type { Actor } from '../identity/actor';
import { hasPermission } from '../identity/access-policy';
import { latestStepWasReturn, loadLatestReturns } from '../workflow/record-activity';
import { assessmentRows, engagementRows, type InboxRow, incidentRows, recordLink } from './inbox-records';

/**
 * Submitted engagements, incidents and assessments of the reader's post that the reader may approve or
 * verify now, the longest waiting first: the workflow's deciding rule (role, post, status,
 * four eyes) and each type's access rule, in SQL, so a record the reader may not see or
 * decide is neither listed nor counted. Null for a role that decides nothing.
 */
export async function awaitingDecision(db: Executor, viewer: Actor): Promise<TInbox['awaitingDecision']> {
  if (!hasPermission(viewer, 'records.approve')) return null;
  const lists = await Promise.all([
    engagementRows(db, engagementsAwaitingDecisionBy(viewer), INBOX_SHOWN, 'oldest_submitted'),
    incidentRows(db, incidentsAwaitingDecisionBy(viewer), INBOX_SHOWN, 'oldest_submitted'),
    assessmentRows(db, assessmentsAwaitingDecisionBy(viewer), INBOX_SHOWN, 'oldest_submitted'),
  ]);
  const waited = (row: InboxRow) => row.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const items = lists
    .flatMap((list) => list.rows)
    .sort((a, b) => waited(a) - waited(b))
    .slice(0, INBOX_SHOWN)
    .map((row) => ({ record: row.record, submittedAt: (row.submittedAt ?? new Date(0)).toISOString(), draftedBy: row.drafter, link: recordLink(row.record) }));
  return { items, total: lists.reduce((sum, list) => sum + list.total, 0), link: '/engagements?status=submitted' };
}

/**
 * Drafts the reader wrote (drafted or edited) whose latest workflow step was a return, with the
 * reason and who returned it, the most recently changed first; one submitted again is no
 * longer here. Null for a role that drafts nothing.
 */
export async function returnedToMe(db: Executor, viewer: Actor): Promise<TInbox['returned']> {
  if (!hasPermission(viewer, 'records.draft')) return null;
  const engagementWhere = and(
    visibleEngagements(viewer),
    eq(engagements.status, 'draft'),
    engagementEditedBy(viewer.id),
    latestStepWasReturn(ENGAGEMENT_WORKFLOW.recordType, engagements.id),
  ) as SQL;
  const incidentWhere = and(
    listedIncidents(viewer),
    eq(incidents.status, 'draft'),
    incidentEditedBy(viewer.id),
    latestStepWasReturn(INCIDENT_WORKFLOW.recordType, incidents.id),
  ) as SQL;
  const assessmentWhere = and(
    visibleAssessments(viewer),
    eq(assessments.status, 'draft'),
    assessmentEditedBy(viewer.id),
    latestStepWasReturn(ASSESSMENT_WORKFLOW.recordType, assessments.id),
  ) as SQL;
  const lists = await Promise.all([
    engagementRows(db, engagementWhere, INBOX_SHOWN, 'newest').then((list) => ({ list, recordType: ENGAGEMENT_WORKFLOW.recordType })),
    incidentRows(db, incidentWhere, INBOX_SHOWN, 'newest').then((list) => ({ list, recordType: INCIDENT_WORKFLOW.recordType })),
    assessmentRows(db, assessmentWhere, INBOX_SHOWN, 'newest').then((list) => ({ list, recordType: ASSESSMENT_WORKFLOW.recordType })),
  ]);
  const withReturns = await Promise.all(
    lists.map(async ({ list, recordType }) => {
      const returns = await loadLatestReturns(
        db,
        recordType,
        list.rows.map((row) => row.record.id),
      );
      return list.rows.flatMap((row) => withReturn(row, returns));
    }),
  );
  const items = withReturns
    .flat()
    .sort((a, b) => b.returned.at.localeCompare(a.returned.at))
    .slice(0, INBOX_SHOWN);
  return { items, total: lists.reduce((sum, { list }) => sum + list.total, 0), link: '/engagements?status=draft' };
}

function withReturn(row: InboxRow, returns: Awaited<ReturnType<typeof loadLatestReturns>>) {
  const returned = returns.get(row.record.id);
  return returned ? [{ record: row.record, returned, link: recordLink(row.record) }] : [];
}
