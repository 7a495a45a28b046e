import { sql } from 'drizzle-orm';
import type { TUser, TUserCreate } from '../../shared/identity';
import type { Db } from '../db/client';
import { users } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import { hashPassword, passwordProblems } from './passwords';
import { findUserRow } from './user-queries';
import { presentUser } from './user-presenter';
import { resolveUserScope } from './user-scope';
import type { Actor } from './actor';

/** Creates a user; the caller has checked that the actor may (admins, the CLI, first start). */
export async function createUser(db: Db, input: TUserCreate, context: AuditContext, viewer: Actor | null = null): Promise<TUser> {
  const email = input.email.trim().toLowerCase();
  const { scope, errors } = await resolveUserScope(db, input.role, input.post, input.bureau);
  errors.push(...passwordProblems(input.password, email));
  if (errors.length > 0) throw AppError.validation(errors);
  const passwordHash = await hashPassword(input.password);

  const id = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
    if (existing) {
      throw new AppError('conflict', `A user with the email ${email} already exists.`, [{ field: 'body.email', message: 'is already used by another user' }]);
    }
    const [created] = await tx
      .insert(users)
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        postId: scope.postId,
        bureauCode: scope.bureauCode,
        clearance: input.clearance,
        passwordHash,
      })
      .returning({ id: users.id });
    if (!created) throw new Error('insert returned no row');
    await recordAudit(tx, context, {
      action: 'user.created',
      classification: 'U',
      recordType: 'user',
      recordId: created.id,
      change: {
        email,
        name: input.name.trim(),
        role: input.role,
        post: input.post ?? null,
        bureau: scope.bureauCode,
        clearance: input.clearance,
      },
    });
    return created.id;
  });
  const row = await findUserRow(db, id);
  if (!row) throw new Error('created user not found');
  return presentUser(row, viewer);
}
