import { and, eq, gt, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TCadenceRow } from '../../shared/engagements';
import type { Executor } from '../db/client';
import { cadenceLatest, directivePosts, directives, engagementDirectives, engagements, posts } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { markingReadable, postInScope, visibleRecords } from '../identity/access-policy';
import { cadenceStatus } from './cadence-status';

export interface CadenceQuery {
  directive?: string | undefined;
  bureau?: string | undefined;
  /** One post (its id): the post page's deadlines. */
  post?: string | undefined;
  weeks: number;
}

/**
 * Engagements that count towards a directive's cadence, for one reader: approved, visible to
 * the reader, dated between the day of the directive's issue (UTC; a meeting that morning
 * counts) and now: an engagement dated before the issue does not start the clock, one dated
 * in the future does not stop it. Needs `directives` joined on the engagement's directive.
 */
export function countingEngagements(viewer: Actor, now: Date): SQL {
  return and(
    eq(engagements.status, 'approved'),
    visibleRecords(viewer, engagements),
    sql`${engagements.occurredAt} >= date_trunc('day', ${directives.issuedAt} at time zone 'UTC') at time zone 'UTC'`,
    lte(engagements.occurredAt, now),
  ) as SQL;
}

/**
 * Approved engagements the reader may see, dated on or after the directive's issue day but
 * after now: in the facts already, not counting yet. Needs `directives` joined as above.
 */
export function engagementsAhead(viewer: Actor, now: Date): SQL {
  return and(
    eq(engagements.status, 'approved'),
    visibleRecords(viewer, engagements),
    sql`${engagements.occurredAt} >= date_trunc('day', ${directives.issuedAt} at time zone 'UTC') at time zone 'UTC'`,
    gt(engagements.occurredAt, now),
  ) as SQL;
}

export type CadenceRowWithMarking = TCadenceRow & { classification: string; issuedAt: string };

/**
 * For each issued directive with an engagement cadence and each of its action posts in the
 * reader's scope: the last engagement that counts, the next due date and the status, all
 * computed for this reader (an engagement they may not see does not move a date they see).
 */
export async function cadenceRows(db: Executor, viewer: Actor, query: Omit<CadenceQuery, 'weeks'>, now: Date): Promise<CadenceRowWithMarking[]> {
  // The latest engagement per directive and post comes from the facts kept per marking
  // (engagement-facts.ts): the reader's markings and posts only. A marking whose latest is
  // dated after now (an engagement recorded up to a day ahead) is counted from the
  // engagements themselves below, for those pairs alone.
  const last = db
    .select({
      directiveId: cadenceLatest.directiveId,
      postId: cadenceLatest.postId,
      lastAt: sql<string | Date>`max(${cadenceLatest.lastAt})`.as('last_at'),
      ahead: sql<boolean>`bool_or(${cadenceLatest.lastAt} > ${now})`.as('ahead'),
    })
    .from(cadenceLatest)
    .where(
      and(
        visibleRecords(viewer, cadenceLatest),
        query.directive ? eq(cadenceLatest.directiveId, query.directive) : undefined,
        query.post ? eq(cadenceLatest.postId, query.post) : undefined,
      ),
    )
    .groupBy(cadenceLatest.directiveId, cadenceLatest.postId)
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
      postId: posts.id,
      lastAt: last.lastAt,
      ahead: last.ahead,
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
        query.post ? eq(posts.id, query.post) : undefined,
        markingReadable(viewer, directives.classification),
        postInScope(viewer, posts.id),
      ),
    )
    .orderBy(directives.reference, posts.bureauCode, posts.name);
  const recounted = await lastCountingEngagements(
    db,
    viewer,
    rows.filter((row) => row.ahead),
    now,
  );
  return rows.map((row) => {
    const lastAt = row.ahead ? (recounted.get(`${row.directiveId}/${row.postId}`) ?? null) : row.lastAt;
    const lastEngagementAt = lastAt === null ? null : new Date(lastAt);
    const { nextDueAt, status } = cadenceStatus({ issuedAt: row.issuedAt!, lastEngagementAt, cadenceDays: row.cadenceDays!, now });
    return {
      directiveId: row.directiveId,
      reference: row.reference,
      classification: row.classification,
      issuedAt: row.issuedAt!.toISOString(),
      post: row.post,
      postName: row.postName,
      country: row.country,
      bureau: row.bureau,
      cadenceDays: row.cadenceDays!,
      lastEngagementAt: lastEngagementAt?.toISOString() ?? null,
      nextDueAt: nextDueAt.toISOString(),
      status,
      neverEngaged: lastEngagementAt === null,
    };
  });
}

/**
 * The last engagement that counts, per (directive, post) pair, from the engagements themselves:
 * for the few pairs whose facts hold an engagement dated after now.
 */
async function lastCountingEngagements(
  db: Executor,
  viewer: Actor,
  pairs: { directiveId: string; postId: string }[],
  now: Date,
): Promise<Map<string, string | Date>> {
  if (pairs.length === 0) return new Map();
  const found = await db
    .select({
      directiveId: engagementDirectives.directiveId,
      postId: engagements.postId,
      lastAt: sql<string | Date>`max(${engagements.occurredAt})`,
    })
    .from(engagements)
    .innerJoin(engagementDirectives, eq(engagementDirectives.engagementId, engagements.id))
    .innerJoin(directives, eq(directives.id, engagementDirectives.directiveId))
    .where(
      and(
        countingEngagements(viewer, now),
        or(...pairs.map((pair) => and(eq(engagementDirectives.directiveId, pair.directiveId), eq(engagements.postId, pair.postId)))),
      ),
    )
    .groupBy(engagementDirectives.directiveId, engagements.postId);
  return new Map(found.map((row) => [`${row.directiveId}/${row.postId}`, row.lastAt]));
}
