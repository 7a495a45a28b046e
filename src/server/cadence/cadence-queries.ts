import { and, eq, gte, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { addWeeks, formatISO, startOfISOWeek } from 'date-fns';
import type { TCadenceReport, TCadenceRow } from '../../shared/engagements';
import type { Executor } from '../db/client';
import { directivePosts, directives, engagementDirectives, engagements, posts } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { markingReadable, postInScope, visibleRecords } from '../identity/access-policy';
import { cadenceStatus } from './cadence-status';

export interface CadenceQuery {
  directive?: string | undefined;
  bureau?: string | undefined;
  weeks: number;
}

/** Engagements that count towards cadence: approved, and visible to whoever is looking. */
function countingEngagements(viewer: Actor | null): SQL {
  const approved = eq(engagements.status, 'approved');
  return viewer ? (and(approved, visibleRecords(viewer, engagements)) as SQL) : approved;
}

/**
 * For each issued directive with an engagement cadence and each of its action posts: the
 * last approved engagement answering it, the next due date and the status. With a viewer,
 * only their scope and clearance count (an engagement they may not see does not move a
 * date they see); without one (the reminder job) everything counts.
 */
export async function cadenceRows(
  db: Executor,
  viewer: Actor | null,
  query: Omit<CadenceQuery, 'weeks'>,
  now: Date,
): Promise<(TCadenceRow & { classification: string })[]> {
  const last = db
    .select({
      directiveId: engagementDirectives.directiveId,
      postId: engagements.postId,
      lastAt: sql<string | Date>`max(${engagements.occurredAt})`.as('last_at'),
    })
    .from(engagements)
    .innerJoin(engagementDirectives, eq(engagementDirectives.engagementId, engagements.id))
    .where(countingEngagements(viewer))
    .groupBy(engagementDirectives.directiveId, engagements.postId)
    .as('last');
  const rows = await db
    .select({
      directiveId: directives.id,
      reference: directives.reference,
      classification: directives.classification,
      cadenceDays: directives.engagementCadenceDays,
      issuedAt: directives.issuedAt,
      post: posts.code,
      postName: posts.name,
      country: posts.countryAlpha2,
      bureau: posts.bureauCode,
      lastAt: last.lastAt,
    })
    .from(directives)
    .innerJoin(directivePosts, and(eq(directivePosts.directiveId, directives.id), eq(directivePosts.role, 'action')))
    .innerJoin(posts, eq(posts.id, directivePosts.postId))
    .leftJoin(last, and(eq(last.directiveId, directives.id), eq(last.postId, posts.id)))
    .where(
      and(
        eq(directives.status, 'issued'),
        isNotNull(directives.engagementCadenceDays),
        isNotNull(directives.issuedAt),
        query.directive ? eq(directives.id, query.directive) : undefined,
        query.bureau ? eq(posts.bureauCode, query.bureau) : undefined,
        viewer ? markingReadable(viewer, directives.classification) : undefined,
        viewer ? postInScope(viewer, posts.id) : undefined,
      ),
    )
    .orderBy(directives.reference, posts.code);
  return rows.map((row) => {
    const lastEngagementAt = row.lastAt === null ? null : new Date(row.lastAt);
    const { nextDueAt, status } = cadenceStatus({
      issuedAt: row.issuedAt!,
      lastEngagementAt,
      cadenceDays: row.cadenceDays!,
      now,
    });
    return {
      directiveId: row.directiveId,
      reference: row.reference,
      classification: row.classification,
      post: row.post,
      postName: row.postName,
      country: row.country,
      bureau: row.bureau,
      cadenceDays: row.cadenceDays!,
      lastEngagementAt: lastEngagementAt?.toISOString() ?? null,
      nextDueAt: nextDueAt.toISOString(),
      status,
    };
  });
}

/** The dashboard: cadence rows, and approved engagements per post and ISO week. */
export async function cadenceReport(db: Executor, viewer: Actor, query: CadenceQuery, now: Date): Promise<TCadenceReport> {
  const rows = await cadenceRows(db, viewer, query, now);
  const firstWeek = startOfISOWeek(addWeeks(now, -(query.weeks - 1)));
  const weeks = Array.from({ length: query.weeks }, (_, i) => formatISO(addWeeks(firstWeek, i), { representation: 'date' }));
  const postCodes = [...new Set(rows.map((row) => row.post))].sort();
  const directiveIds = [...new Set(rows.map((row) => row.directiveId))];

  const counts = postCodes.map(() => weeks.map(() => 0));
  if (postCodes.length > 0 && directiveIds.length > 0) {
    const weekly = await db
      .select({
        post: posts.code,
        week: sql<string>`to_char(date_trunc('week', ${engagements.occurredAt} at time zone 'UTC'), 'YYYY-MM-DD')`,
        n: sql<number>`count(distinct ${engagements.id})::int`,
      })
      .from(engagements)
      .innerJoin(engagementDirectives, eq(engagementDirectives.engagementId, engagements.id))
      .innerJoin(posts, eq(posts.id, engagements.postId))
      .where(
        and(
          countingEngagements(viewer),
          gte(engagements.occurredAt, firstWeek),
          inArray(engagementDirectives.directiveId, directiveIds),
          inArray(posts.code, postCodes),
        ),
      )
      .groupBy(posts.code, sql`2`);
    for (const cell of weekly) {
      const p = postCodes.indexOf(cell.post);
      const w = weeks.indexOf(cell.week);
      if (p >= 0 && w >= 0) counts[p]![w] = cell.n;
    }
  }
  return { asOf: now.toISOString(), rows, heatmap: { weeks, posts: postCodes, counts } };
}
