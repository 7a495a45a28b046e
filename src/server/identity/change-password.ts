import { and, eq, ne } from 'drizzle-orm';
import type { TPasswordChange, TPasswordChanged } from '../../shared/identity';
import type { Db } from '../db/client';
import { sessions, users } from '../db/schema/index';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import { AppError, type FieldError } from '../http/app-error';
import type { Actor } from './actor';
import { revokeAllApiTokens } from './api-tokens';
import { hashPassword, passwordProblems, verifyPassword } from './passwords';
import { beginSignInAttempt, releaseSignInAttempt } from './sign-in-limits';

/**
 * The signed-in user changes their own password. The current password is checked as a sign-in
 * checks it, under the same limits: a wrong one counts as a failed sign-in for the account and
 * the address, so a stolen session cannot guess the password any faster than the sign-in page
 * lets anyone. The new password follows the rules of user creation. On success the user's
 * other sessions end (the one the request came with is kept) and their API tokens are
 * revoked: whoever held them may have known the old password. Neither password is ever logged
 * or audited.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: TPasswordChange,
  request: { sessionHash: string; address: string },
  context: AuditContext,
): Promise<TPasswordChanged> {
  const attempt = await beginSignInAttempt(db, actor.email, request.address);
  if ('retryAfterSeconds' in attempt) {
    const error = new AppError(
      'rate_limited',
      `Too many wrong passwords for this account. Try again in ${Math.ceil(attempt.retryAfterSeconds / 60)} minute(s).`,
    );
    error.retryAfterSeconds = attempt.retryAfterSeconds;
    throw error;
  }

  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user) throw new AppError('unauthenticated', 'Sign in first.');
  const currentOk = await verifyPassword(user.passwordHash, input.currentPassword);
  if (currentOk) await releaseSignInAttempt(db, attempt);

  const errors: FieldError[] = [];
  if (!currentOk) errors.push({ field: 'body.currentPassword', message: 'is wrong' });
  if (input.newPassword === input.currentPassword) {
    errors.push({ field: 'body.newPassword', message: 'must differ from your current password' });
  } else {
    errors.push(...passwordProblems(input.newPassword, actor.email, 'body.newPassword'));
  }
  if (!currentOk) {
    await db.transaction((tx) =>
      recordAudit(tx, context, {
        action: 'user.password_change_failed',
        recordType: 'user',
        recordId: actor.id,
        change: { reason: 'wrong current password' },
        classification: 'U',
      }),
    );
  }
  if (errors.length > 0) throw AppError.validation(errors);

  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    // Only over the hash the current password was checked against: two changes at once cannot
    // both pass on the same old password.
    const [changed] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(and(eq(users.id, actor.id), eq(users.passwordHash, user.passwordHash)))
      .returning({ id: users.id });
    if (!changed) throw new AppError('conflict', 'Your password was changed by another request at the same time. Sign in again with the new password.');
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.id), ne(sessions.idHash, request.sessionHash)))
      .returning({ id: sessions.id });
    const tokensRevoked = await revokeAllApiTokens(tx, actor.id, 'password changed', context);
    await recordAudit(tx, context, {
      action: 'user.password_changed',
      recordType: 'user',
      recordId: actor.id,
      change: { otherSessionsEnded: ended.length, tokensRevoked },
      classification: 'U',
    });
    return { otherSessionsEnded: ended.length, tokensRevoked };
  });
}
