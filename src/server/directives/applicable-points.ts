import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { directivePosts, posts, talkingPoints } from '../db/schema/index';

/**
 * The talking points of these directives that apply to one post: points for all action
 * posts, points for the post's bureau, and points for its country, of directives that name
 * the post as an action post. Info posts are informed but have no points to deliver.
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
      directivePosts,
      and(eq(directivePosts.directiveId, talkingPoints.directiveId), eq(directivePosts.postId, postId), eq(directivePosts.role, 'action')),
    )
    .innerJoin(posts, eq(posts.id, directivePosts.postId))
    .where(
      and(
        inArray(talkingPoints.directiveId, directiveIds),
        sql`(${talkingPoints.scope} = 'all'
          or (${talkingPoints.scope} = 'bureaus' and ${posts.bureauCode} = any(${talkingPoints.scopeBureaus}))
          or (${talkingPoints.scope} = 'countries' and ${posts.countryAlpha2} = any(${talkingPoints.scopeCountries})))`,
      ),
    )
    .orderBy(asc(talkingPoints.directiveId), asc(talkingPoints.number));
}
