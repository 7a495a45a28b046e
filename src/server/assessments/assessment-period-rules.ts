import { and, eq, isNotNull, min } from 'drizzle-orm';
import { lastEndedPeriod, periodKindForCadence, type TPeriodKind } from '../../shared/assessment-periods';
import type { Executor } from '../db/client';
import { directivePosts, directives } from '../db/schema/index';
import { visibleDirectives } from '../directives/directive-policy';
import type { Actor } from '../identity/actor';

/**
 * The kind of period a post assesses by, for this reader: the calendar period nearest to the
 * shortest assessment cadence of the issued directives that name the post for action and that
 * the reader may see; a quarter when none sets one.
 */
export async function periodKindForPost(db: Executor, postId: string, reader: Actor): Promise<TPeriodKind> {
  const [row] = await db
    .select({ days: min(directives.assessmentCadenceDays) })
    .from(directives)
    .innerJoin(directivePosts, and(eq(directivePosts.directiveId, directives.id), eq(directivePosts.postId, postId), eq(directivePosts.role, 'action')))
    .where(and(eq(directives.status, 'issued'), isNotNull(directives.assessmentCadenceDays), visibleDirectives(reader)));
  return periodKindForCadence(row?.days ?? null);
}

/** The period a new assessment is for when none is named: the post's last ended period. */
export async function defaultPeriod(db: Executor, postId: string, reader: Actor, now = new Date()) {
  return lastEndedPeriod(now, await periodKindForPost(db, postId, reader));
}
