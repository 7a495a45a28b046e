import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import type { Db } from '../db/client';
import { directivePosts, directives, engagementDirectives, engagementPoints, engagements, followUps, posts, talkingPoints } from '../db/schema/index';

/**
 * Builders that write rows directly, for tests of aggregates (cadence, coverage, reminders)
 * that need many records in known states without going through every workflow step.
 */
export async function postId(db: Db, code: string): Promise<string> {
  const [post] = await db.select({ id: posts.id }).from(posts).where(eq(posts.code, code));
  if (!post) throw new Error(`no post ${code}`);
  return post.id;
}

export async function buildIssuedDirective(
  db: Db,
  options: {
    actionPosts: string[];
    infoPosts?: string[];
    cadenceDays?: number | null;
    issuedAt?: Date;
    classification?: TClearance;
    points?: { text: string; scope?: 'all' | 'bureaus' | 'countries'; bureaus?: string[]; countries?: string[] }[];
    status?: 'draft' | 'issued';
  },
): Promise<{ id: string; reference: string; pointIds: string[] }> {
  const reference = `TEST-${randomBytes(4).toString('hex').toUpperCase()}`;
  const issuedAt = options.issuedAt ?? new Date();
  const [directive] = await db
    .insert(directives)
    .values({
      reference,
      date: issuedAt.toISOString().slice(0, 10),
      subject: `Subject of ${reference}`,
      fromLine: 'SECSTATE WASHDC',
      objective: 'Test objective',
      classification: options.classification ?? 'U',
      status: options.status ?? 'issued',
      engagementCadenceDays: options.cadenceDays === undefined ? 30 : options.cadenceDays,
      issuedAt: options.status === 'draft' ? null : issuedAt,
      synthetic: true,
    })
    .returning({ id: directives.id });
  const id = directive!.id;
  for (const code of options.actionPosts) await db.insert(directivePosts).values({ directiveId: id, postId: await postId(db, code), role: 'action' });
  for (const code of options.infoPosts ?? []) await db.insert(directivePosts).values({ directiveId: id, postId: await postId(db, code), role: 'info' });
  const pointIds: string[] = [];
  for (const [index, point] of (options.points ?? [{ text: 'Point one' }]).entries()) {
    const [row] = await db
      .insert(talkingPoints)
      .values({
        directiveId: id,
        number: index + 1,
        text: point.text,
        scope: point.scope ?? 'all',
        scopeBureaus: point.bureaus ?? [],
        scopeCountries: point.countries ?? [],
      })
      .returning({ id: talkingPoints.id });
    pointIds.push(row!.id);
  }
  return { id, reference, pointIds };
}

export async function buildEngagement(
  db: Db,
  options: {
    post: string;
    draftedBy: string;
    directiveIds: string[];
    occurredAt: Date;
    status?: 'draft' | 'submitted' | 'approved';
    classification?: TClearance;
    points?: { talkingPointId: string; delivered: boolean; reception?: 'receptive' | 'noncommittal' | 'disagreed' | null }[];
    followUps?: { action: string; ownerId: string; dueDate: string; done?: boolean }[];
  },
): Promise<string> {
  const [engagement] = await db
    .insert(engagements)
    .values({
      postId: await postId(db, options.post),
      occurredAt: options.occurredAt,
      kind: 'meeting',
      classification: options.classification ?? 'U',
      status: options.status ?? 'approved',
      draftedBy: options.draftedBy,
      synthetic: true,
    })
    .returning({ id: engagements.id });
  const id = engagement!.id;
  for (const directiveId of options.directiveIds) await db.insert(engagementDirectives).values({ engagementId: id, directiveId });
  for (const point of options.points ?? [])
    await db
      .insert(engagementPoints)
      .values({ engagementId: id, talkingPointId: point.talkingPointId, delivered: point.delivered, reception: point.reception ?? null });
  for (const item of options.followUps ?? [])
    await db
      .insert(followUps)
      .values({ engagementId: id, action: item.action, ownerId: item.ownerId, dueDate: item.dueDate, doneAt: item.done ? new Date() : null });
  return id;
}
