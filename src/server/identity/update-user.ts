import { eq } from 'drizzle-orm';
import type { TRole, TUser, TUserUpdate } from '../../shared/identity';
import type { Db } from '../db/client';
import { sessions, users } from '../db/schema/index';
import { AppError, type FieldError } from '../http/app-error';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from './actor';
import { revokeAllApiTokens } from './api-tokens';
import { hashPassword, passwordProblems } from './passwords';
import { findUserRow } from './user-queries';
import { presentUser, type UserRow } from './user-presenter';
import { resolveUserScope } from './user-scope';

/** What a user may not change on their own account: what they may see and whether they may sign in. */
const OWN_ACCESS_FIELDS = ['role', 'post', 'bureau', 'clearance', 'disabled'] as const;

/** The fields of `update` that would change the user's own access. */
function ownAccessChanges(current: UserRow, update: TUserUpdate): FieldError[] {
  const now = { role: current.role, post: current.postCode, bureau: current.userBureau, clearance: current.clearance, disabled: current.disabled };
  return OWN_ACCESS_FIELDS.filter((field) => update[field] !== undefined && update[field] !== now[field]).map((field) => ({
    field: `body.${field}`,
    message: 'cannot be changed on your own account',
  }));
}

/**
 * Changes a user. Disabling, or changing role, scope, clearance or password, ends all of the
 * user's sessions at once: what they could see may no longer be theirs to see. Disabling or a
 * new password also revokes all of their API tokens. Nobody changes their own access: an
 * administrator could otherwise clear themselves for anything.
 */
export async function updateUser(db: Db, id: string, update: TUserUpdate, context: AuditContext, viewer: Actor): Promise<TUser> {
  const current = await findUserRow(db, id);
  if (!current) throw AppError.notFound('User');
  if (viewer.id === id) {
    const own = ownAccessChanges(current, update);
    if (own.length > 0) {
      throw new AppError(
        'forbidden',
        'You cannot change your own role, post, bureau, clearance or disabled flag; another administrator must. Your name and password you may change.',
        own,
      );
    }
  }

  const errors: FieldError[] = [];
  const role = (update.role ?? current.role) as TRole;
  const scopeTouched = update.role !== undefined || update.post !== undefined || update.bureau !== undefined;
  // When only the role changes, keep whichever of post or bureau the new role uses.
  const post = update.post !== undefined ? update.post : update.role !== undefined && !['officer', 'approver'].includes(role) ? null : current.postCode;
  const bureau = update.bureau !== undefined ? update.bureau : role === 'bureau_analyst' ? current.userBureau : null;
  const { scope, errors: scopeErrors } = scopeTouched ? await resolveUserScope(db, role, post, bureau) : { scope: null, errors: [] };
  errors.push(...scopeErrors);
  if (update.password !== undefined) errors.push(...passwordProblems(update.password, current.email));
  if (errors.length > 0) throw AppError.validation(errors);

  const change: Record<string, { from: unknown; to: unknown } | string> = {};
  const set: Partial<typeof users.$inferInsert> = {};
  const note = (field: string, from: unknown, to: unknown) => {
    if (from !== to) change[field] = { from, to };
  };
  if (update.name !== undefined) {
    set.name = update.name.trim();
    note('name', current.name, set.name);
  }
  if (update.role !== undefined) {
    set.role = update.role;
    note('role', current.role, update.role);
  }
  if (scope) {
    set.postId = scope.postId;
    set.bureauCode = scope.bureauCode;
    note('post', current.postCode, post ?? null);
    note('bureau', current.userBureau, scope.bureauCode);
  }
  if (update.clearance !== undefined) {
    set.clearance = update.clearance;
    note('clearance', current.clearance, update.clearance);
  }
  if (update.disabled !== undefined) {
    set.disabled = update.disabled;
    note('disabled', current.disabled, update.disabled);
  }
  if (update.password !== undefined) {
    set.passwordHash = await hashPassword(update.password);
    change.password = 'changed';
  }
  const endsSessions = ['role', 'post', 'bureau', 'clearance', 'password'].some((field) => field in change) || update.disabled === true;
  const tokensRevokedBecause = update.disabled === true ? 'user disabled' : update.password !== undefined ? 'password changed' : undefined;

  if (Object.keys(change).length > 0) {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ ...set, updatedAt: new Date() })
        .where(eq(users.id, id));
      if (endsSessions) await tx.delete(sessions).where(eq(sessions.userId, id));
      await recordAudit(tx, context, {
        action: 'user.updated',
        classification: 'U',
        recordType: 'user',
        recordId: id,
        change: { ...change, ...(endsSessions ? { sessionsEnded: true } : {}) },
      });
      if (tokensRevokedBecause) await revokeAllApiTokens(tx, id, tokensRevokedBecause, context);
    });
  }
  const row = await findUserRow(db, id);
  if (!row) throw AppError.notFound('User');
  return presentUser(row, viewer);
}
