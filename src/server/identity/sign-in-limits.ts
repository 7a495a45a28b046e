import { createHash } from 'node:crypto';
import { and, count, eq, gt, lt, min, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { signInFailures } from '../db/schema/index';

/** Failed sign-ins counted over this window… */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** …lock an account after this many… */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** …and an address (which may try many accounts) after this many. */
export const MAX_FAILURES_PER_ADDRESS = 20;

/** First key of the two-number advisory locks on sign-in keys (apart from other locks). */
const SIGN_IN_LOCKS = 72_534_101;

const accountKey = (email: string) => `account:${email.toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;
const lockNumber = (key: string) => createHash('sha256').update(key).digest().readInt32BE(0);

/** An attempt that may go ahead, already counted as a failure; `release` it when it succeeds. */
export interface SignInAttempt {
  email: string;
  addressFailureId: string;
}

/**
 * Checks the limits and counts this attempt as a failure, before the password is checked, as
 * one step: under transaction-scoped locks on the account and on the address, so that parallel
 * attempts take turns and at most the limit of them get past. Counted in the database so that
 * every app instance applies the same limit. Returns the seconds to wait when refused.
 */
export async function beginSignInAttempt(db: Db, email: string, address: string): Promise<SignInAttempt | { retryAfterSeconds: number }> {
  const account = accountKey(email);
  const from = addressKey(address);
  return db.transaction(async (tx) => {
    // Always the account before the address: two attempts never wait on each other's locks.
    for (const key of [account, from]) await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_IN_LOCKS}, ${lockNumber(key)})`);
    const retryAfterSeconds = await secondsToWait(tx, account, from);
    if (retryAfterSeconds > 0) return { retryAfterSeconds };
    const now = new Date();
    await tx.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - FAILURE_WINDOW_MS)));
    const counted = await tx
      .insert(signInFailures)
      .values([
        { key: account, at: now },
        { key: from, at: now },
      ])
      .returning({ id: signInFailures.id, key: signInFailures.key });
    const addressFailure = counted.find((row) => row.key === from);
    if (!addressFailure) throw new Error('insert returned no row');
    return { email, addressFailureId: addressFailure.id };
  });
}

/** A successful sign-in clears the account's failures, and does not count against the address. */
export async function releaseSignInAttempt(db: Db, attempt: SignInAttempt): Promise<void> {
  await db.delete(signInFailures).where(or(eq(signInFailures.key, accountKey(attempt.email)), eq(signInFailures.id, attempt.addressFailureId)));
}

async function secondsToWait(db: Executor, account: string, from: string): Promise<number> {
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  const rows = await db
    .select({ key: signInFailures.key, n: count(), oldest: min(signInFailures.at) })
    .from(signInFailures)
    .where(and(or(eq(signInFailures.key, account), eq(signInFailures.key, from)), gt(signInFailures.at, since)))
    .groupBy(signInFailures.key);
  let wait = 0;
  for (const row of rows) {
    const limit = row.key === account ? MAX_FAILURES_PER_ACCOUNT : MAX_FAILURES_PER_ADDRESS;
    if (row.n >= limit && row.oldest) {
      const oldest = row.oldest instanceof Date ? row.oldest : new Date(row.oldest);
      wait = Math.max(wait, Math.ceil((oldest.getTime() + FAILURE_WINDOW_MS - Date.now()) / 1000));
    }
  }
  return Math.max(wait, 0);
}
