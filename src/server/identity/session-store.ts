import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Session } from 'fastify';
import type * as fastifySession from '@fastify/session';
import type { Db } from '../db/client';
import { posts, sessions, users } from '../db/schema/index';
import { type Actor, actorColumns, toActor } from './actor';

/** A session ends after 30 minutes without a request… */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** …and 12 hours after sign-in, whatever happens. */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** How often a request records activity (lastSeenAt). */
export const TOUCH_INTERVAL_MS = 60 * 1000;

declare module 'fastify' {
  interface Session {
    userId?: string;
    /** Sign-in time, epoch milliseconds. */
    signedInAt?: number;
  }
}

/** User-Agent headers are cut to this length before they are kept. */
export const USER_AGENT_MAX_LENGTH = 300;

/** Where a session was signed in from, kept to show its owner which session is which. */
export interface SessionClient {
  address: string;
  userAgent: string | undefined;
}

/** The stored key of a session: the session id itself (the cookie's secret) is never stored. */
export const hashSessionId = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

/**
 * Sessions for @fastify/session, kept in the database so that any app instance can serve
 * any request. Only a hash of the session id is stored: reading the table does not let
 * anyone take over a session.
 */
export class DatabaseSessionStore implements fastifySession.SessionStore {
  /**
   * The signed-in user read with the session, by session id, until the request's authentication
   * takes it (`takeActor`): one query per request instead of one for the session and one for
   * its user. Requests that end before taking theirs leave an entry; the map is emptied when
   * it grows past a bound.
   */
  private readonly actors = new Map<string, Actor>();

  /**
   * Every signed-in request runs it: built once (Drizzle's query building was a tenth of a
   * request's time) and a prepared statement on PostgreSQL.
   */
  private readonly sessionQuery;

  constructor(private readonly db: Db) {
    this.sessionQuery = db
      .select({ data: sessions.data, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, actor: actorColumns })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(posts, eq(posts.id, users.postId))
      .where(eq(sessions.idHash, sql.placeholder('idHash')))
      .limit(1)
      .prepare('demarche_session_load');
  }

  /** The user this request's session was loaded with, once; undefined when not loaded here. */
  takeActor(sessionId: string): Actor | undefined {
    const actor = this.actors.get(sessionId);
    if (actor) this.actors.delete(sessionId);
    return actor;
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    this.load(sessionId).then(
      (session) => callback(null, session),
      (error: unknown) => callback(error),
    );
  }

  set(sessionId: string, session: Session, callback: (error?: unknown) => void): void {
    this.save(sessionId, session).then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  destroy(sessionId: string, callback: (error?: unknown) => void): void {
    this.db
      .delete(sessions)
      .where(eq(sessions.idHash, hashSessionId(sessionId)))
      .then(
        () => callback(),
        (error: unknown) => callback(error),
      );
  }

  private async load(sessionId: string): Promise<Session | null> {
    const idHash = hashSessionId(sessionId);
    const [row] = await this.sessionQuery.execute({ idHash });
    if (!row) return null;
    const now = Date.now();
    if (row.actor.disabled || row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + IDLE_TIMEOUT_MS <= now) {
      await this.db.delete(sessions).where(eq(sessions.idHash, idHash));
      return null;
    }
    // Activity restarts the idle clock; to the minute is precise enough, and spares a write
    // on every request.
    if (now - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.db
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(sessions.idHash, idHash));
    }
    if (this.actors.size >= 10_000) this.actors.clear();
    this.actors.set(sessionId, toActor(row.actor));
    return row.data as Session;
  }

  /**
   * Called when the session's data changed (its CSRF secret, say). Saving only updates: a
   * session row is created at sign-in (`create`), so a request still in flight when an
   * administrator ends the user's sessions cannot bring its session back.
   */
  private async save(sessionId: string, session: Session): Promise<void> {
    if (!session.userId) return;
    const data = JSON.parse(JSON.stringify(session)) as Record<string, unknown>;
    await this.db
      .update(sessions)
      .set({ data, lastSeenAt: new Date() })
      .where(eq(sessions.idHash, hashSessionId(sessionId)));
  }

  /** Stores a session that has just signed in. */
  async create(sessionId: string, session: Session, client: SessionClient): Promise<void> {
    if (!session.userId || !session.signedInAt) throw new Error('a session is created only at sign-in');
    const data = JSON.parse(JSON.stringify(session)) as Record<string, unknown>;
    await this.db.insert(sessions).values({
      idHash: hashSessionId(sessionId),
      userId: session.userId,
      data,
      createdAt: new Date(session.signedInAt),
      lastSeenAt: new Date(),
      expiresAt: new Date(session.signedInAt + ABSOLUTE_LIFETIME_MS),
      address: client.address,
      userAgent: client.userAgent ? client.userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
    });
  }
}
