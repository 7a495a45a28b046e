import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../db/schema/index';
import { buildIssuedDirective } from '../testing/builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { type NewNotification, notify } from './notification-store';

/**
 * A job run can produce tens of thousands of reminders (1M engagements, every late follow-up):
 * they are written in bounded statements, each once, on PostgreSQL as on PGlite.
 */
describe('writing notifications', () => {
  let t: TestApp;
  let reader: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    reader = await t.user({ role: 'officer', post: 'ottawa' });
  });
  afterAll(async () => t.close());

  it('writes a run of 20,000 (past the 65,535 bind parameters of one statement) and writes each once', { timeout: 120_000 }, async () => {
    const directive = await buildIssuedDirective(t.database.db, { actionPosts: ['ottawa'] });
    const items: NewNotification[] = Array.from({ length: 20_000 }, (_, index) => ({
      userId: reader.actor.id,
      kind: 'cadence.overdue',
      recordType: 'directive',
      recordId: directive.id,
      params: { dueDate: '2026-01-31' },
      dedupeKey: `bulk:${index}`,
    }));
    expect(await notify(t.database.db, items)).toBe(20_000);
    expect(await notify(t.database.db, items)).toBe(0);
    const [stored] = await t.database.db.select({ n: count() }).from(notifications).where(eq(notifications.userId, reader.actor.id));
    expect(stored?.n).toBe(20_000);
  });
});
