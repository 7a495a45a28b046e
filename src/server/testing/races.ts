import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows, type Executor } from '../db/client';
import type { TestApp } from './test-app';

/**
 * Runs `request` while another transaction has made `write` and not yet committed it: the
 * request's own checks cannot see that write, so only a unique index or a row lock can stop it,
 * as when two people save at the same moment. On PostgreSQL the holder commits once the request
 * waits on a lock (of this test's database); PGlite has one connection, so there the two run one
 * after the other and the request's checks see the write.
 */
export async function againstUncommitted<T>(t: TestApp, write: (tx: Executor) => Promise<unknown>, request: () => Promise<T>): Promise<T> {
  if (t.database.driver === 'pglite') {
    await t.database.db.transaction(async (tx) => {
      await write(tx);
    });
    return request();
  }
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let written = () => {};
  const ready = new Promise<void>((resolve) => {
    written = resolve;
  });
  const holder = t.database.db.transaction(async (tx) => {
    await write(tx);
    written();
    await held;
  });
  await ready;
  const answer = request();
  try {
    await expect
      .poll(
        async () =>
          (
            await queryRows<{ n: number }>(
              t.database.db,
              sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
            )
          )[0]?.n,
        { timeout: 5000 },
      )
      .toBeGreaterThan(0);
  } finally {
    release();
    await holder;
  }
  return answer;
}
