import { and, asc, eq, gt, ilike, or, type SQL } from 'drizzle-orm';
import { containing } from '../db/like';
import type { TPage } from '../../shared/pagination';
import type { TUser, TUserListQuery } from '../../shared/identity';
import type { Executor } from '../db/client';
import { posts, users } from '../db/schema/index';
import { decodeCursor, toPage } from '../http/cursor';
import type { Actor } from './actor';
import { presentUser, type UserRow } from './user-presenter';

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  postCode: posts.code,
  userBureau: users.bureauCode,
  postBureau: posts.bureauCode,
  clearance: users.clearance,
  disabled: users.disabled,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export async function findUserRow(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select(userColumns).from(users).leftJoin(posts, eq(posts.id, users.postId)).where(eq(users.id, id)).limit(1);
  return row;
}

export async function getUser(db: Executor, id: string, viewer: Actor | null): Promise<TUser | undefined> {
  const row = await findUserRow(db, id);
  return row ? presentUser(row, viewer) : undefined;
}

export async function listUsers(db: Executor, query: TUserListQuery, viewer: Actor): Promise<TPage<TUser>> {
  const after = decodeCursor(query.cursor, ['text']);
  const conditions: (SQL | undefined)[] = [
    query.role ? eq(users.role, query.role) : undefined,
    query.post ? eq(posts.code, query.post) : undefined,
    query.disabled === undefined ? undefined : eq(users.disabled, query.disabled),
    query.q ? or(ilike(users.name, containing(query.q)), ilike(users.email, containing(query.q))) : undefined,
    after ? gt(users.email, String(after[0])) : undefined,
  ];
  const rows = await db
    .select(userColumns)
    .from(users)
    .leftJoin(posts, eq(posts.id, users.postId))
    .where(and(...conditions))
    .orderBy(asc(users.email))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => [row.email]);
  return { items: page.items.map((row) => presentUser(row, viewer)), nextCursor: page.nextCursor };
}
