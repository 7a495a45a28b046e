import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentCategories, tags } from '../db/schema/index';
import { seedReference } from '../reference/seed-reference';
import { againstUncommitted } from '../testing/races';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { createTestDatabase } from '../testing/test-database';
import { COMMON_TAGS } from './seed-tags';

describe('subject TAGS', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ role: 'admin' });
    officer = await t.user({ role: 'officer' });
  });
  afterAll(async () => t.close());

  it('lists the common State TAGS to any signed-in user', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/tags', as: officer });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { code: string; name: string }[];
    expect(items).toEqual(
      expect.arrayContaining([
        { code: 'PREL', name: 'External political relations' },
        { code: 'SMIG', name: 'Migration' },
        { code: 'KTIP', name: 'Trafficking in persons' },
      ]),
    );
    for (const code of ['PGOV', 'PHUM', 'KCRM', 'PTER', 'PINR', 'CVIS', 'ASEC']) expect(items.map((i) => i.code)).toContain(code);
    expect(items.map((i) => i.code)).toEqual([...items.map((i) => i.code)].sort());
    expect((await t.request({ method: 'GET', url: '/api/v1/tags' })).statusCode).toBe(401);
  });

  it('lets administrators add a TAGS code, once, and no one else', async () => {
    const added = await t.request({ method: 'POST', url: '/api/v1/tags', as: admin, payload: { code: 'KOMC', name: ' Organized crime ' } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ code: 'KOMC', name: 'Organized crime' });
    const listed = await t.request({ method: 'GET', url: '/api/v1/tags?limit=500', as: officer });
    expect(listed.json().items).toContainEqual({ code: 'KOMC', name: 'Organized crime' });

    const again = await t.request({ method: 'POST', url: '/api/v1/tags', as: admin, payload: { code: 'KOMC', name: 'Other' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'body.code', message: 'already exists' }]);
    const malformed = await t.request({ method: 'POST', url: '/api/v1/tags', as: admin, payload: { code: 'komc1', name: '' } });
    expect(malformed.statusCode).toBe(400);
    expect(
      malformed
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['body.code', 'body.name']);

    const refused = await t.request({ method: 'POST', url: '/api/v1/tags', as: officer, payload: { code: 'KABC', name: 'Nope' } });
    expect(refused.statusCode).toBe(403);

    const audit = await t.request({ method: 'GET', url: '/api/v1/audit?action=tag.created', as: admin });
    expect(audit.json().items).toEqual([expect.objectContaining({ recordType: 'tag', recordId: 'KOMC', actorEmail: admin.email })]);
  });

  it('answers in words when another administrator adds the same code at the same moment, a TAGS code or an incident category', async () => {
    // The other administrator's code is written but not committed: the check cannot see it, the key decides.
    const tag = await againstUncommitted(
      t,
      (tx) => tx.insert(tags).values({ code: 'KRAC', name: 'Synthetic race' }),
      () => t.request({ method: 'POST', url: '/api/v1/tags', as: admin, payload: { code: 'KRAC', name: 'Other' } }),
    );
    expect(tag.statusCode, tag.body).toBe(409);
    expect(tag.json().errors).toEqual([{ field: 'body.code', message: 'already exists' }]);
    const category = await againstUncommitted(
      t,
      (tx) => tx.insert(incidentCategories).values({ code: 'synthetic_race', name: 'Synthetic race' }),
      () => t.request({ method: 'POST', url: '/api/v1/incident-categories', as: admin, payload: { code: 'synthetic_race', name: 'Other' } }),
    );
    expect(category.statusCode, category.body).toBe(409);
    expect(category.json().errors).toEqual([{ field: 'body.code', message: '"synthetic_race" is taken: choose another code' }]);
  });

  it('pages through the TAGS with the cursor', async () => {
    const first = (await t.request({ method: 'GET', url: '/api/v1/tags?limit=5', as: officer })).json();
    expect(first.items).toHaveLength(5);
    const second = (await t.request({ method: 'GET', url: `/api/v1/tags?limit=5&cursor=${first.nextCursor}`, as: officer })).json();
    expect(second.items[0].code > first.items[4].code).toBe(true);
  });
});

describe('reference seed with TAGS', () => {
  it('loads the common TAGS once, and leaves them (and added ones) alone when run again', async () => {
    const database = await createTestDatabase();
    try {
      const first = await seedReference(database.db);
      expect(first.tagsAdded).toBe(COMMON_TAGS.length);
      await database.db.update(tags).set({ name: 'Migration (renamed by an administrator)' }).where(eq(tags.code, 'SMIG'));
      const before = await database.db.select().from(tags).orderBy(asc(tags.code));
      const second = await seedReference(database.db);
      expect(second).toMatchObject({ postsAdded: 0, tagsAdded: 0 });
      expect(await database.db.select().from(tags).orderBy(asc(tags.code))).toEqual(before);
    } finally {
      await database.close();
    }
  });
});
