import { and, desc, eq, gt, lt, or } from 'drizzle-orm';
import type { TActiveSession } from '../../shared/identity';
import type { TPage, TPageQuery } from '../../shared/pagination';
import type { Db, Executor } from '../db/client';
import { sessions } from '../db/schema/index';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../http/app-error';
import { decodeCursor, toPage } from '../http/cursor';
import type { Actor } from './actor';
import { IDLE_TIMEOUT_MS } from './session-store';

/** Sessions that still work: not past their absolute lifetime, not idle for too long. */
function live(userId: string, now: Date) {
  return and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)));
}

/**
 * The actor's own active sessions, newest sign-in first, the one of this request marked
 * `current` (`currentSessionHash` is null for a request made with an API token). Each is named
 * by its separate id, never by anything that would let its holder use it.
 */
export async function listOwnSessions(db: Executor, actor: Actor, query: TPageQuery, currentSessionHash: string | null): Promise<TPage<TActiveSession>> {
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
  const rows = await db
    .select()
    .from(sessions)
    .where(
      and(
        live(actor.id, new Date()),
        after
          ? or(
              lt(sessions.createdAt, new Date(after[0] as string)),
              and(eq(sessions.createdAt, new Date(after[0] as string)), lt(sessions.id, after[1] as string)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
  return {
    items: page.items.map((row) => ({
      id: row.id,
      signedInAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      address: row.address,
      userAgent: row.userAgent,
      current: row.idHash === currentSessionHash,
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * Ends one of the actor's own sessions. Anyone else's, or one that has already ended, does not
 * exist for them (404). Returns whether it was the session of this request, which the caller
 * then signs out.
 */
export async function revokeOwnSession(
  db: Db,
  actor: Actor,
  id: string,
  currentSessionHash: string | null,
  context: AuditContext,
): Promise<{ current: boolean }> {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, id), live(actor.id, new Date())))
      .returning({ idHash: sessions.idHash });
    if (!revoked) throw AppError.notFound('Session');
    const current = revoked.idHash === currentSessionHash;
    await recordAudit(tx, context, {
      action: 'session.revoked',
      recordType: 'session',
      recordId: id,
      change: { session: 'ended', current },
      classification: 'U',
    });
    return { current };
  });
}
