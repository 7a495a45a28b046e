import type { TBureauCode } from '../../shared/reference';
import type { TClearance, TRole, TUser } from '../../shared/identity';
import type { Actor } from './actor';
import { hasPermission } from './access-policy';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  postCode: string | null;
  userBureau: string | null;
  postBureau: string | null;
  clearance: string;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * What `viewer` may do with this user; the UI shows only these controls. `update` is the name
 * and password; `update_access` the role, post, bureau and clearance, which nobody changes on
 * their own account (update-user.ts refuses it), nor whether it is disabled.
 */
export function userActions(viewer: Actor | null, user: Pick<UserRow, 'id' | 'disabled'>): string[] {
  if (!viewer || !hasPermission(viewer, 'users.manage')) return [];
  if (viewer.id === user.id) return ['update'];
  return ['update', 'update_access', user.disabled ? 'enable' : 'disable'];
}

export function presentUser(row: UserRow, viewer: Actor | null): TUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as TRole,
    post: row.postCode,
    bureau: (row.userBureau ?? row.postBureau) as TBureauCode | null,
    clearance: row.clearance as TClearance,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: userActions(viewer, row),
  };
}
