import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { buildIssuedDirective } from '../testing/builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { notify } from '../notifications/notification-store';

/**
 * Keyset paging must return every row once, however many rows share a sort key. Rows written in
 * one statement share its `now()` to the microsecond, while a cursor carries what a JavaScript
 * Date holds (milliseconds): a column paged by time must be kept to the millisecond, or the
 * next page skips every row of the last one's millisecond.
 */
describe('paging through rows that share a timestamp', () => {
  let t: TestApp;
  let reader: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    reader = await t.user({ role: 'officer', post: 'ottawa' });
  });
  afterAll(async () => t.close());

  it('lists every notification of one reminders run once, a page of two at a time', async () => {
    const directive = await buildIssuedDirective(t.database.db, { actionPosts: ['ottawa'] });
    const written = Array.from({ length: 7 }, (_, index) => ({
      userId: reader.actor.id,
      kind: 'cadence.overdue',
      recordType: 'directive',
      recordId: directive.id,
      params: { dueDate: '2026-01-31' },
      dedupeKey: `paging:${index}`,
    }));
    // A time with microseconds, as now() has, shared by the whole statement.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      await notify(tx, written);
      await tx.execute(sql`update notifications set created_at = '2026-03-01 10:00:00.123456+00' where dedupe_key like 'paging:%'`);
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const query: string = `/api/v1/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await t.request({ method: 'GET', url: query, as: reader });
      expect(response.statusCode).toBe(200);
      const page = response.json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    const stored = await queryRows<{ id: string }>(t.database.db, sql`select id from notifications where dedupe_key like 'paging:%'`);
    expect(seen.length).toBe(7);
    expect(new Set(seen)).toEqual(new Set(stored.map((row) => row.id)));
  });
});
