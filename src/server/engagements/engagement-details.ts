import { sql } from 'drizzle-orm';
import type { TEngagement } from '../../shared/engagements';
import { type Executor, queryRows } from '../db/client';
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

interface DetailRow {
  id: string;
  directives: EngagementDetails['directives'];
  contacts: EngagementDetails['contacts'];
  officers: EngagementDetails['officers'];
  points: EngagementDetails['points'];
  pointsApplicable: number;
  followUps: EngagementDetails['followUps'];
}

/**
 * What a page of engagements cites, in one query whatever the page size (each list a JSON array
 * built by the database), and who wrote them and the latest return (the shared workflow's two
 * queries), all three at once. A directive or contact marked above the viewer's clearance is
 * left out: citing it must not reveal it (it may have been marked up after the engagement cited
 * it). `pointsApplicable` counts the talking points of its directives (those the viewer may see)
 * that apply to its post, by the one rule of applicable-points.ts: the figure "points
 * delivered" is out of these. A page used to take seven queries here; under load their round trips and query building
 * were most of a list request's time.
 */
export async function loadEngagementDetails(db: Executor, ids: string[], viewer: Actor): Promise<Map<string, EngagementDetails>> {
  const details = new Map<string, EngagementDetails>();
  if (ids.length === 0) return details;
  const readable = sql`array[${sql.join(
    readableMarkings(viewer).map((marking) => sql`${marking}`),
    sql`, `,
  )}]::text[]`;
  const [editors, returns, rows] = await Promise.all([
    loadEditors(db, ENGAGEMENT_WORKFLOW.recordType, ids),
    loadLatestReturns(db, ENGAGEMENT_WORKFLOW.recordType, ids),
    queryRows<DetailRow>(
      db,
      sql`
      select e.id,
        coalesce((select json_agg(json_build_object('id', d.id, 'reference', d.reference, 'subject', d.subject) order by d.reference)
                  from engagement_directives ed join directives d on d.id = ed.directive_id
                  where ed.engagement_id = e.id and d.classification = any(${readable})), '[]') as directives,
        coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'title', c.title, 'organization', c.organization) order by c.name, c.id)
                  from engagement_contacts ec join contacts c on c.id = ec.contact_id
                  where ec.engagement_id = e.id and c.classification = any(${readable})), '[]') as contacts,
        coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name, u.id)
                  from engagement_officers eo join users u on u.id = eo.user_id
                  where eo.engagement_id = e.id), '[]') as officers,
        coalesce((select json_agg(json_build_object('talkingPointId', ep.talking_point_id, 'directiveId', tp.directive_id, 'number', tp.number,
                                                    'text', tp.text, 'delivered', ep.delivered, 'reception', ep.reception)
                                  order by d.reference, tp.number)
                  from engagement_points ep join talking_points tp on tp.id = ep.talking_point_id join directives d on d.id = tp.directive_id
                  where ep.engagement_id = e.id and d.classification = any(${readable})), '[]') as points,
        (select count(*)::int
           from engagement_directives ed join directives d on d.id = ed.directive_id
           join directive_posts dp on dp.directive_id = d.id and dp.post_id = e.post_id and dp.role = 'action'
           join ${posts} on ${posts.id} = e.post_id
           join ${talkingPoints} on ${talkingPoints.directiveId} = d.id
          where ed.engagement_id = e.id and d.classification = any(${readable}) and ${pointAppliesTo(posts)}) as "pointsApplicable",
        coalesce((select json_agg(json_build_object('id', f.id, 'action', f.action, 'owner', f.owner_id, 'ownerName', o.name,
                                                    'dueDate', f.due_date, 'done', f.done_at is not null)
                                  order by f.due_date, f.id)
                  from follow_ups f left join users o on o.id = f.owner_id
                  where f.engagement_id = e.id), '[]') as "followUps"
      from engagements e
      where e.id in ${ids}`,
    ),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const id of ids) {
    const row = byId.get(id);
    details.set(id, {
      directives: row?.directives ?? [],
      contacts: row?.contacts ?? [],
      officers: row?.officers ?? [],
      points: row?.points ?? [],
      pointsApplicable: Number(row?.pointsApplicable ?? 0),
      followUps: row?.followUps ?? [],
      returned: returns.get(id) ?? null,
      editors: editors.get(id) ?? [],
    });
  }
  return details;
}
