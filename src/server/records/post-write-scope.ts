import { eq } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import type { Executor } from '../db/client';
import { posts } from '../db/schema/index';
import { AppError, type FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { clearanceRank } from '../identity/access-policy';

export interface WritePost {
  id: string;
  code: string;
  name: string;
  countryAlpha2: string;
  bureauCode: string | null;
}

/**
 * The post a contact or engagement is recorded for: the writer's home post, named or by
 * default. Posts are reference data every user sees, so another post is no secret: 403, and
 * an unknown code is a field error.
 */
export async function resolveHomePost(db: Executor, actor: Actor, code: string | undefined, what: string): Promise<WritePost> {
  const wanted = code ?? actor.postCode;
  if (wanted === null) throw new AppError('forbidden', `Only officers and approvers at a post record ${what}.`);
  const [post] = await db
    .select({ id: posts.id, code: posts.code, name: posts.name, countryAlpha2: posts.countryAlpha2, bureauCode: posts.bureauCode })
    .from(posts)
    .where(eq(posts.code, wanted))
    .limit(1);
  if (!post) throw AppError.validation([{ field: 'body.post', message: `no post has the code "${wanted}"` }]);
  if (post.id !== actor.postId) {
    throw new AppError('forbidden', `You record ${what} for your home post (${actor.postCode ?? 'none'}) only, not for ${post.code}.`);
  }
  return post;
}

/** A writer may not mark a record above their own clearance: they could no longer see it. */
export function markingProblem(actor: Actor, classification: TClearance): FieldError | undefined {
  return clearanceRank(classification) > clearanceRank(actor.clearance)
    ? { field: 'body.classification', message: `must be at or below your clearance (${actor.clearance})` }
    : undefined;
}
