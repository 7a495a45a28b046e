import { eq } from 'drizzle-orm';
import type { TTalkingPoint } from '../../shared/directives';
import type { Executor } from '../db/client';
import { posts } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { scopeOf } from '../identity/access-policy';
import { viewerPostId } from './directive-policy';
import { requireDirectiveRow } from './directive-queries';
import { loadTalkingPoints } from './talking-point-queries';

/**
 * The points of a visible directive that apply to one post (`postCode`), by default the
 * viewer's home post; headquarters and bureau analysts without `postCode` get all of them.
 * A post user reads their own post's points only: other posts' instructions are not theirs.
 */
export async function talkingPointsFor(db: Executor, directiveId: string, viewer: Actor, postCode: string | undefined): Promise<TTalkingPoint[]> {
  await requireDirectiveRow(db, directiveId, viewer);
  let postId = viewerPostId(viewer);
  if (postCode !== undefined) {
    const [post] = await db.select({ id: posts.id }).from(posts).where(eq(posts.code, postCode)).limit(1);
    if (!post) throw AppError.validation([{ field: 'query.post', message: `no post has the code "${postCode}"` }]);
    if (scopeOf(viewer).kind === 'post' && post.id !== postId) {
      throw new AppError('forbidden', `You read the talking points of your own post (${viewer.postCode ?? 'none'}) only.`);
    }
    postId = post.id;
  }
  return loadTalkingPoints(db, directiveId, postId);
}
