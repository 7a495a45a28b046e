import { sql } from 'drizzle-orm';
import type { TSignIn } from '../../shared/identity';
import type { Db } from '../db/client';
import { users } from '../db/schema/index';
import { AppError } from '../http/app-error';
import { recordAudit } from '../audit/record-audit';
import { loadActor, type Actor } from './actor';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { beginSignInAttempt, releaseSignInAttempt } from './sign-in-limits';

export class TooManyAttemptsError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('rate_limited', `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The same answer for an unknown email, a wrong password and a disabled account. */
const WRONG = () => new AppError('unauthenticated', 'Email or password is wrong.');

/**
 * Checks the credentials and returns the actor. Every attempt counts as a failure, per account
 * and per address, until the password proves right; failures are audited. The caller starts
 * the session.
 */
export async function signIn(db: Db, input: TSignIn, address: string): Promise<Actor> {
  const email = input.email.trim().toLowerCase();
  const attempt = await beginSignInAttempt(db, email, address);
  if ('retryAfterSeconds' in attempt) throw new TooManyAttemptsError(attempt.retryAfterSeconds);

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  // Without a user, still spend the time a real check takes: timing must not reveal accounts.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  const actor = user && passwordOk && !user.disabled ? await loadActor(db, user.id) : undefined;

  if (!actor) {
    const reason = !user ? 'unknown email' : !passwordOk ? 'wrong password' : 'account disabled';
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { actor: user ? { id: user.id, email } : null, via: 'session', address },
        { action: 'session.sign_in_failed', recordType: 'user', recordId: user?.id ?? null, change: { email, reason }, classification: 'U' },
      ),
    );
    throw WRONG();
  }
  await releaseSignInAttempt(db, attempt);
  await db.transaction((tx) =>
    recordAudit(
      tx,
      { actor: { id: actor.id, email: actor.email }, via: 'session', address },
      {
        action: 'session.signed_in',
        recordType: 'user',
        recordId: actor.id,
        change: { session: 'started' },
        classification: 'U',
      },
    ),
  );
  return actor;
}
