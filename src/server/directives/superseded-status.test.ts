import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directives } from '../db/schema/index';
import { buildDirective } from '../engagements/test-builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';

/** "Superseded" says a newer directive exists: only a reader who may see that one is told. */
describe('a superseded directive, as each reader may know it', () => {
  let t: TestApp;
  let uReader: TestUser;
  let sReader: TestUser;
  let old: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    uReader = await t.user({ role: 'hq_analyst', clearance: 'U' });
    sReader = await t.user({ role: 'hq_analyst', clearance: 'S' });
    old = await buildDirective(t.database.db, { actionPosts: ['berlin'], classification: 'U', status: 'superseded' });
    const successor = await buildDirective(t.database.db, { actionPosts: ['berlin'], classification: 'S' });
    await t.database.db.update(directives).set({ supersedesId: old.id }).where(eq(directives.id, successor.id));
  });
  afterAll(async () => t.close());

  const get = async (as: TestUser) => (await t.request({ method: 'GET', url: `/api/v1/directives/${old.id}`, as })).json();
  const listed = async (as: TestUser, status: string) =>
    (await t.request({ method: 'GET', url: `/api/v1/directives?status=${status}&limit=500`, as })).json().items.map((d: { id: string }) => d.id);

  it('reads as issued to a reader who may not see the directive that replaced it, in the page and in the filters', async () => {
    expect(await get(uReader)).toMatchObject({ status: 'issued', supersededBy: null });
    expect(await listed(uReader, 'superseded')).not.toContain(old.id);
    expect(await listed(uReader, 'issued')).toContain(old.id);
  });

  it('reads as superseded, with its successor, to a reader cleared for it', async () => {
    const seen = await get(sReader);
    expect(seen.status).toBe('superseded');
    expect(seen.supersededBy).not.toBeNull();
    expect(await listed(sReader, 'superseded')).toContain(old.id);
    expect(await listed(sReader, 'issued')).not.toContain(old.id);
  });
});
