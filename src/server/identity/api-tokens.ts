import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { TToken, TTokenCreate, TTokenCreated } from '../../shared/identity';
import type { TPage } from '../../shared/pagination';
import type { Db, Executor } from '../db/client';
import { apiTokens } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from './actor';

const TOKEN_PREFIX = 'dmt_';
const DAY_MS = 24 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function present(row: typeof apiTokens.$inferSelect): TToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a token for the actor; the secret is returned once and only its hash is kept. */
export async function createApiToken(db: Db, actor: Actor, input: TTokenCreate, context: AuditContext): Promise<TTokenCreated> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.id,
        name: input.name,
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await recordAudit(tx, context, {
      action: 'token.created',
      classification: 'U',
      recordType: 'api_token',
      recordId: created.id,
      change: { name: input.name, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  return { ...present(row), token };
}

export async function listApiTokens(db: Executor, actor: Actor): Promise<TPage<TToken>> {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, actor.id)).orderBy(desc(apiTokens.createdAt));
  return { items: rows.map(present), nextCursor: null };
}

/** Revokes one of the actor's own tokens; anyone else's does not exist for them (404). */
export async function revokeApiToken(db: Db, actor: Actor, id: string, context: AuditContext): Promise<void> {
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (!revoked) throw AppError.notFound('Token');
    await recordAudit(tx, context, { action: 'token.revoked', recordType: 'api_token', recordId: id, change: { name: revoked.name }, classification: 'U' });
  });
}

/**
 * Revokes every live token of a user, inside the caller's transaction, each audited: their
 * password changed or they were disabled, so whoever holds a token may not be them. Revoked,
 * not suspended: re-enabling the user does not bring the tokens back. Returns how many.
 */
export async function revokeAllApiTokens(tx: Executor, userId: string, reason: string, context: AuditContext): Promise<number> {
  const now = new Date();
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)))
    .returning({ id: apiTokens.id, name: apiTokens.name });
  for (const token of revoked) {
    await recordAudit(tx, context, {
      action: 'token.revoked',
      recordType: 'api_token',
      recordId: token.id,
      change: { name: token.name, reason },
      classification: 'U',
    });
  }
  return revoked.length;
}

/** The user id of a live token (not revoked, not expired), or undefined. */
export async function resolveApiToken(db: Db, token: string): Promise<{ userId: string; tokenId: string } | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return undefined;
  // Last use is shown to the owner; a minute's precision spares a write per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  return { userId: row.userId, tokenId: row.id };
}
