import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { TCoverage } from '../../shared/engagements';
import type { Executor } from '../db/client';
import { directivePosts, directives, pointLatest, posts, talkingPoints } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { scopeOf, visibleRecords } from '../identity/access-policy';
import { ACTION_POST_OF_POINT, applicablePostInScope } from '../directives/applicable-points';
import { visibleDirectives } from '../directives/directive-policy';
import { AppError } from '../http/app-error';

/**
 * Per talking point of an issued directive: to how many of the posts the viewer can see it
 * applies, how many delivered it in an approved engagement the viewer can see, and how it
 * was received, overall and by country. Every figure counts posts; a delivery whose
 * reception was not recorded counts as delivered and in no reception.
 */
export async function directiveCoverage(db: Executor, viewer: Actor, directiveId: string): Promise<TCoverage> {
  const [directive] = await db
    .select({ id: directives.id })
    .from(directives)
    // Drafts have no coverage to speak of: only issued (or since superseded) directives.
    .where(and(eq(directives.id, directiveId), sql`${directives.status} <> 'draft'`, visibleDirectives(viewer)))
    .limit(1);
  if (!directive) throw AppError.notFound('Directive');

  const applicable = await db
    .select({ pointId: talkingPoints.id, number: talkingPoints.number, text: talkingPoints.text, posts: sql<number>`count(${posts.id})::int` })
    .from(talkingPoints)
    .leftJoin(directivePosts, ACTION_POST_OF_POINT)
    .leftJoin(posts, applicablePostInScope(viewer))
    .where(eq(talkingPoints.directiveId, directiveId))
    .groupBy(talkingPoints.id, talkingPoints.number, talkingPoints.text)
    // A post reads the points that apply to it, and no other post's instructions (as on the
    // directive page); headquarters and bureaus read every point of the directive.
    .having(scopeOf(viewer).kind === 'post' ? sql`count(${posts.id}) > 0` : undefined)
    .orderBy(asc(talkingPoints.number));

  // Per point and country, the posts it applies to (in the reader's scope): so a country whose
  // posts have not delivered a point reads "0 of 2", and one the point is not for is not listed.
  const applicableByCountry = await db
    .select({ pointId: talkingPoints.id, country: posts.countryAlpha2, posts: sql<number>`count(*)::int` })
    .from(talkingPoints)
    .innerJoin(directivePosts, ACTION_POST_OF_POINT)
    .innerJoin(posts, applicablePostInScope(viewer))
    .where(eq(talkingPoints.directiveId, directiveId))
    .groupBy(talkingPoints.id, posts.countryAlpha2);

  // Each post counts once per point, with the reception of its latest approved delivery:
  // receptions are then counts of posts, like everything else on the chart. The latest is
  // kept per point, post and marking (engagement-facts.ts); the reader's is the newest of
  // the markings they may read.
  const latest = db
    .selectDistinctOn([pointLatest.talkingPointId, pointLatest.postId], {
      pointId: pointLatest.talkingPointId,
      postId: pointLatest.postId,
      country: posts.countryAlpha2,
      reception: pointLatest.reception,
    })
    .from(pointLatest)
    .innerJoin(talkingPoints, eq(talkingPoints.id, pointLatest.talkingPointId))
    .innerJoin(posts, eq(posts.id, pointLatest.postId))
    .where(and(eq(talkingPoints.directiveId, directiveId), visibleRecords(viewer, pointLatest)))
    .orderBy(pointLatest.talkingPointId, pointLatest.postId, desc(pointLatest.occurredAt), desc(pointLatest.engagementId))
    .as('latest');
  const delivered = await db
    .select({
      pointId: latest.pointId,
      country: latest.country,
      posts: sql<number>`count(*)::int`,
      receptive: sql<number>`count(*) filter (where ${latest.reception} = 'receptive')::int`,
      noncommittal: sql<number>`count(*) filter (where ${latest.reception} = 'noncommittal')::int`,
      disagreed: sql<number>`count(*) filter (where ${latest.reception} = 'disagreed')::int`,
    })
    .from(latest)
    .groupBy(latest.pointId, latest.country)
    .orderBy(asc(latest.country));

  return {
    directiveId,
    points: applicable.map((point) => {
      const byCountry = delivered.filter((row) => row.pointId === point.pointId);
      const sum = (key: 'posts' | 'receptive' | 'noncommittal' | 'disagreed') => byCountry.reduce((total, row) => total + row[key], 0);
      const applicableHere = new Map(applicableByCountry.filter((row) => row.pointId === point.pointId).map((row) => [row.country, row.posts]));
      const countries = [...new Set([...applicableHere.keys(), ...byCountry.map((row) => row.country)])].sort();
      return {
        talkingPointId: point.pointId,
        number: point.number,
        text: point.text,
        applicablePosts: point.posts,
        deliveredPosts: sum('posts'),
        reception: { receptive: sum('receptive'), noncommittal: sum('noncommittal'), disagreed: sum('disagreed') },
        byCountry: countries.map((country) => {
          const row = byCountry.find((candidate) => candidate.country === country);
          return {
            country,
            applicable: applicableHere.get(country) ?? 0,
            delivered: row?.posts ?? 0,
            receptive: row?.receptive ?? 0,
            noncommittal: row?.noncommittal ?? 0,
            disagreed: row?.disagreed ?? 0,
          };
        }),
      };
    }),
  };
}
