import { eq } from 'drizzle-orm';
import type { TBureauCode } from '../../shared/reference';
import type { TClearance, TRole } from '../../shared/identity';
import type { Executor } from '../db/client';
import { posts, users } from '../db/schema/index';

/** The signed-in user as the access rules see them. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: TRole;
  clearance: TClearance;
  /** Home post, for officers and approvers. */
  postId: string | null;
  postCode: string | null;
  /** The bureau analyst's bureau, or the home post's bureau. */
  bureauCode: TBureauCode | null;
  disabled: boolean;
  /** When the account was created and last changed: read with the rest, so presenting the
   * signed-in user (`/me`) needs no second query. */
  createdAt: Date;
  updatedAt: Date;
}

/** The columns an Actor is made of (users left-joined to posts), for queries that load one along the way. */
export const actorColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  clearance: users.clearance,
  postId: users.postId,
  postCode: posts.code,
  userBureau: users.bureauCode,
  postBureau: posts.bureauCode,
  disabled: users.disabled,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export interface ActorRow {
  id: string;
  email: string;
  name: string;
  role: string;
  clearance: string;
  postId: string | null;
  postCode: string | null;
  userBureau: string | null;
  postBureau: string | null;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export function toActor(row: ActorRow): Actor {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as TRole,
    clearance: row.clearance as TClearance,
    postId: row.postId,
    postCode: row.postCode,
    bureauCode: (row.userBureau ?? row.postBureau) as TBureauCode | null,
    disabled: row.disabled,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function loadActor(db: Executor, userId: string): Promise<Actor | undefined> {
  const [row] = await db.select(actorColumns).from(users).leftJoin(posts, eq(posts.id, users.postId)).where(eq(users.id, userId)).limit(1);
  return row ? toActor(row) : undefined;
}
