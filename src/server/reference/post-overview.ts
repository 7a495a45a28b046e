import type { TPostOverview } from '../../shared/reference-api';
import { cadenceRows } from '../cadence/cadence-queries';
import type { Db } from '../db/client';
import type { Actor } from '../identity/actor';
import { hasPermission, postReadable } from '../identity/access-policy';
import { AppError } from '../http/app-error';
import { getPost } from './reference-queries';

/**
 * A post's page for one reader: the post (reference data, for everyone signed in), which of
 * its record sections the reader may read, and its deadlines under each directive addressed
 * to it. A reader outside the post's scope, or without the right to read records, gets the
 * post alone: for them the post has no engagements, deadlines, contacts or incidents.
 */
export async function postOverview(db: Db, viewer: Actor, code: string, now: Date): Promise<TPostOverview> {
  const post = await getPost(db, code);
  if (!post) throw AppError.notFound(`Post ${code}`);
  const reads = hasPermission(viewer, 'records.read') && postReadable(viewer, { postId: post.id, postBureauCode: post.bureau });
  const sections = { engagements: reads, deadlines: reads, contacts: reads, incidents: reads };
  if (!reads) return { post, sections, asOf: now.toISOString(), deadlines: [] };
  // The cadence rows of this post, computed for this reader (scope, markings and the
  // engagements they may see, in SQL).
  const rows = await cadenceRows(db, viewer, { post: post.id }, now);
  const deadlines = rows
    .map(({ classification: _, ...row }) => row)
    .sort((a, b) => a.nextDueAt.localeCompare(b.nextDueAt) || a.reference.localeCompare(b.reference));
  return { post, sections, asOf: now.toISOString(), deadlines };
}
