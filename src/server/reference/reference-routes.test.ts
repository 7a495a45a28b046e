import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPage } from '../../shared/pagination';
import type { TBureau, TCountry, TPost } from '../../shared/reference';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { eq } from 'drizzle-orm';
import type { TPostStaff } from '../../shared/reference-api';
import { users } from '../db/schema/index';

describe('reference API', () => {
  let t: TestApp;
  let reader: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    reader = await t.user({ role: 'officer', clearance: 'U' });
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.request({ method: 'GET', url, as: reader });

  it('requires sign-in', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/posts' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ status: 401, title: 'Not signed in' });
  });

  it('lists bureaus with their countries and posts counted', async () => {
    const body = (await get('/api/v1/bureaus')).json<TPage<TBureau>>();
    expect(body.items.map((b) => b.code)).toEqual(['AF', 'EAP', 'EUR', 'IO', 'NEA', 'SCA', 'WHA']);
    const eur = body.items.find((b) => b.code === 'EUR');
    expect(eur?.postCount).toBeGreaterThan(40);
    expect(body.items.find((b) => b.code === 'IO')).toMatchObject({ countryCount: 0, postCount: 0 });
    expect(body.nextCursor).toBeNull();
  });

  it('filters posts by bureau and by country code', async () => {
    const eur = (await get('/api/v1/posts?bureau=EUR&limit=500')).json<TPage<TPost>>();
    expect(eur.items.map((p) => p.code)).toContain('berlin');
    expect(eur.items.map((p) => p.code)).not.toContain('ottawa');
    expect(eur.items.every((p) => p.bureau === 'EUR')).toBe(true);

    const canada = (await get('/api/v1/posts?country=CAN')).json<TPage<TPost>>();
    expect(canada.items).toEqual([expect.objectContaining({ code: 'ottawa', country: 'CA', countryName: 'Canada' })]);
    const lower = (await get('/api/v1/posts?country=ca')).json<TPage<TPost>>();
    expect(lower.items.map((p) => p.code)).toEqual(['ottawa']);
  });

  it('pages through every post exactly once with the cursor', async () => {
    const all = (await get('/api/v1/posts?limit=500')).json<TPage<TPost>>();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TPage<TPost> = (await get(`/api/v1/posts?limit=37${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(37);
      seen.push(...page.items.map((p) => p.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((p) => p.code));
    expect(all.nextCursor).toBeNull();
  });

  it('finds posts by part of their name, city, country name or code, in any case, and pages the hits', async () => {
    const codes = async (url: string) => (await get(url)).json<TPage<TPost>>().items.map((p) => p.code);
    expect(await codes('/api/v1/posts?q=berl')).toEqual(['berlin']);
    // The country's name: Canada's embassy is at Ottawa.
    expect(await codes('/api/v1/posts?q=CANADA')).toEqual(['ottawa']);
    // The city (Brasília's embassy is coded by its capital's name) and a surrounding space ignored.
    expect(await codes('/api/v1/posts?q=%20bras%C3%ADlia%20')).toEqual(['brasilia']);
    // Combined with the other filters: New Zealand is not in EUR.
    expect(await codes('/api/v1/posts?q=zealand')).toEqual(['wellington']);
    expect(await codes('/api/v1/posts?q=zealand&bureau=EUR')).toEqual([]);
    // Wildcards are matched as typed: no post has a literal % or _ in it.
    expect(await codes('/api/v1/posts?q=%25')).toEqual([]);
    expect(await codes('/api/v1/posts?q=_')).toEqual([]);

    const all = await codes('/api/v1/posts?q=an&limit=500');
    expect(all.length).toBeGreaterThan(10);
    const first = (await get('/api/v1/posts?q=an&limit=4')).json<TPage<TPost>>();
    const second = (await get(`/api/v1/posts?q=an&limit=4&cursor=${first.nextCursor}`)).json<TPage<TPost>>();
    expect([...first.items, ...second.items].map((p) => p.code)).toEqual(all.slice(0, 8));
  });

  it('refuses a search longer than 200 characters, naming the field', async () => {
    const response = await get(`/api/v1/posts?q=${'a'.repeat(201)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'query.q', message: 'must be at most 200 characters' }]);
  });

  it('pages countries and filters them by bureau', async () => {
    const first = (await get('/api/v1/countries?limit=2')).json<TPage<TCountry>>();
    expect(first.items.map((c) => c.alpha2)).toEqual(['AD', 'AE']);
    const second = (await get(`/api/v1/countries?limit=2&cursor=${first.nextCursor}`)).json<TPage<TCountry>>();
    expect(second.items.map((c) => c.alpha2)).toEqual(['AF', 'AG']);
    const sca = (await get('/api/v1/countries?bureau=SCA&limit=500')).json<TPage<TCountry>>();
    expect(sca.items.map((c) => c.alpha2)).toEqual(expect.arrayContaining(['IN', 'PK', 'AF']));
    expect(sca.items.every((c) => c.bureau === 'SCA')).toBe(true);
  });

  it('returns one post or country, and 404 problem+json for an unknown one', async () => {
    expect((await get('/api/v1/posts/berlin')).json()).toMatchObject({ name: 'Embassy Berlin', country: 'DE' });
    expect((await get('/api/v1/countries/DEU')).json()).toMatchObject({ alpha2: 'DE', capital: 'Berlin' });
    const missing = await get('/api/v1/posts/atlantis');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ status: 404, detail: 'Post atlantis does not exist.' });
  });

  it('rejects bad filters with a problem naming the field', async () => {
    const response = await get('/api/v1/posts?bureau=XYZ&limit=9999');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'query.bureau', message: expect.stringContaining('EUR') },
        { field: 'query.limit', message: 'must be at most 500' },
      ]),
    );
    const cursor = await get('/api/v1/posts?cursor=not-a-cursor');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors).toEqual([{ field: 'query.cursor', message: 'is not a cursor this server issued' }]);
  });

  it('is read-only: writes to reference data are not routes', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const response = await t.request({ method, url: '/api/v1/posts/berlin', payload: {}, as: reader });
      expect(response.statusCode).toBe(404);
    }
    expect((await get('/api/v1/posts/berlin')).statusCode).toBe(200);
  });

  it('answers unknown API paths with problem+json', async () => {
    const response = await get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ type: expect.any(String), title: 'Not found', status: 404 });
  });

  it('lists a post’s enabled people by name to its own staff, and to nobody at another post', async () => {
    const approver = await t.user({ role: 'approver', name: 'Anna Approver', clearance: 'C' });
    const gone = await t.user({ role: 'officer', name: 'Gone Officer' });
    await t.user({ role: 'officer', post: 'paris', name: 'Paula Paris' });
    await t.database.db.update(users).set({ disabled: true }).where(eq(users.id, gone.actor.id));
    const staff = await get('/api/v1/posts/berlin/staff');
    expect(staff.statusCode).toBe(200);
    const items = staff.json<TPostStaff>().items;
    expect(items.map((member) => member.name)).toContain('Anna Approver');
    expect(items.find((member) => member.id === approver.actor.id)).toEqual({ id: approver.actor.id, name: 'Anna Approver', role: 'approver', clearance: 'C' });
    expect(items.map((member) => member.name)).not.toContain('Gone Officer');
    expect(items.map((member) => member.name)).not.toContain('Paula Paris');
    expect(items.map((member) => member.name)).toEqual([...items.map((member) => member.name)].sort((a, b) => a.localeCompare(b)));

    const paris = await get('/api/v1/posts/paris/staff');
    expect(paris.statusCode).toBe(403);
    expect(paris.json()).toMatchObject({ detail: 'Only the people of this post (and administrators) may list its staff.' });
    expect((await get('/api/v1/posts/nowhere/staff')).statusCode).toBe(404);
  });
});
