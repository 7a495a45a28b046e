import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { pgTable, serial, text, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEARANCES, ROLES, type TClearance, type TRole } from '../../shared/identity';
import { posts } from '../db/schema/index';
import { AppError } from '../http/app-error';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { seedReference } from '../reference/seed-reference';
import type { Actor } from './actor';
import { assertFourEyes, canSee, postInScope, postReadable, requireVisible, visibleRecords } from './access-policy';

// A stand-in for any record that carries a post and a marking (engagements, incidents, …).
const fixture = pgTable('access_fixture', {
  id: serial().primaryKey(),
  postId: uuid().notNull(),
  classification: text().notNull(),
});

describe('access policy', () => {
  let database: TestDatabase;
  const postIds: Record<string, string> = {};
  const bureauOfPost: Record<string, string | null> = {};
  let records: { id: number; postId: string; classification: TClearance }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReference(database.db);
    for (const code of ['berlin', 'paris', 'ottawa']) {
      const [post] = await database.db.select().from(posts).where(eq(posts.code, code));
      postIds[code] = post!.id;
      bureauOfPost[post!.id] = post!.bureauCode;
    }
    await database.db.execute(sql`create table access_fixture (id serial primary key, post_id uuid not null, classification text not null)`);
    for (const code of ['berlin', 'paris', 'ottawa'])
      for (const classification of CLEARANCES) await database.db.insert(fixture).values({ postId: postIds[code]!, classification });
    records = (await database.db.select().from(fixture).orderBy(asc(fixture.id))) as typeof records;
  });
  afterAll(async () => database.close());

  const actor = (role: TRole, clearance: TClearance, overrides: Partial<Actor> = {}): Actor => ({
    id: randomUUID(),
    email: `${role}@demarche.test`,
    name: role,
    role,
    clearance,
    postId: role === 'officer' || role === 'approver' ? postIds.berlin! : null,
    postCode: role === 'officer' || role === 'approver' ? 'berlin' : null,
    bureauCode: role === 'admin' || role === 'hq_analyst' || role === 'directive_author' ? null : 'EUR',
    disabled: false,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  });

  const visibleBySql = async (who: Actor) =>
    (await database.db.select({ id: fixture.id }).from(fixture).where(visibleRecords(who, fixture)).orderBy(asc(fixture.id))).map((r) => r.id);
  const visibleByPredicate = (who: Actor) => records.filter((r) => canSee(who, { ...r, postBureauCode: bureauOfPost[r.postId] ?? null })).map((r) => r.id);
  const describeIds = (ids: number[]) =>
    ids.map((id) => {
      const record = records.find((r) => r.id === id)!;
      const code = Object.keys(postIds).find((c) => postIds[c] === record.postId);
      return `${code}/${record.classification}`;
    });

  it('gives the same answer as a SQL condition and as a predicate, for every role and clearance', async () => {
    for (const role of ROLES)
      for (const clearance of CLEARANCES) {
        const who = actor(role, clearance);
        expect(await visibleBySql(who), `${role} ${clearance}`).toEqual(visibleByPredicate(who));
      }
  });

  it('reads the same posts by predicate (a post page’s sections) as by SQL (its lists), for every role', async () => {
    for (const role of ROLES) {
      const who = actor(role, 'U');
      const bySql = await database.db.select({ id: posts.id }).from(posts).where(postInScope(who, posts.id));
      const inSql = new Set(bySql.map((row) => row.id));
      for (const code of ['berlin', 'paris', 'ottawa']) {
        const id = postIds[code]!;
        expect(postReadable(who, { postId: id, postBureauCode: bureauOfPost[id] ?? null }), `${role} ${code}`).toBe(inSql.has(id));
      }
    }
    expect(postReadable(actor('officer', 'S', { disabled: true }), { postId: postIds.berlin!, postBureauCode: 'EUR' })).toBe(false);
  });

  it('limits officers to their post, bureau analysts to their bureau, and everyone to their clearance', async () => {
    expect(describeIds(await visibleBySql(actor('officer', 'SBU')))).toEqual(['berlin/U', 'berlin/SBU']);
    expect(describeIds(await visibleBySql(actor('approver', 'S')))).toEqual(['berlin/U', 'berlin/SBU', 'berlin/C', 'berlin/S']);
    expect(describeIds(await visibleBySql(actor('bureau_analyst', 'C')))).toEqual(['berlin/U', 'berlin/SBU', 'berlin/C', 'paris/U', 'paris/SBU', 'paris/C']);
    expect(describeIds(await visibleBySql(actor('bureau_analyst', 'U', { bureauCode: 'WHA' })))).toEqual(['ottawa/U']);
    expect(describeIds(await visibleBySql(actor('hq_analyst', 'U')))).toEqual(['berlin/U', 'paris/U', 'ottawa/U']);
    expect(await visibleBySql(actor('directive_author', 'S'))).toHaveLength(12);
    expect(await visibleBySql(actor('admin', 'S'))).toEqual([]);
    expect(await visibleBySql(actor('hq_analyst', 'S', { disabled: true }))).toEqual([]);
    expect(await visibleBySql(actor('officer', 'S', { postId: null }))).toEqual([]);
  });

  it('answers 404, not 403, for a record outside scope or clearance', () => {
    const secretInBerlin = { postId: postIds.berlin!, postBureauCode: 'EUR', classification: 'S' as const };
    const call = () => requireVisible(actor('officer', 'C'), secretInBerlin, 'Engagement');
    expect(call).toThrow(AppError);
    expect(call).toThrow(expect.objectContaining({ status: 404, message: 'Engagement does not exist.' }));
    expect(requireVisible(actor('officer', 'S'), secretInBerlin, 'Engagement')).toBe(secretInBerlin);
  });

  it('never lets the drafter approve their own record (four eyes)', () => {
    const drafter = actor('approver', 'S');
    expect(() => assertFourEyes(drafter, drafter.id, 'this engagement')).toThrow(
      expect.objectContaining({ status: 403, message: 'You drafted this engagement; a second person must approve it (four eyes).' }),
    );
    expect(() => assertFourEyes(actor('approver', 'S'), drafter.id)).not.toThrow();
  });
});
