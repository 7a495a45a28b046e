import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import ical from 'ical-generator';
import type { Db } from '../db/client';
import { calendarFeeds, engagements, followUps } from '../db/schema/index';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import { loadActor, type Actor } from '../identity/actor';
import { visibleEngagements } from '../engagements/engagement-policy';
import { cadenceRows } from './cadence-queries';

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export async function calendarFeedInfo(db: Db, actor: Actor): Promise<{ url: null; rotatedAt: string | null }> {
  const [feed] = await db.select({ rotatedAt: calendarFeeds.rotatedAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, actor.id));
  // Only a hash of the secret is kept: the URL is shown once, when it is made.
  return { url: null, rotatedAt: feed?.rotatedAt.toISOString() ?? null };
}

/** Makes a new secret URL for the actor's feed; the previous URL stops working at once. */
export async function rotateCalendarFeed(db: Db, actor: Actor, baseUrl: string, context: AuditContext): Promise<{ url: string; rotatedAt: string }> {
  const secret = randomBytes(32).toString('base64url');
  const rotatedAt = new Date();
  await db.transaction(async (tx) => {
    await tx
      .insert(calendarFeeds)
      .values({ userId: actor.id, secretHash: hashSecret(secret), rotatedAt })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { secretHash: hashSecret(secret), rotatedAt } });
    await recordAudit(tx, context, {
      action: 'calendar.rotated',
      recordType: 'user',
      recordId: actor.id,
      // That the address changed, never the address: it is the feed's only credential.
      change: { calendarFeedAddress: 'replaced' },
      classification: 'U',
    });
  });
  return { url: `${baseUrl}/api/calendar/${secret}.ics`, rotatedAt: rotatedAt.toISOString() };
}

/**
 * The iCal feed behind a secret URL: the user's open follow-ups, and the next engagement
 * due dates of their post, under the same access rule as every other path (scope, marking
 * and the draft rule, for the user as they are now: after a move to another post, the old
 * post's follow-ups are no longer in it). Undefined for an
 * unknown secret or a disabled user.
 */
export async function calendarFeed(db: Db, secret: string, now: Date): Promise<string | undefined> {
  const [feed] = await db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.secretHash, hashSecret(secret)));
  const actor = feed ? await loadActor(db, feed.userId) : undefined;
  if (!actor || actor.disabled) return undefined;

  const calendar = ical({ name: `Demarche — ${actor.name}`, prodId: { company: 'Demarche', product: 'Demarche', language: 'EN' } });
  const open = await db
    .select({ id: followUps.id, action: followUps.action, dueDate: followUps.dueDate, engagementId: followUps.engagementId })
    .from(followUps)
    .innerJoin(engagements, eq(engagements.id, followUps.engagementId))
    .where(and(eq(followUps.ownerId, actor.id), isNull(followUps.doneAt), visibleEngagements(actor)));
  for (const item of open) {
    calendar.createEvent({
      id: `follow-up-${item.id}@demarche`,
      start: new Date(`${item.dueDate}T00:00:00Z`),
      allDay: true,
      summary: `Follow-up due: ${item.action}`,
      description: `Follow-up of an engagement (/engagements/${item.engagementId}).`,
    });
  }
  if (actor.postId) {
    for (const row of await cadenceRows(db, actor, {}, now)) {
      calendar.createEvent({
        id: `cadence-${row.directiveId}-${row.post}@demarche`,
        start: new Date(row.nextDueAt),
        allDay: true,
        summary: `Engagement due: ${row.reference} (${row.postName})`,
        description: `Every ${row.cadenceDays} days under ${row.reference}; status ${row.status.replace('_', ' ')}.`,
      });
    }
  }
  return calendar.toString();
}
