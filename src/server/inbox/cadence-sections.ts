import { INBOX_SHOWN, type TInbox, type TOverduePost } from '../../shared/inbox';
import { cadenceRows } from '../cadence/cadence-queries';
import type { Executor } from '../db/client';
import type { Actor } from '../identity/actor';
import { hasPermission, scopeOf } from '../identity/access-policy';

/**
 * The reader's post's deadlines under each directive addressed to it, the soonest due first
 * (so the overdue lead), computed for this reader by `cadenceRows` for their post alone: an
 * engagement they may not see moves no date they see. Null for a reader without a home post.
 */
export async function postDeadlines(db: Executor, viewer: Actor, now: Date): Promise<TInbox['deadlines']> {
  if (!hasPermission(viewer, 'records.read') || scopeOf(viewer).kind !== 'post' || !viewer.postId || !viewer.postCode) return null;
  const rows = (await cadenceRows(db, viewer, { post: viewer.postId }, now)).sort(
    (a, b) => a.nextDueAt.localeCompare(b.nextDueAt) || a.reference.localeCompare(b.reference),
  );
  return {
    post: { code: viewer.postCode, name: rows[0]?.postName ?? viewer.postCode },
    items: rows.slice(0, INBOX_SHOWN).map((row) => ({
      directiveId: row.directiveId,
      reference: row.reference,
      cadenceDays: row.cadenceDays,
      lastEngagementAt: row.lastEngagementAt,
      nextDueAt: row.nextDueAt,
      status: row.status,
      neverEngaged: row.neverEngaged,
    })),
    total: rows.length,
    overdue: rows.filter((row) => row.status === 'overdue').length,
    link: `/posts/${viewer.postCode}`,
  };
}

/**
 * For readers of a bureau or of every post: the posts in their scope with a directive overdue,
 * from the cadence computed for this reader (their posts, their markings, the engagements they
 * may see), grouped by post, the longest overdue first. Null for readers of one post or none.
 */
export async function overduePosts(db: Executor, viewer: Actor, now: Date): Promise<TInbox['overduePosts']> {
  const scope = scopeOf(viewer).kind;
  if (!hasPermission(viewer, 'records.read') || (scope !== 'bureau' && scope !== 'all')) return null;
  const overdue = (await cadenceRows(db, viewer, {}, now)).filter((row) => row.status === 'overdue');
  const byPost = new Map<string, TOverduePost>();
  for (const row of overdue) {
    const post = byPost.get(row.post) ?? { post: row.post, postName: row.postName, bureau: row.bureau, directives: [], link: `/posts/${row.post}` };
    post.directives.push({ directiveId: row.directiveId, reference: row.reference, nextDueAt: row.nextDueAt, neverEngaged: row.neverEngaged });
    byPost.set(row.post, post);
  }
  const oldest = (post: TOverduePost) => post.directives.reduce((min, d) => (d.nextDueAt < min ? d.nextDueAt : min), post.directives[0]!.nextDueAt);
  const posts = [...byPost.values()]
    .map((post) => ({ ...post, directives: post.directives.sort((a, b) => a.nextDueAt.localeCompare(b.nextDueAt)) }))
    .sort((a, b) => oldest(a).localeCompare(oldest(b)) || a.postName.localeCompare(b.postName));
  return { items: posts.slice(0, INBOX_SHOWN), total: posts.length, overdueDirectives: overdue.length, link: '/dashboard' };
}
