import { and, asc, count, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { TBureau, TCountry, TPost } from '../../shared/reference';
import type { TCountryListQuery, TPostListQuery, TPostStaff } from '../../shared/reference-api';
import type { TPage } from '../../shared/pagination';
import type { Db } from '../db/client';
import { containing } from '../db/like';
import { bureaus, countries, posts, users } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { decodeCursor, toPage } from '../http/cursor';
import { presentCountry, presentPost, type PostRow } from './reference-presenter';

export async function listBureaus(db: Db): Promise<TPage<TBureau>> {
  const countryCounts = db
    .select({ bureauCode: countries.bureauCode, n: count().as('country_n') })
    .from(countries)
    .groupBy(countries.bureauCode)
    .as('cc');
  const postCounts = db
    .select({ bureauCode: posts.bureauCode, n: count().as('post_n') })
    .from(posts)
    .groupBy(posts.bureauCode)
    .as('pc');
  const rows = await db
    .select({
      code: bureaus.code,
      name: bureaus.name,
      countryCount: sql<number>`coalesce(${countryCounts.n}, 0)::int`,
      postCount: sql<number>`coalesce(${postCounts.n}, 0)::int`,
    })
    .from(bureaus)
    .leftJoin(countryCounts, eq(countryCounts.bureauCode, bureaus.code))
    .leftJoin(postCounts, eq(postCounts.bureauCode, bureaus.code))
    .orderBy(asc(bureaus.code));
  return { items: rows as TBureau[], nextCursor: null };
}

export async function listCountries(db: Db, query: TCountryListQuery): Promise<TPage<TCountry>> {
  const after = decodeCursor(query.cursor, ['text']);
  const conditions: (SQL | undefined)[] = [
    query.bureau ? eq(countries.bureauCode, query.bureau) : undefined,
    after ? gt(countries.alpha2, String(after[0])) : undefined,
  ];
  const rows = await db
    .select()
    .from(countries)
    .where(and(...conditions))
    .orderBy(asc(countries.alpha2))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => [row.alpha2]);
  return { items: page.items.map(presentCountry), nextCursor: page.nextCursor };
}

export async function getCountry(db: Db, code: string): Promise<TCountry | undefined> {
  const rows = await db
    .select()
    .from(countries)
    .where(code.length === 2 ? eq(countries.alpha2, code) : eq(countries.alpha3, code))
    .limit(1);
  return rows[0] ? presentCountry(rows[0]) : undefined;
}

const postColumns = {
  id: posts.id,
  code: posts.code,
  name: posts.name,
  kind: posts.kind,
  country: posts.countryAlpha2,
  countryName: countries.name,
  city: posts.city,
  lat: posts.lat,
  lon: posts.lon,
  bureau: posts.bureauCode,
};

/** Posts by code; `q` finds a post by part of its name, city, country name or code. */
export async function listPosts(db: Db, query: TPostListQuery): Promise<TPage<TPost>> {
  const after = decodeCursor(query.cursor, ['text']);
  const like = query.q ? containing(query.q) : undefined;
  const conditions: (SQL | undefined)[] = [
    like ? or(ilike(posts.name, like), ilike(posts.city, like), ilike(countries.name, like), ilike(posts.code, like)) : undefined,
    query.bureau ? eq(posts.bureauCode, query.bureau) : undefined,
    query.country ? or(eq(countries.alpha2, query.country), eq(countries.alpha3, query.country)) : undefined,
    query.kind ? eq(posts.kind, query.kind) : undefined,
    after ? gt(posts.code, String(after[0])) : undefined,
  ];
  const rows: PostRow[] = await db
    .select(postColumns)
    .from(posts)
    .innerJoin(countries, eq(countries.alpha2, posts.countryAlpha2))
    .where(and(...conditions))
    .orderBy(asc(posts.code))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => [row.code]);
  return { items: page.items.map(presentPost), nextCursor: page.nextCursor };
}

export async function getPost(db: Db, code: string): Promise<TPost | undefined> {
  const rows: PostRow[] = await db
    .select(postColumns)
    .from(posts)
    .innerJoin(countries, eq(countries.alpha2, posts.countryAlpha2))
    .where(eq(posts.code, code))
    .limit(1);
  return rows[0] ? presentPost(rows[0]) : undefined;
}

/**
 * The enabled users whose home post this is, by name: the people a colleague may name as
 * present at an engagement or give a follow-up to. Only the post's own staff and administrators
 * may list them (a post's staff is not reference data).
 */
export async function listPostStaff(db: Db, actor: Actor, code: string): Promise<TPostStaff> {
  const [post] = await db.select({ id: posts.id }).from(posts).where(eq(posts.code, code)).limit(1);
  if (!post) throw AppError.notFound(`Post ${code}`);
  if (actor.role !== 'admin' && actor.postCode !== code) {
    throw new AppError('forbidden', 'Only the people of this post (and administrators) may list its staff.');
  }
  const items = await db
    .select({ id: users.id, name: users.name, role: users.role, clearance: users.clearance })
    .from(users)
    .where(and(eq(users.postId, post.id), eq(users.disabled, false)))
    .orderBy(asc(users.name), asc(users.id));
  return { items: items as TPostStaff['items'] };
}
