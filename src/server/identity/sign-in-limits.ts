import { and, count, eq, gt, lt, min, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { signInFailures } from '../db/schema/index';

/** Failed sign-ins counted over this window… */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** …lock an account after this many… */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** …and an address (which may try many accounts) after this many. */
export const MAX_FAILURES_PER_ADDRESS = 20;

const accountKey = (email: string) => `account:${email.toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

/**
 * Seconds to wait before trying again, or 0 when sign-in may be tried. Counted in the
 * database so that every app instance applies the same limit.
 */
export async function signInRetryAfter(db: Db, email: string, address: string): Promise<number> {
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  const rows = await db
    .select({ key: signInFailures.key, n: count(), oldest: min(signInFailures.at) })
    .from(signInFailures)
    .where(and(or(eq(signInFailures.key, accountKey(email)), eq(signInFailures.key, addressKey(address))), gt(signInFailures.at, since)))
    .groupBy(signInFailures.key);
  let wait = 0;
  for (const row of rows) {
    const limit = row.key.startsWith('account:') ? MAX_FAILURES_PER_ACCOUNT : MAX_FAILURES_PER_ADDRESS;
    if (row.n >= limit && row.oldest) {
      const oldest = row.oldest instanceof Date ? row.oldest : new Date(row.oldest);
      wait = Math.max(wait, Math.ceil((oldest.getTime() + FAILURE_WINDOW_MS - Date.now()) / 1000));
    }
  }
  return Math.max(wait, 0);
}

export async function recordSignInFailure(db: Db, email: string, address: string): Promise<void> {
  const now = new Date();
  await db.insert(signInFailures).values([
    { key: accountKey(email), at: now },
    { key: addressKey(address), at: now },
  ]);
  await db.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - FAILURE_WINDOW_MS)));
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, accountKey(email)));
}
