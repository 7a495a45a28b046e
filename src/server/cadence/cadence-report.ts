import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { TCadenceReport, TCadenceRollup, TCadenceRow } from '../../shared/engagements';
import { type Executor, queryRows } from '../db/client';
import { textArray, uuidArray } from '../db/sql-arrays';
import {
  cadenceWeeks,
  directivePosts,
  directives,
  engagementDirectives,
  engagementPoints,
  engagements,
  pointLatest,
  posts,
  receptionMonths,
  talkingPoints,
} from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { type CadenceQuery, type CadenceRowWithMarking, cadenceRows, countingEngagements, engagementsAhead } from './cadence-queries';
import { cadenceStatus, DAY_MS } from './cadence-status';
import { ACTION_POST_OF_POINT, applicablePostInScope } from '../directives/applicable-points';
import { readableMarkings, visibleRecords } from '../identity/access-policy';

const WEEK_MS = 7 * DAY_MS;
const MAX_WEEKS = 52;

/** Monday 00:00 UTC of the ISO week of `at`. */
export function isoWeekStartUtc(at: Date): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return new Date(day - ((at.getUTCDay() + 6) % 7) * DAY_MS);
}
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** The dashboard, for one reader: cadence rows, the posts × weeks heatmap and a roll-up per directive. */
export async function cadenceReport(db: Executor, viewer: Actor, query: CadenceQuery, now: Date): Promise<TCadenceReport> {
  const rows = await cadenceRows(db, viewer, query, now);
  const strip = ({ classification: _, ...row }: CadenceRowWithMarking): TCadenceRow => row;
  return {
    asOf: now.toISOString(),
    rows: rows.map(strip),
    heatmap: await heatmap(db, viewer, query, rows, now),
    rollup: await rollups(db, viewer, query, rows, now),
  };
}

async function heatmap(db: Executor, viewer: Actor, query: CadenceQuery, rows: CadenceRowWithMarking[], now: Date): Promise<TCadenceReport['heatmap']> {
  const chosen = query.directive ? rows.find((row) => row.directiveId === query.directive) : undefined;
  const thisWeek = isoWeekStartUtc(now).getTime();
  const firstWeek = chosen
    ? Math.max(isoWeekStartUtc(new Date(chosen.issuedAt)).getTime(), thisWeek - (MAX_WEEKS - 1) * WEEK_MS)
    : thisWeek - (query.weeks - 1) * WEEK_MS;
  const weeks = Array.from({ length: (thisWeek - firstWeek) / WEEK_MS + 1 }, (_, i) => isoDay(new Date(firstWeek + i * WEEK_MS)));

  // Posts grouped by bureau, then by name (the rows come in that order).
  const postRows = [...new Map(rows.map((row) => [row.post, { code: row.post, name: row.postName, bureau: row.bureau }])).values()].sort(
    (a, b) => (a.bureau ?? '~').localeCompare(b.bureau ?? '~') || a.name.localeCompare(b.name),
  );
  const directiveIds = chosen ? [chosen.directiveId] : [...new Set(rows.map((row) => row.directiveId))];
  const counts = postRows.map(() => weeks.map(() => 0));
  const latest = postRows.map(() => weeks.map((): Date | null => null));
  /** Per post (index), its last engagement before the first week shown. */
  const earlier = new Map<number, Date>();
  if (postRows.length > 0 && directiveIds.length > 0) {
    // The weeks come from the facts kept per post, marking and week (each engagement counted
    // once, whatever the number of the chosen directives it counts for); engagements before
    // the first week shown fall in one bucket, and the statuses start from the last of them.
    // This week may hold an engagement dated after now, which does not count yet: the posts
    // that have one (rarely any) have their week counted from the engagements themselves.
    const codes = postRows.map((post) => post.code);
    const ids = uuidArray(directiveIds);
    const thisWeekDay = isoDay(new Date(thisWeek));
    const firstWeekDay = isoDay(new Date(firstWeek));
    const thisWeekCount = (postCodes: string[]) =>
      db
        .select({
          post: posts.code,
          week: sql<string>`${thisWeekDay}::text`,
          n: sql<number>`count(distinct ${engagements.id})::int`,
          lastAt: sql<string | Date>`max(${engagements.occurredAt})`,
        })
        .from(engagements)
        .innerJoin(engagementDirectives, eq(engagementDirectives.engagementId, engagements.id))
        .innerJoin(directives, eq(directives.id, engagementDirectives.directiveId))
        .innerJoin(posts, eq(posts.id, engagements.postId))
        .where(
          and(
            countingEngagements(viewer, now),
            gte(engagements.occurredAt, new Date(thisWeek)),
            inArray(engagementDirectives.directiveId, directiveIds),
            inArray(posts.code, postCodes),
          ),
        )
        .groupBy(posts.code);
    const [past, ahead, before] = await Promise.all([
      db
        .select({
          post: posts.code,
          week: sql<string>`to_char(${cadenceWeeks.weekStart}, 'YYYY-MM-DD')`,
          n: sql<number>`sum(${cadenceWeeks.engagements})::int`,
          lastAt: sql<string | Date>`max(${cadenceWeeks.lastAt})`,
        })
        .from(cadenceWeeks)
        .innerJoin(posts, eq(posts.id, cadenceWeeks.postId))
        .where(
          and(
            visibleRecords(viewer, cadenceWeeks),
            sql`${cadenceWeeks.directiveIds} && ${ids}`,
            sql`${posts.code} = any(${textArray(codes)})`,
            sql`${cadenceWeeks.weekStart} <= ${thisWeekDay}`,
            sql`${cadenceWeeks.weekStart} >= ${firstWeekDay}`,
          ),
        )
        .groupBy(posts.code, sql`2`),
      db
        .selectDistinct({ post: posts.code })
        .from(engagements)
        .innerJoin(engagementDirectives, eq(engagementDirectives.engagementId, engagements.id))
        .innerJoin(directives, eq(directives.id, engagementDirectives.directiveId))
        .innerJoin(posts, eq(posts.id, engagements.postId))
        .where(
          and(
            engagementsAhead(viewer, now),
            sql`${engagements.occurredAt} < ${new Date(thisWeek + WEEK_MS)}`,
            inArray(engagementDirectives.directiveId, directiveIds),
            sql`${posts.code} = any(${textArray(codes)})`,
          ),
        ),
      // The statuses of a directive issued before the first week shown start from each post's
      // last engagement before it: per post and marking, the newest week holding one.
      chosen && firstWeek > isoWeekStartUtc(new Date(chosen.issuedAt)).getTime()
        ? queryRows<{ post: string; lastAt: string | Date }>(
            db,
            sql`select p.code as post, max(latest.last_at) as "lastAt"
                from ${posts} p
                cross join unnest(${sql.raw(
                  `array[${readableMarkings(viewer)
                    .map((marking) => `'${marking}'`)
                    .join(',')}]::text[]`,
                )}) as m(marking)
                cross join lateral (
                  select w.last_at from ${cadenceWeeks} w
                  where w.post_id = p.id and w.classification = m.marking and w.week_start < ${firstWeekDay} and w.directive_ids && ${ids}
                  order by w.week_start desc, w.last_at desc
                  limit 1
                ) latest
                where p.code = any(${textArray(codes)})
                group by p.code`,
          )
        : Promise.resolve([]),
    ]);
    const recounted = ahead.length > 0 ? await thisWeekCount(ahead.map((row) => row.post)) : [];
    const aheadPosts = new Set(ahead.map((row) => row.post));
    const weekly = [
      ...past.filter((cell) => !(cell.week === thisWeekDay && aheadPosts.has(cell.post))),
      ...recounted,
      ...before.map((row) => ({ ...row, week: 'before', n: 0 })),
    ];
    const postIndex = new Map(postRows.map((post, p) => [post.code, p]));
    const weekIndex = new Map(weeks.map((week, w) => [week, w]));
    for (const cell of weekly) {
      const p = postIndex.get(cell.post);
      if (p === undefined) continue;
      if (cell.week === 'before') {
        earlier.set(p, new Date(cell.lastAt));
        continue;
      }
      const w = weekIndex.get(cell.week);
      if (w !== undefined) {
        counts[p]![w] = cell.n;
        latest[p]![w] = new Date(cell.lastAt);
      }
    }
  }
  const chosenRows = new Map(chosen ? rows.filter((row) => row.directiveId === chosen.directiveId).map((row) => [row.post, row]) : []);
  const statuses = postRows.map((post, p) => {
    const row = chosenRows.get(post.code);
    if (!row) return weeks.map(() => null);
    let last: Date | null = earlier.get(p) ?? null;
    const issuedAt = new Date(row.issuedAt);
    return weeks.map((week, w) => {
      const end = Math.min(Date.parse(`${week}T00:00:00Z`) + WEEK_MS, now.getTime());
      const cell = latest[p]![w];
      if (cell && (!last || cell > last)) last = cell;
      if (end < issuedAt.getTime()) return null;
      return cadenceStatus({ issuedAt, lastEngagementAt: last, cadenceDays: row.cadenceDays, now: new Date(end) }).status;
    });
  });
  return { weeks, directiveId: chosen?.directiveId ?? null, posts: postRows, counts, statuses };
}

/**
 * Per directive, over the action posts the reader sees (and the bureau chosen): in three
 * queries for all directives at once. Points delivered are (point, post) pairs: each post that
 * delivered a point in an approved engagement the reader may see, over the pairs where the
 * point applies, as the coverage counts them.
 */
async function rollups(db: Executor, viewer: Actor, query: CadenceQuery, rows: CadenceRowWithMarking[], now: Date): Promise<TCadenceRollup[]> {
  const ids = [...new Set(rows.map((row) => row.directiveId))];
  if (ids.length === 0) return [];
  const inBureau = query.bureau ? eq(posts.bureauCode, query.bureau) : undefined;
  const [applicable, delivered, counted, ahead] = await Promise.all([
    db
      .select({ directiveId: talkingPoints.directiveId, n: sql<number>`count(*)::int` })
      .from(talkingPoints)
      .innerJoin(directivePosts, ACTION_POST_OF_POINT)
      .innerJoin(posts, and(applicablePostInScope(viewer), inBureau))
      .where(inArray(talkingPoints.directiveId, ids))
      .groupBy(talkingPoints.directiveId),
    // Each (point, post) pair with a delivery the reader may see: from the latest delivery
    // kept per point, post and marking.
    db
      .select({ directiveId: talkingPoints.directiveId, n: sql<number>`count(distinct (${pointLatest.talkingPointId}, ${pointLatest.postId}))::int` })
      .from(pointLatest)
      .innerJoin(talkingPoints, eq(talkingPoints.id, pointLatest.talkingPointId))
      .innerJoin(posts, eq(posts.id, pointLatest.postId))
      .where(and(inArray(talkingPoints.directiveId, ids), visibleRecords(viewer, pointLatest), inBureau))
      .groupBy(talkingPoints.directiveId),
    // Receptions by month from the facts kept per directive, post, marking and month…
    db
      .select({
        directiveId: receptionMonths.directiveId,
        month: sql<string>`to_char(${receptionMonths.month}, 'YYYY-MM')`,
        receptive: sql<number>`sum(${receptionMonths.receptive})::int`,
        noncommittal: sql<number>`sum(${receptionMonths.noncommittal})::int`,
        disagreed: sql<number>`sum(${receptionMonths.disagreed})::int`,
        notRecorded: sql<number>`sum(${receptionMonths.notRecorded})::int`,
      })
      .from(receptionMonths)
      .innerJoin(posts, eq(posts.id, receptionMonths.postId))
      .where(and(inArray(receptionMonths.directiveId, ids), visibleRecords(viewer, receptionMonths), inBureau))
      .groupBy(receptionMonths.directiveId, sql`2`)
      .orderBy(sql`2`),
    // …less the engagements in them dated after now (recorded up to a day ahead), which do not count yet.
    db
      .select({
        directiveId: talkingPoints.directiveId,
        month: sql<string>`to_char(date_trunc('month', ${engagements.occurredAt} at time zone 'UTC'), 'YYYY-MM')`,
        receptive: sql<number>`count(*) filter (where ${engagementPoints.reception} = 'receptive')::int`,
        noncommittal: sql<number>`count(*) filter (where ${engagementPoints.reception} = 'noncommittal')::int`,
        disagreed: sql<number>`count(*) filter (where ${engagementPoints.reception} = 'disagreed')::int`,
        notRecorded: sql<number>`count(*) filter (where ${engagementPoints.reception} is null)::int`,
      })
      .from(engagementPoints)
      .innerJoin(talkingPoints, eq(talkingPoints.id, engagementPoints.talkingPointId))
      .innerJoin(directives, eq(directives.id, talkingPoints.directiveId))
      .innerJoin(engagements, eq(engagements.id, engagementPoints.engagementId))
      .innerJoin(posts, eq(posts.id, engagements.postId))
      .where(and(inArray(talkingPoints.directiveId, ids), eq(engagementPoints.delivered, true), engagementsAhead(viewer, now), inBureau))
      .groupBy(talkingPoints.directiveId, sql`2`),
  ]);
  return ids.map((directiveId) => {
    const mine = rows.filter((row) => row.directiveId === directiveId);
    const count = (status: TCadenceRow['status']) => mine.filter((row) => row.status === status).length;
    return {
      directiveId,
      reference: mine[0]?.reference ?? '',
      actionPosts: mine.length,
      statuses: { on_time: count('on_time'), due_soon: count('due_soon'), overdue: count('overdue') },
      neverEngaged: mine.filter((row) => row.neverEngaged).length,
      points: {
        delivered: delivered.find((row) => row.directiveId === directiveId)?.n ?? 0,
        applicable: applicable.find((row) => row.directiveId === directiveId)?.n ?? 0,
      },
      receptionByMonth: counted
        .filter((row) => row.directiveId === directiveId)
        .map(({ directiveId: _, ...month }) => {
          const early = ahead.find((row) => row.directiveId === directiveId && row.month === month.month);
          if (!early) return month;
          return {
            month: month.month,
            receptive: month.receptive - early.receptive,
            noncommittal: month.noncommittal - early.noncommittal,
            disagreed: month.disagreed - early.disagreed,
            notRecorded: month.notRecorded - early.notRecorded,
          };
        })
        .filter((month) => month.receptive + month.noncommittal + month.disagreed + month.notRecorded > 0),
    };
  });
}
