import { eq } from 'drizzle-orm';
import { BUREAU_ROLES, POST_ROLES, type TRole } from '../../shared/identity';
import type { Executor } from '../db/client';
import { posts } from '../db/schema/index';
import type { FieldError } from '../http/app-error';

export interface ResolvedScope {
  postId: string | null;
  bureauCode: string | null;
}

/**
 * Checks that a role has the scope it needs: officers and approvers a home post, bureau
 * analysts a bureau, everyone else neither (their scope is all posts, or none).
 */
export async function resolveUserScope(
  db: Executor,
  role: TRole,
  post: string | null | undefined,
  bureau: string | null | undefined,
): Promise<{ scope: ResolvedScope; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  let postId: string | null = null;
  if (POST_ROLES.includes(role)) {
    if (!post) errors.push({ field: 'body.post', message: `is required for the ${role} role (the home post)` });
    else {
      const [found] = await db.select({ id: posts.id }).from(posts).where(eq(posts.code, post)).limit(1);
      if (!found) errors.push({ field: 'body.post', message: `no post has the code "${post}"` });
      else postId = found.id;
    }
    if (bureau) errors.push({ field: 'body.bureau', message: `must be empty for the ${role} role; it comes from the home post` });
  } else if (BUREAU_ROLES.includes(role)) {
    if (!bureau) errors.push({ field: 'body.bureau', message: `is required for the ${role} role` });
    if (post) errors.push({ field: 'body.post', message: `must be empty for the ${role} role` });
  } else {
    if (post) errors.push({ field: 'body.post', message: `must be empty for the ${role} role` });
    if (bureau) errors.push({ field: 'body.bureau', message: `must be empty for the ${role} role` });
  }
  return {
    scope: { postId, bureauCode: BUREAU_ROLES.includes(role) ? (bureau ?? null) : null },
    errors,
  };
}
