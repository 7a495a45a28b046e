import { type SQL, sql } from 'drizzle-orm';
import type { TEngagement, TEngagementSummary } from '../../shared/engagements';
import { type Executor, queryRows } from '../db/client';
import { textArray, uuidArray } from '../db/sql-arrays';
import { posts, talkingPoints } from '../db/schema/index';
import { pointAppliesTo } from '../directives/applicable-points';
import type { Actor } from '../identity/actor';
import { readableMarkings } from '../identity/access-policy';
import { loadEditors, loadLatestReturns } from '../workflow/record-activity';
import { ENGAGEMENT_WORKFLOW } from './engagement-workflow-definition';

export type EngagementDetails = Pick<TEngagement, 'directives' | 'contacts' | 'officers' | 'points' | 'pointsApplicable' | 'followUps' | 'returned'> & {
  /** Who wrote its content (for four eyes); not sent to the client. */
  editors: string[];
};

/** What a list shows of the same (engagement-presenter.ts, presentEngagementSummary). */
export type EngagementSummaryDetails = Pick<TEngagementSummary, 'directives' | 'contacts' | 'points' | 'pointsApplicable' | 'openFollowUps' | 'returned'> & {
  editors: string[];
};

/**
 * What a page of engagements cites, in one query whatever the page size (each list a JSON array
 * built by the database), and who wrote them and the latest return (the shared workflow's two
 * queries), all three at once. A directive or contact marked above the viewer's clearance is
 * left out: citing it must not reveal it (it may have been marked up after the engagement cited
 * it). `pointsApplicable` counts the talking points of its directives (those the viewer may see)
 * that apply to its post, by the one rule of applicable-points.ts: the figure "points
 * delivered" is out of these. A page used to take seven queries here; under load their round
 * trips and query building were most of a list request's time.
 */
export async function loadEngagementDetails(db: Executor, ids: string[], viewer: Actor): Promise<Map<string, EngagementDetails>> {
  return loadDetails<DetailRow, EngagementDetails>(
    db,
    ids,
    sql`${citations(readableArray(viewer), sql`, 'text', tp.text`)},
        coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name, u.id)
                  from engagement_officers eo join users u on u.id = eo.user_id
                  where eo.engagement_id = e.id), '[]') as officers,
        coalesce((select json_agg(json_build_object('id', f.id, 'action', f.action, 'owner', f.owner_id, 'ownerName', o.name,
                                                    'dueDate', f.due_date, 'done', f.done_at is not null)
                                  order by f.due_date, f.id)
                  from follow_ups f left join users o on o.id = f.owner_id
                  where f.engagement_id = e.id), '[]') as "followUps"`,
    (row, cited) => ({ ...cited, officers: row?.officers ?? [], followUps: row?.followUps ?? [] }),
  );
}

/** The same for a list: no point texts, officers or follow-ups, only how many follow-ups are open. */
export async function loadEngagementSummaryDetails(db: Executor, ids: string[], viewer: Actor): Promise<Map<string, EngagementSummaryDetails>> {
  return loadDetails<SummaryRow, EngagementSummaryDetails>(
    db,
    ids,
    sql`${citations(readableArray(viewer), sql``)},
        (select count(*)::int from follow_ups f where f.engagement_id = e.id and f.done_at is null) as "openFollowUps"`,
    (row, cited) => ({ ...cited, openFollowUps: Number(row?.openFollowUps ?? 0) }),
  );
}

/** What both shapes cite, read from a row of `citations` and the workflow's facts. */
interface Cited<Point> {
  directives: EngagementDetails['directives'];
  contacts: EngagementDetails['contacts'];
  points: Point[];
  pointsApplicable: number;
  returned: EngagementDetails['returned'];
  editors: string[];
}

interface CitedRow<Point> {
  id: string;
  directives: EngagementDetails['directives'];
  contacts: EngagementDetails['contacts'];
  points: Point[];
  pointsApplicable: number;
}

interface DetailRow extends CitedRow<EngagementDetails['points'][number]> {
  officers: EngagementDetails['officers'];
  followUps: EngagementDetails['followUps'];
}

interface SummaryRow extends CitedRow<EngagementSummaryDetails['points'][number]> {
  openFollowUps: number;
}

/**
 * One query of `columns` per page, beside the workflow's editors and latest returns (all three
 * at once), and each id's details: what both shapes cite, with what `finish` adds.
 */
async function loadDetails<Row extends CitedRow<unknown>, Details>(
  db: Executor,
  ids: string[],
  columns: SQL,
  finish: (row: Row | undefined, cited: Cited<Row['points'][number]>) => Details,
): Promise<Map<string, Details>> {
  if (ids.length === 0) return new Map();
  const [editors, returns, rows] = await Promise.all([
    loadEditors(db, ENGAGEMENT_WORKFLOW.recordType, ids),
    loadLatestReturns(db, ENGAGEMENT_WORKFLOW.recordType, ids),
    queryRows<Row>(db, sql`select e.id, ${columns} from engagements e where e.id = any(${uuidArray(ids)})`),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return new Map(
    ids.map((id) => {
      const row = byId.get(id);
      const cited = {
        directives: row?.directives ?? [],
        contacts: row?.contacts ?? [],
        points: (row?.points ?? []) as Row['points'][number][],
        pointsApplicable: Number(row?.pointsApplicable ?? 0),
        returned: returns.get(id) ?? null,
        editors: editors.get(id) ?? [],
      };
      return [id, finish(row, cited)];
    }),
  );
}

function readableArray(viewer: Actor): SQL {
  return textArray(readableMarkings(viewer));
}

/** Directives, contacts, points and the applicable points, as the viewer may see them; `pointText` adds each point's text. */
function citations(readable: SQL, pointText: SQL): SQL {
  return sql`
        coalesce((select json_agg(json_build_object('id', d.id, 'reference', d.reference, 'subject', d.subject) order by d.reference)
                  from engagement_directives ed join directives d on d.id = ed.directive_id
                  where ed.engagement_id = e.id and d.classification = any(${readable})), '[]') as directives,
        coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'title', c.title, 'organization', c.organization) order by c.name, c.id)
                  from engagement_contacts ec join contacts c on c.id = ec.contact_id
                  where ec.engagement_id = e.id and c.classification = any(${readable})), '[]') as contacts,
        coalesce((select json_agg(json_build_object('talkingPointId', ep.talking_point_id, 'directiveId', tp.directive_id, 'number', tp.number,
                                                    'delivered', ep.delivered, 'reception', ep.reception${pointText})
                                  order by d.reference, tp.number)
                  from engagement_points ep join talking_points tp on tp.id = ep.talking_point_id join directives d on d.id = tp.directive_id
                  where ep.engagement_id = e.id and d.classification = any(${readable})), '[]') as points,
        (select count(*)::int
           from engagement_directives ed join directives d on d.id = ed.directive_id
           join directive_posts dp on dp.directive_id = d.id and dp.post_id = e.post_id and dp.role = 'action'
           join ${posts} on ${posts.id} = e.post_id
           join ${talkingPoints} on ${talkingPoints.directiveId} = d.id
          where ed.engagement_id = e.id and d.classification = any(${readable}) and ${pointAppliesTo(posts)}) as "pointsApplicable"`;
}
