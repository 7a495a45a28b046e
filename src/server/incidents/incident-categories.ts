import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ZIncidentCategoryInput, type TIncidentCategory } from '../../shared/incidents';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { isUniqueViolation } from '../db/constraint-errors';
import { incidentCategories } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';

/** The taxonomy, in its order; reference data every signed-in user may read. */
export async function listCategories(db: Executor): Promise<{ items: TIncidentCategory[] }> {
  const rows = await db
    .select({ code: incidentCategories.code, name: incidentCategories.name, description: incidentCategories.description, retired: incidentCategories.retired })
    .from(incidentCategories)
    .orderBy(asc(incidentCategories.sortOrder), asc(incidentCategories.name));
  return { items: rows };
}

/** Administrators add a category (settings are theirs, as with TAGS). */
export async function createCategory(db: Executor, raw: unknown, context: AuditContext, actor: Actor): Promise<TIncidentCategory> {
  requirePermission(actor, 'users.manage');
  const input = parseInput(ZIncidentCategoryInput, raw);
  // A taken code is a conflict, as for TAGS and policy areas.
  const taken = () =>
    new AppError('conflict', `An incident category with the code "${input.code}" already exists: choose another code.`, [
      { field: 'body.code', message: `"${input.code}" is taken: choose another code` },
    ]);
  return db
    .transaction(async (tx) => {
      const [existing] = await tx.select({ code: incidentCategories.code }).from(incidentCategories).where(eq(incidentCategories.code, input.code)).limit(1);
      if (existing) throw taken();
      const [created] = await tx
        .insert(incidentCategories)
        .values({ code: input.code, name: input.name, description: input.description, sortOrder: 1000 })
        .returning({
          code: incidentCategories.code,
          name: incidentCategories.name,
          description: incidentCategories.description,
          retired: incidentCategories.retired,
        });
      await recordAudit(tx, context, {
        action: 'incident_category.created',
        recordType: 'incident_category',
        recordId: input.code,
        change: input,
        classification: 'U',
      });
      return created!;
    })
    .catch((error: unknown) => {
      // Another administrator added the same code between the check and the insert.
      throw isUniqueViolation(error, 'incident_categories_pkey') ? taken() : error;
    });
}

export const ZCategoryUpdate = ZIncidentCategoryInput.omit({ code: true })
  .partial()
  .extend({ retired: z.boolean({ error: 'must be true or false' }).optional() });

/** Renames, describes or retires a category; a retired one stays on its incidents but is not offered for new ones. */
export async function updateCategory(db: Executor, code: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TIncidentCategory> {
  requirePermission(actor, 'users.manage');
  const input = parseInput(ZCategoryUpdate, raw);
  const set = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  if (Object.keys(set).length === 0) {
    throw AppError.validation([{ field: 'body', message: 'names nothing to change: send name, description or retired' }]);
  }
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(incidentCategories).set(set).where(eq(incidentCategories.code, code)).returning({
      code: incidentCategories.code,
      name: incidentCategories.name,
      description: incidentCategories.description,
      retired: incidentCategories.retired,
    });
    if (!updated) throw AppError.notFound('Category');
    await recordAudit(tx, context, {
      action: 'incident_category.updated',
      recordType: 'incident_category',
      recordId: code,
      change: { code, ...input },
      classification: 'U',
    });
    return updated;
  });
}
