import { and, eq, type SQL } from 'drizzle-orm';
import { INBOX_SHOWN, type TInbox } from '../../shared/inbox';
import type { Executor } from '../db/client';
import { engagements, incidents } from '../db/schema/index';
import { engagementEditedBy, engagementsAwaitingDecisionBy, visibleEngagements } from '../engagements/engagement-policy';
import { ENGAGEMENT_WORKFLOW } from '../engagements/engagement-workflow-definition';
import { incidentEditedBy, incidentsAwaitingDecisionBy, listedIncidents } from '../incidents/incident-policy';
import { INCIDENT_WORKFLOW } from '../incidents/incident-workflow-definition';
import type { Actor } from '../identity/actor';
import { hasPermission } from '../identity/access-policy';
import { latestStepWasReturn, loadLatestReturns } from '../workflow/record-activity';
import { engagementRows, type InboxRow, incidentRows, recordLink } from './inbox-records';

/**
 * Submitted engagements and incidents of the reader's post that the reader may approve or
 * verify now, the longest waiting first: the workflow's deciding rule (role, post, status,
 * four eyes) and each type's access rule, in SQL, so a record the reader may not see or
 * decide is neither listed nor counted. Null for a role that decides nothing.
 */
export async function awaitingDecision(db: Executor, viewer: Actor): Promise<TInbox['awaitingDecision']> {
  if (!hasPermission(viewer, 'records.approve')) return null;
  const [ours, theirs] = await Promise.all([
    engagementRows(db, engagementsAwaitingDecisionBy(viewer), INBOX_SHOWN, 'oldest_submitted'),
    incidentRows(db, incidentsAwaitingDecisionBy(viewer), INBOX_SHOWN, 'oldest_submitted'),
  ]);
  const waited = (row: InboxRow) => row.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const items = [...ours.rows, ...theirs.rows]
    .sort((a, b) => waited(a) - waited(b))
    .slice(0, INBOX_SHOWN)
    .map((row) => ({ record: row.record, submittedAt: (row.submittedAt ?? new Date(0)).toISOString(), draftedBy: row.drafter, link: recordLink(row.record) }));
  return { items, total: ours.total + theirs.total, link: '/engagements?status=submitted' };
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
  const [ours, theirs] = await Promise.all([
    engagementRows(db, engagementWhere, INBOX_SHOWN, 'newest'),
    incidentRows(db, incidentWhere, INBOX_SHOWN, 'newest'),
  ]);
  const [engagementReturns, incidentReturns] = await Promise.all([
    loadLatestReturns(
      db,
      ENGAGEMENT_WORKFLOW.recordType,
      ours.rows.map((row) => row.record.id),
    ),
    loadLatestReturns(
      db,
      INCIDENT_WORKFLOW.recordType,
      theirs.rows.map((row) => row.record.id),
    ),
  ]);
  const items = [...ours.rows.flatMap((row) => withReturn(row, engagementReturns)), ...theirs.rows.flatMap((row) => withReturn(row, incidentReturns))]
    .sort((a, b) => b.returned.at.localeCompare(a.returned.at))
    .slice(0, INBOX_SHOWN);
  return { items, total: ours.total + theirs.total, link: '/engagements?status=draft' };
}

function withReturn(row: InboxRow, returns: Awaited<ReturnType<typeof loadLatestReturns>>) {
  const returned = returns.get(row.record.id);
  return returned ? [{ record: row.record, returned, link: recordLink(row.record) }] : [];
}
