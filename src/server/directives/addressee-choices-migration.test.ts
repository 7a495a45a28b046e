import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { migrate } from '../db/migrate';
import { seedReference } from '../reference/seed-reference';
import { migrationsUpTo } from '../testing/migrations-up-to';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { getDirective } from './directive-queries';

/**
 * Directives written before choices were kept had only their expanded posts. After the
 * upgrade each keeps those posts, as posts chosen one by one: a draft reopens with the same
 * addressees, and an issued directive keeps its frozen posts.
 */
describe('upgrading directives to addressees as chosen', () => {
  let database: TestDatabase;
  let draftId: string;
  let issuedId: string;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await migrate(database, migrationsUpTo('0012_engagement_facts'));
    const db = database.db;
    await seedReference(db);
    const directive = async (reference: string, status: string) => {
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`insert into directives (reference, date, subject, from_line, objective, classification, status, issued_at)
          values (${reference}, '2025-11-21', 'Old directive', 'SECSTATE', 'Objective', 'U', ${status}, ${status === 'draft' ? null : new Date()})
          returning id`,
      );
      return row!.id;
    };
    const address = (id: string, code: string, role: string) =>
      db.execute(sql`insert into directive_posts (directive_id, post_id, role) select ${id}, id, ${role} from posts where code = ${code}`);
    draftId = await directive('OLD-DRAFT', 'draft');
    issuedId = await directive('OLD-ISSUED', 'issued');
    for (const [code, role] of [
      ['paris', 'action'],
      ['berlin', 'action'],
      ['tokyo', 'info'],
    ])
      await address(draftId, code!, role!);
    await address(issuedId, 'ottawa', 'action');

    await migrate(database);
  });
  afterAll(async () => database.close());

  it('keeps the posts of a draft as posts chosen one by one, in code order', async () => {
    const draft = await getDirective(database.db, draftId, null);
    expect(draft.actionChoice).toEqual({ bureaus: [], countries: [], posts: ['berlin', 'paris'] });
    expect(draft.infoChoice).toEqual({ bureaus: [], countries: [], posts: ['tokyo'] });
    expect(draft.actionPosts.map((post) => post.code)).toEqual(['berlin', 'paris']);
    expect(draft.infoPosts.map((post) => post.code)).toEqual(['tokyo']);
    expect(draft.actionPostCount).toBe(2);
    // The draft's posts now come from its choice alone.
    const stored = await queryRows(database.db, sql`select 1 from directive_posts where directive_id = ${draftId}`);
    expect(stored).toEqual([]);
  });

  it('keeps the frozen posts of an issued directive', async () => {
    const issued = await getDirective(database.db, issuedId, null);
    expect(issued.actionPosts.map((post) => post.code)).toEqual(['ottawa']);
    expect(issued.actionChoice).toEqual({ bureaus: [], countries: [], posts: ['ottawa'] });
    const stored = await queryRows(database.db, sql`select 1 from directive_posts where directive_id = ${issuedId}`);
    expect(stored).toHaveLength(1);
  });
});
