import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import type { Actor } from '../identity/actor';
import { postInScope } from '../identity/access-policy';
import { directiveAddressees, directivePosts, posts, talkingPoints } from '../db/schema/index';

/**
 * The one rule for which talking points apply to a post, as a condition on `talkingPoints`
 * and a row of `posts` (or an alias of it): points for all action posts, points for the
 * post's bureau, and points for its country. Every query that asks uses this.
 */
export function pointAppliesTo(post: { bureauCode: PgColumn; countryAlpha2: PgColumn }): SQL {
  return sql`(${talkingPoints.scope} = 'all'
    or (${talkingPoints.scope} = 'bureaus' and ${post.bureauCode} = any(${talkingPoints.scopeBureaus}))
    or (${talkingPoints.scope} = 'countries' and ${post.countryAlpha2} = any(${talkingPoints.scopeCountries})))`;
}

/**
 * Joins `talkingPoints` to the action posts of its directive as frozen at issue
 * (`directivePosts`): for readers of issued directives only (cadence, coverage).
 */
export const ACTION_POST_OF_POINT = and(eq(directivePosts.directiveId, talkingPoints.directiveId), eq(directivePosts.role, 'action')) as SQL;

/** Joins those action posts to `posts`, keeping the ones the point applies to that the reader sees. */
export function applicablePostInScope(viewer: Actor): SQL {
  return and(eq(posts.id, directivePosts.postId), pointAppliesTo(posts), postInScope(viewer, posts.id)) as SQL;
}

/**
 * The talking points of these directives that apply to one post: points for all action
 * posts, points for the post's bureau, and points for its country, of directives that name
 * the post as an action post (a draft's as its choice stands today). Info posts are informed
 * but have no points to deliver.
 */
export async function applicablePoints(db: Executor, directiveIds: string[], postId: string) {
  if (directiveIds.length === 0) return [];
  return db
    .select({
      id: talkingPoints.id,
      directiveId: talkingPoints.directiveId,
      number: talkingPoints.number,
      text: talkingPoints.text,
      scope: talkingPoints.scope,
    })
    .from(talkingPoints)
    .innerJoin(
      directiveAddressees,
      and(eq(directiveAddressees.directiveId, talkingPoints.directiveId), eq(directiveAddressees.postId, postId), eq(directiveAddressees.role, 'action')),
    )
    .innerJoin(posts, eq(posts.id, directiveAddressees.postId))
    .where(and(inArray(talkingPoints.directiveId, directiveIds), pointAppliesTo(posts)))
    .orderBy(asc(talkingPoints.directiveId), asc(talkingPoints.number));
}
